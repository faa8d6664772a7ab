// The complaint forms (log or edit a complaint with the complainant's contact details, change its
// status or close it, link it to enforcement) and the complaints list's filters.
import { z } from "zod";
import {
  CLOSING_STATUSES,
  chosenStatuses,
  closeReasons,
  complaintCategories,
  complaintChannels,
  complaintStatuses,
} from "../complaint-codes";
import { todayInLondon } from "../dates";
import { govukDate, optionalText, requiredText } from "./common";

/** A complaint reference as typed: spaces removed, upper case ("ef-c-0001 " is EF-C-0001). */
export function normaliseReference(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

const EMAIL = z.email();
const PHONE = /^\+?[0-9 ()-]{6,25}$/;

export const complaintSchema = z.object({
  receivedOn: govukDate("The date the complaint was received", {
    required: "Enter the date the complaint was received",
  }).transform((value, ctx) => {
    if (!value) {
      ctx.addIssue({ code: "custom", message: "Enter the date the complaint was received" });
      return z.NEVER;
    }
    if (value > todayInLondon()) {
      ctx.addIssue({ code: "custom", message: "The date the complaint was received must be today or in the past" });
      return z.NEVER;
    }
    return value;
  }),
  channel: z.enum(complaintChannels, { error: "Choose how the complaint was received" }),
  category: z.enum(complaintCategories, { error: "Choose what the complaint is about" }),
  summary: requiredText("Enter a summary of the complaint", "The summary", 200),
  details: optionalText("The details", 5000),
  siteId: z
    .uuid({ error: "Choose a site from the list, or 'Not linked to a site'" })
    .optional()
    .transform((value) => value ?? null),
  contactName: optionalText("The complainant's name", 200),
  contactEmail: z
    .string()
    .trim()
    .max(254, "The email address must be 254 characters or fewer")
    .optional()
    .refine(
      (value) => !value || EMAIL.safeParse(value).success,
      "Enter an email address in the correct format, like name@example.com",
    )
    .transform((value) => value || null),
  contactPhone: z
    .string()
    .trim()
    .optional()
    .refine(
      (value) => !value || (PHONE.test(value) && value.replace(/\D/g, "").length >= 6),
      "Enter a telephone number, like 01632 960 001 or +44 808 157 0192",
    )
    .transform((value) => value || null),
  contactAddress: optionalText("The complainant's address", 500),
});

export type ComplaintInput = z.output<typeof complaintSchema>;

export const complaintStatusSchema = z
  .object({
    status: z.enum(chosenStatuses, { error: "Choose the complaint's status" }),
    closeReason: z
      .enum(closeReasons, { error: "Choose why the complaint is being closed" })
      .optional()
      .transform((value) => value ?? null),
    closeReasonOther: optionalText("The reason", 500),
    duplicateOfReference: z
      .string()
      .trim()
      .max(40, "The reference must be 40 characters or fewer")
      .optional()
      .transform((value) => (value ? normaliseReference(value) : null)),
  })
  .superRefine((change, ctx) => {
    if (!CLOSING_STATUSES.includes(change.status)) return;
    if (!change.closeReason) {
      ctx.addIssue({ code: "custom", path: ["closeReason"], message: "Choose why the complaint is being closed" });
    }
    if (change.closeReason === "other" && !change.closeReasonOther) {
      ctx.addIssue({
        code: "custom",
        path: ["closeReasonOther"],
        message: "Enter the reason the complaint is being closed",
      });
    }
    if (change.closeReason === "duplicate" && !change.duplicateOfReference) {
      ctx.addIssue({
        code: "custom",
        path: ["duplicateOfReference"],
        message: "Enter the reference of the complaint this one duplicates, like EF-C-0001",
      });
    }
  })
  .transform((change) => {
    // Reasons belong to a closing status only; reopening clears them.
    const closing = CLOSING_STATUSES.includes(change.status);
    return {
      status: change.status,
      closeReason: closing ? change.closeReason : null,
      closeReasonOther: closing && change.closeReason === "other" ? change.closeReasonOther : null,
      duplicateOfReference: closing && change.closeReason === "duplicate" ? change.duplicateOfReference : null,
    };
  });

export type ComplaintStatusInput = z.output<typeof complaintStatusSchema>;

export const complaintLinkSchema = z.object({
  planningRecordId: z.uuid({ error: "Choose the planning or enforcement record to link the complaint to" }),
});

export type ComplaintLinkInput = z.output<typeof complaintLinkSchema>;

/** "open" in the status filter: any status that is not closed or no further action. */
export const complaintStatusFilters = [...complaintStatuses, "open"] as const;

const filterSchema = z.object({
  status: z.enum(complaintStatusFilters).optional().catch(undefined),
  category: z.enum(complaintCategories).optional().catch(undefined),
  channel: z.enum(complaintChannels).optional().catch(undefined),
  site: z
    .string()
    .trim()
    .max(40)
    .optional()
    .catch(undefined)
    .transform((value) => (value ? normaliseReference(value) : undefined)),
  search: z.string().trim().max(100).optional().catch(undefined),
});

/** The complaints list's filters, read from the query string (anything unrecognised is ignored). */
export function complaintFilterFrom(search: URLSearchParams) {
  const raw = Object.fromEntries([...search.entries()].filter(([, value]) => value !== ""));
  return filterSchema.parse(raw);
}
