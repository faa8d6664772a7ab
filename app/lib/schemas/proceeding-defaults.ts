// A stored proceeding as the proceeding form's starting values.
import { dateToParts } from "./common";

const DATE_KEYS = new Set(["issuedOn", "heardOn", "decidedOn", "judgmentPublishedOn", "joinedOn"]);

export function formValuesOf(record: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === null || value === undefined || key === "version") continue;
    if (DATE_KEYS.has(key)) values[key] = dateToParts(value as string);
    else if (Array.isArray(value)) values[key] = value.join("\n");
    else values[key] = String(value);
  }
  return values;
}
