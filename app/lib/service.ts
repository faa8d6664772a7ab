// The service's name and page titles, in one place.
export const SERVICE_NAME = "Hotel sites legal tracker";

export function pageTitle(...parts: string[]): string {
  return [...parts, SERVICE_NAME].join(" – ");
}
