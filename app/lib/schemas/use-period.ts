// A period in which a site was used as asylum accommodation, its dates as precise as their source.
import { z } from "zod";
import { endsBeforeStart } from "../partial-date";
import { govukPartialDate, optionalText } from "./common";

export const usePeriodSchema = z
  .object({
    startsOn: govukPartialDate("The start date", { required: "Enter the date the use began" }),
    endsOn: govukPartialDate("The end date"),
    description: optionalText("Description", 500),
    source: optionalText("Source", 500),
  })
  .superRefine((period, ctx) => {
    if (period.startsOn && period.endsOn && endsBeforeStart(period.startsOn, period.endsOn)) {
      ctx.addIssue({
        code: "custom",
        path: ["endsOn"],
        message: "The end date must be the same as or after the start date",
      });
    }
  })
  .transform(({ startsOn, endsOn, ...period }) => ({
    ...period,
    startsOn: startsOn?.on as string,
    startsOnPrecision: startsOn?.precision ?? "day",
    endsOn: endsOn?.on ?? null,
    endsOnPrecision: endsOn?.precision ?? "day",
  }));

type Parsed = z.output<typeof usePeriodSchema>;
/** A period as the domain takes it: a precision not given is a day's (or, on a change, unchanged). */
export type UsePeriodInput = Omit<Parsed, "startsOnPrecision" | "endsOnPrecision"> &
  Partial<Pick<Parsed, "startsOnPrecision" | "endsOnPrecision">>;
