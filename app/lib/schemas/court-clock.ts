// The case page's forms that confirm or dismiss a suggested court clock (app/lib/court-clocks.ts).
// The proceeding, the clock and the day it runs from are hidden fields the page wrote; the person
// types only the date the court directed, if it directed another when confirming.
import { z } from "zod";
import { courtClocks } from "../court-clocks";
import { isIsoDate } from "../dates";
import { govukDate } from "./common";

const RELOAD = "This time limit could not be read from the form. Reload the case page and try again.";

export const courtClockSchema = z.object({
  intent: z.enum(["confirm-clock", "dismiss-clock"], { error: RELOAD }),
  proceedingId: z.uuid({ error: RELOAD }),
  clock: z.enum(courtClocks, { error: RELOAD }),
  from: z.string({ error: RELOAD }).refine(isIsoDate, RELOAD),
  directedDueOn: govukDate("The date the court directed"),
});
export type CourtClockForm = z.output<typeof courtClockSchema>;
