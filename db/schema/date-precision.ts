// How precise a stored past date is (app/lib/partial-date.ts; README, Decision 47). Each date column
// that records the past has a `<name>_precision` column beside it, `day` unless the source says less.
import { pgEnum } from "drizzle-orm/pg-core";
import { datePrecisions } from "../../app/lib/partial-date";

export const datePrecision = pgEnum("date_precision", datePrecisions);

/** The precision column of the date column `dateColumn` ("starts_on" → "starts_on_precision"). */
export const precisionOf = (dateColumn: string) => datePrecision(`${dateColumn}_precision`).notNull().default("day");
