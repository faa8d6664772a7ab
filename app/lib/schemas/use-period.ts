// A period in which a site was used as asylum accommodation.
import { z } from "zod";
import { govukDate, optionalText } from "./common";

export const usePeriodSchema = z
  .object({
    startsOn: govukDate("The start date", { required: "Enter the date the use began" }),
    endsOn: govukDate("The end date"),
    description: optionalText("Description", 500),
    source: optionalText("Source", 500),
  })
  .superRefine((period, ctx) => {
    if (period.startsOn && period.endsOn && period.endsOn < period.startsOn) {
      ctx.addIssue({
        code: "custom",
        path: ["endsOn"],
        message: "The end date must be the same as or after the start date",
      });
    }
  })
  .transform((period) => ({ ...period, startsOn: period.startsOn as string }));

export type UsePeriodInput = z.output<typeof usePeriodSchema>;
