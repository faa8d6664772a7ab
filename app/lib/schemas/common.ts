// Building blocks for form schemas: optional text, GOV.UK dates, whole numbers, the edit version.
import { z } from "zod";
import { type IsoDate, parseDateParts } from "../dates";

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
