// Statutory dates that follow from a planning or enforcement record's own dates. Each rule names
// its source. Where the law leaves the date to the notice (a stop notice's effective date, an
// enforcement notice's compliance period) the officer enters it and we only count from it; where
// no rule is certain, the officer can set a date of their own (otherDeadlineOn).
//
// README, Decision 15: Statutory dates are computed from the record's own dates, not stored.
// `app/lib/deadlines.ts` holds one rule per kind of notice, each with its source and a unit test: a
// PCN's response is due on the 21st day counting the day of service (s.171D(1)); an enforcement
// notice's copies are due within 28 days of issue (s.172(3)(a)), an appeal before it takes effect
// (s.174(3)), compliance at the end of its period from the effective date (s.173(9)), all suspended
// by an appeal (s.175(4)); a stop notice takes effect on its date (s.184(3)); a temporary stop
// notice lasts 28 days from first display, 56 for notices from 25 April 2024 (LURA 2023 s.116); a
// breach of condition notice allows the period it states, at least 28 days from service
// (s.187A(7)). Where the law leaves a date to the notice, the officer enters it and the form checks
// it against the statutory limits, naming the section. Where no rule is certain (a planning
// application's determination date, an appeal timetable) we do not invent one: the officer can add
// a dated deadline of their own to any record. Computing on read means a corrected date corrects
// every deadline at once; the dashboard reads all open records of the council in one query.

import { addDays, addMonths, type IsoDate } from "./dates";
import type { PeriodUnit, PlanningRecordKind } from "./planning-codes";

/** The date on and after which temporary stop notices in England last 56 days, not 28. */
export const TSN_56_DAY_START: IsoDate = "2024-04-25";

export interface DeadlineInput {
  kind: PlanningRecordKind;
  issuedOn?: IsoDate | null;
  servedOn?: IsoDate | null;
  displayedOn?: IsoDate | null;
  effectiveOn?: IsoDate | null;
  compliancePeriod?: number | null;
  compliancePeriodUnit?: PeriodUnit | null;
  appealed?: boolean | null;
  otherDeadlineOn?: IsoDate | null;
  otherDeadlineLabel?: string | null;
}

export interface Deadline {
  /**
   * Which of the record's deadlines this is, stable when the record's dates change: a deadline
   * marked done is remembered under it (deadline_completions.deadline_key).
   */
  key: string;
  /** What falls due: "Response due", "Takes effect", … */
  label: string;
  dueOn: IsoDate;
  /** How the date is worked out, in words. */
  rule: string;
  /** The statute, or "Set by the officer". */
  source: string;
}

function afterPeriod(start: IsoDate, period: number, unit: PeriodUnit): IsoDate {
  return unit === "months" ? addMonths(start, period) : addDays(start, period);
}

function periodInWords(period: number, unit: PeriodUnit): string {
  const word = unit === "months" ? "month" : "day";
  return `${period} ${word}${period === 1 ? "" : "s"}`;
}

export function deadlinesFor(record: DeadlineInput): Deadline[] {
  const deadlines: Deadline[] = [];
  switch (record.kind) {
    case "planning_contravention_notice":
      if (record.servedOn) {
        deadlines.push({
          key: "response-due",
          label: "Response due",
          // 21 days beginning with the day of service: the day of service is day 1.
          dueOn: addDays(record.servedOn, 20),
          rule: "21 days beginning with the day the notice was served; not responding after that is an offence",
          source: "Town and Country Planning Act 1990 s.171D(1)",
        });
      }
      break;

    case "enforcement_notice":
      if (record.issuedOn && !record.servedOn) {
        deadlines.push({
          key: "serve-copies",
          label: "Serve copies by",
          dueOn: addDays(record.issuedOn, 28),
          rule: "copies must be served not later than 28 days after the notice is issued",
          source: "Town and Country Planning Act 1990 s.172(3)(a)",
        });
      }
      if (record.effectiveOn) {
        if (!record.appealed) {
          deadlines.push({
            key: "appeal-deadline",
            label: "Appeal must be lodged by",
            dueOn: addDays(record.effectiveOn, -1),
            rule: "an appeal must be made before the date the notice takes effect",
            source: "Town and Country Planning Act 1990 s.174(3)",
          });
        }
        deadlines.push({
          key: "takes-effect",
          label: record.appealed ? "Would have taken effect (suspended by the appeal)" : "Takes effect",
          dueOn: record.effectiveOn,
          rule: record.appealed
            ? "an appeal suspends the notice until it is decided or withdrawn"
            : "the notice takes effect on the date it specifies",
          source: record.appealed
            ? "Town and Country Planning Act 1990 s.175(4)"
            : "Town and Country Planning Act 1990 s.173(8)",
        });
        if (!record.appealed && record.compliancePeriod && record.compliancePeriodUnit) {
          deadlines.push({
            key: "compliance-due",
            label: "Compliance due",
            dueOn: afterPeriod(record.effectiveOn, record.compliancePeriod, record.compliancePeriodUnit),
            rule: `the period for compliance (${periodInWords(record.compliancePeriod, record.compliancePeriodUnit)}) runs from the date the notice takes effect`,
            source: "Town and Country Planning Act 1990 s.173(9)",
          });
        }
      }
      break;

    case "stop_notice":
      if (record.effectiveOn) {
        deadlines.push({
          key: "takes-effect",
          label: "Takes effect",
          dueOn: record.effectiveOn,
          rule: "on the date the notice specifies: normally at least 3 days and at most 28 days after service",
          source: "Town and Country Planning Act 1990 s.184(3)",
        });
      }
      break;

    case "temporary_stop_notice":
      if (record.displayedOn) {
        const days = record.displayedOn >= TSN_56_DAY_START ? 56 : 28;
        deadlines.push({
          key: "expires",
          label: "Expires",
          // The period starts on the day the notice is first displayed: that day is day 1.
          dueOn: addDays(record.displayedOn, days - 1),
          rule:
            days === 56
              ? "56 days starting on the day the notice was first displayed (notices from 25 April 2024)"
              : "28 days starting on the day the notice was first displayed (notices before 25 April 2024)",
          source:
            days === 56
              ? "Town and Country Planning Act 1990 ss.171E–171F, as amended by the Levelling-up and Regeneration Act 2023 s.116"
              : "Town and Country Planning Act 1990 ss.171E–171F",
        });
      }
      break;

    case "breach_of_condition_notice":
      if (record.servedOn && record.compliancePeriod && record.compliancePeriodUnit) {
        deadlines.push({
          key: "compliance-due",
          label: "Compliance due",
          // A period "beginning with the date of service": the day of service is day 1.
          dueOn: addDays(afterPeriod(record.servedOn, record.compliancePeriod, record.compliancePeriodUnit), -1),
          rule: `the period the notice allows (${periodInWords(record.compliancePeriod, record.compliancePeriodUnit)}, at least 28 days) begins with the day of service`,
          source: "Town and Country Planning Act 1990 s.187A(7)",
        });
      }
      break;

    default:
      break;
  }
  if (record.otherDeadlineOn) {
    deadlines.push({
      key: "officer-deadline",
      label: record.otherDeadlineLabel?.trim() || "Deadline",
      dueOn: record.otherDeadlineOn,
      rule: "a date set by the officer",
      source: "Set by the officer",
    });
  }
  return deadlines.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}
