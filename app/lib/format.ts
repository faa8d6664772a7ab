// The one place dates and times are formatted: UK style, in Europe/London.
const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});
const timeFormat = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: "Europe/London",
});

/** "19 August 2025" */
export function formatDate(value: Date | string): string {
  return dateFormat.format(typeof value === "string" ? new Date(value) : value);
}

/** "16:00" in London time */
export function formatTime(value: Date | string): string {
  return timeFormat.format(typeof value === "string" ? new Date(value) : value);
}

/** "19 August 2025 at 16:00" */
export function formatDateTime(value: Date | string): string {
  return `${formatDate(value)} at ${formatTime(value)}`;
}
