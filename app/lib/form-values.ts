// A stored record as a form's starting values. Kept apart from the form schemas (and free of zod)
// because edit pages call it in the browser, where zod would add some 45 KiB of compressed script.
import type { IsoDate } from "./dates";

/** An ISO date as a GOV.UK date input's initial value. */
export function dateToParts(value: IsoDate | null | undefined) {
  if (!value) return undefined;
  const [year, month, day] = value.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/**
 * A stored record as a form's starting values: dates named in `dateFields` become GOV.UK date
 * parts, true becomes a ticked box, lists one item a line, everything else text; empty values
 * and the version (a hidden field of its own) are left out.
 */
export function formValuesOf(
  record: Record<string, unknown>,
  dateFields: readonly string[] = [],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === null || value === undefined || value === false || key === "version") continue;
    if (dateFields.includes(key)) values[key] = dateToParts(value as string);
    else if (value === true) values[key] = "on";
    else if (Array.isArray(value)) values[key] = value.join("\n");
    else values[key] = String(value);
  }
  return values;
}
