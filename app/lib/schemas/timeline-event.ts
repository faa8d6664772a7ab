// An event an officer adds to a timeline by hand (a council meeting, a protest, a letter), and the
// choices for a chronology export.
import { z } from "zod";
import { manualTimelineKinds, timelineKinds, visibilities } from "../timeline-codes";
import { govukDate, govukPartialDate, optionalLink, optionalText, requiredText } from "./common";

export const timelineEventSchema = z
  .object({
    occurredOn: govukPartialDate("The date of the event", { required: "Enter the date of the event" }),
    kind: z.enum(manualTimelineKinds, { error: "Select what kind of event this was" }),
    title: requiredText("Enter a short title for the event", "The title", 200),
    description: optionalText("The description", 5000),
    sourceUrl: optionalLink("The source link"),
    visibility: z.enum(visibilities, { error: "Select who may see this event" }),
    privileged: z
      .literal("on")
      .optional()
      .transform((value) => value === "on"),
  })
  .superRefine((event, ctx) => {
    if (event.privileged && event.visibility === "public") {
      ctx.addIssue({
        code: "custom",
        path: ["visibility"],
        message: "A legally privileged event cannot be public. Choose internal, or untick privileged",
      });
    }
  })
  .transform(({ occurredOn, ...event }) => ({
    ...event,
    occurredOn: occurredOn?.on as string,
    occurredOnPrecision: occurredOn?.precision ?? "day",
  }));

type ParsedEvent = z.output<typeof timelineEventSchema>;
/** An event as the domain takes it: a precision not given is a day's (or, on a change, unchanged). */
export type TimelineEventInput = Omit<ParsedEvent, "occurredOnPrecision"> &
  Partial<Pick<ParsedEvent, "occurredOnPrecision">>;

/** The timeline's filter: which kinds of event to show (none ticked shows all). */
export function kindsFrom(params: URLSearchParams) {
  return params
    .getAll("kind")
    .filter((kind): kind is (typeof timelineKinds)[number] => (timelineKinds as readonly string[]).includes(kind));
}

export const chronologySchema = z
  .object({
    from: govukDate("The start date"),
    to: govukDate("The end date"),
    internal: z.literal("on").optional(),
    privileged: z.literal("on").optional(),
  })
  .superRefine((options, ctx) => {
    if (options.from && options.to && options.to < options.from) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: "The end date must be the same as or after the start date",
      });
    }
  })
  .transform((options) => ({
    from: options.from,
    to: options.to,
    includeInternal: options.internal === "on",
    includePrivileged: options.privileged === "on",
  }));

export type ChronologyOptions = z.output<typeof chronologySchema>;
