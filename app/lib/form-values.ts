// A stored record as a form's starting values. Kept apart from the form schemas (and free of zod)
// because edit pages call it in the browser, where zod would add some 45 KiB of compressed script.
import type { IsoDate } from "./dates";
import { type DatePrecision, PRECISIONS_WITHOUT_DAY } from "./partial-date";

/** An ISO date as a GOV.UK date input's initial value. */
export function dateToParts(value: IsoDate | null | undefined) {
  if (!value) return undefined;
  const [year, month, day] = value.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** A stored partial date as a GOV.UK date input's initial value, with its precision and no invented day. */
export function partialDateToParts(value: IsoDate | null | undefined, precision: DatePrecision = "day") {
  const parts = dateToParts(value);
  if (!parts) return undefined;
  if (precision === "year") return { year: parts.year, precision };
  if (PRECISIONS_WITHOUT_DAY.includes(precision)) return { month: parts.month, year: parts.year, precision };
  return { ...parts, precision };
}

/**
 * A stored record as a form's starting values: dates named in `dateFields` become GOV.UK date
 * parts (with their precision, where the record has a `<name>Precision`), true becomes a ticked box, lists one item a line, everything else text; empty values
 * and the version (a hidden field of its own) are left out.
 */
export function formValuesOf(
  record: Record<string, unknown>,
  dateFields: readonly string[] = [],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === null || value === undefined || value === false || key === "version") continue;
    if (key.endsWith("Precision") && dateFields.includes(key.slice(0, -"Precision".length))) continue;
    if (dateFields.includes(key)) {
      const precision = record[`${key}Precision`] as DatePrecision | undefined;
      values[key] = precision ? partialDateToParts(value as string, precision) : dateToParts(value as string);
    } else if (value === true) values[key] = "on";
    else if (Array.isArray(value)) values[key] = value.join("\n");
    else values[key] = String(value);
  }
  return values;
}
