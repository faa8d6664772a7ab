// Building blocks for form schemas: optional text, GOV.UK dates, whole numbers, the edit version.
import { z } from "zod";
import { type IsoDate, parseDateParts } from "../dates";
import { type DatePrecision, datePrecisions, PRECISIONS_WITHOUT_DAY, storedDate } from "../partial-date";

/** Optional free text: blank becomes null. */
export function optionalText(label: string, max = 500) {
  return z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => (value ? value : null));
}

export function requiredText(message: string, label: string, max = 500) {
  return z.string({ error: message }).trim().min(1, message).max(max, `${label} must be ${max} characters or fewer`);
}

const dateParts = z
  .object({ day: z.string().optional(), month: z.string().optional(), year: z.string().optional() })
  .optional();

/** A GOV.UK date input. `name` begins the messages: "The date the notice was served must …". */
export function govukDate(name: string, options: { required?: string } = {}) {
  return dateParts.transform((parts, ctx): IsoDate | null => {
    const result = parseDateParts(parts ?? {}, name);
    if ("error" in result) {
      ctx.addIssue({ code: "custom", message: result.error });
      return z.NEVER;
    }
    if (result.value === null && options.required) {
      ctx.addIssue({ code: "custom", message: options.required });
      return z.NEVER;
    }
    return result.value;
  });
}

const partialDateParts = z
  .object({
    day: z.string().optional(),
    month: z.string().optional(),
    year: z.string().optional(),
    precision: z.string().optional(),
  })
  .optional();

/** A past date as precise as its source: what is stored (the date it sorts at) and its precision. */
export type PartialDateValue = { on: IsoDate; precision: DatePrecision };

/**
 * A GOV.UK date input with "How exact is this date?" (README, Decision 47). A date known to the
 * month or year leaves the day (and for a year the month) empty; whatever is typed there is not
 * kept, so no day is ever invented. `name` begins the messages.
 */
export function govukPartialDate(name: string, options: { required?: string } = {}) {
  return partialDateParts.transform((parts, ctx): PartialDateValue | null => {
    const precision = (parts?.precision?.trim() || "day") as DatePrecision;
    if (!datePrecisions.includes(precision)) {
      ctx.addIssue({ code: "custom", message: `Choose how exact ${name.toLowerCase()} is` });
      return z.NEVER;
    }
    const withoutDay = PRECISIONS_WITHOUT_DAY.includes(precision);
    const month = precision === "year" ? "1" : parts?.month;
    const day = withoutDay ? "1" : parts?.day;
    const empty = ![parts?.day, parts?.month, parts?.year].some((part) => part?.trim());
    if (empty) {
      if (options.required) {
        ctx.addIssue({ code: "custom", message: options.required });
        return z.NEVER;
      }
      return null;
    }
    const result = parseDateParts({ day, month, year: parts?.year }, name);
    if ("error" in result) {
      ctx.addIssue({ code: "custom", message: result.error });
      return z.NEVER;
    }
    if (result.value === null) return null;
    return { on: storedDate(result.value, precision), precision };
  });
}

export function optionalWholeNumber(label: string, min: number, max: number) {
  return z
    .number({ error: `${label} must be a whole number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be ${min} or more`)
    .max(max, `${label} must be ${max} or fewer`)
    .optional()
    .transform((value) => value ?? null);
}

export const versionField = z.number({ error: "Reload the page and try again" }).int().min(1);

/** An optional web address: only http and https. */
export function optionalLink(label: string) {
  return z
    .string()
    .trim()
    .max(2000, `${label} must be 2000 characters or fewer`)
    .optional()
    .refine(
      (value) => !value || /^https?:\/\/[^\s]+$/i.test(value),
      `${label} must be a web address starting with https://`,
    )
    .transform((value) => value || null);
}
