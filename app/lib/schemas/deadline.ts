// The forms on the deadlines page (mark done, reopen) and the calendar feed page.
import { z } from "zod";
import { deadlineSources } from "../timeline-codes";

const RELOAD = "This deadline could not be read from the form. Reload the deadlines page and try again.";

export const deadlineActionSchema = z.object({
  intent: z.enum(["done", "reopen"], { error: RELOAD }),
  sourceType: z.enum(deadlineSources, { error: RELOAD }),
  sourceId: z.uuid({ error: RELOAD }),
  deadlineKey: z.string({ error: RELOAD }).trim().min(1, RELOAD).max(100, RELOAD),
  /** The date the page showed, so a date changed meanwhile is not marked done unseen. */
  dueOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, RELOAD)
    .optional(),
});
export type DeadlineAction = z.output<typeof deadlineActionSchema>;

export const calendarFeedActionSchema = z.object({
  intent: z.literal("create-address", { error: "Use the button on this page to create your calendar address." }),
});
