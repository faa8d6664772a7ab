// The service's name and page titles, in one place.
export const SERVICE_NAME = "Hotel sites legal tracker";

export function pageTitle(...parts: string[]): string {
  return [...parts, SERVICE_NAME].join(" – ");
}

/** What a person is told while the database cannot be reached (a 503). */
export const SERVICE_UNAVAILABLE = "The service is not available at the moment. Try again in a few minutes.";
