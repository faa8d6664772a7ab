// Statutory dates that follow from a planning or enforcement record's own dates, the council's
// nation and the other records of its site. One rule per kind, each naming its source; the unit
// tests (tests/unit/deadlines*.test.ts) transcribe the citations at their boundaries.
//
// README, Decision 15: Statutory dates are computed from the record's own dates, not stored.
// Computing on read means a corrected date corrects every deadline at once. Where the law leaves a
// date to the notice (a stop notice's effective date, an enforcement notice's periods) the officer
// enters it and the form checks it against the statutory limits, naming the section; where no rule
// is certain the officer adds a dated deadline of their own (otherDeadlineOn), and the record says
// why none was computed. The rules:
//
// - Only a day-precise date starts a clock (Decision 47). A start known to the month or year gives,
//   instead of a deadline, a note saying why ("No deadline: the date served is known only to the
//   month (March 2021); deadlines are counted from an exact day.").
// - Planning application (England): the decision is due 8 weeks, 13 weeks (major development) or 16
//   weeks (EIA development) beginning with the day after the application was validated (DMPO 2015
//   art. 34(2): "beginning with the day immediately following that on which the application is
//   received", a valid application being received when it is complete with its fee), so the 8-week
//   date is the validation date plus 56 days. An extended period agreed in writing replaces it, and
//   says so. With no category recorded we do not guess: the 8-week date is given as the date for
//   an application that is not major, and the rule names the 13- and 16-week dates too. After a
//   refusal the applicant may appeal (TCPA 1990 s.78; DMPO 2015 art. 37(2)) within 6 months from the
//   date of the decision notice, 12 weeks for a householder application, and 28 days where an
//   enforcement notice has been served on the same land; with no decision, the 6 months (or 28
//   days) run from the end of the period for the decision. A period "from" a date excludes that
//   day: 6 months from 1 March ends on 1 September. Simplification, said in the rule: "the same land"
//   is the same site, and the 28 days apply when an enforcement notice of the site was served on or
//   before the decision (or the end of the period); the Order's finer conditions (the same or
//   substantially the same development, the two years before the application, a notice served
//   after the decision) are left to the officer. A withdrawn or decided application has no live
//   deadlines; its dates stay on the record as history.
// - Certificate of lawfulness (England): the decision is due within 8 weeks beginning with the day
//   the application was received, complete with its fee (DMPO 2015 art. 39(12)): validation day
//   plus 55. No appeal deadline is computed for s.195: we have not confirmed a time limit to cite,
//   so the record says so and the officer sets one if it applies.
// - Planning applications and certificates in Wales follow the Welsh procedure order, which these
//   rules do not transcribe: the record says so, and the officer sets the dates.
// - Planning contravention notice: the response is due on the 21st day counting the day of service
//   (s.171D(1)).
// - Enforcement notice: copies are due within 28 days of issue (s.172(3)(a)); an appeal must be made
//   before the date it takes effect (s.174(3)); it takes effect on that date (s.173(8)) unless an
//   appeal is pending, which suspends it (s.175(4)). The appeals are the enforcement_appeal records
//   that link to it: while any is undecided the notice is suspended and has no compliance dates;
//   when all are decided (dismissed, varied or split) or withdrawn, it takes effect on the last of
//   those days (or on its own date, if later) and each compliance period restarts from it; if any
//   was allowed, the notice was quashed and nothing is due. Each step has its own period (s.173(9):
//   "different periods for different steps"), counted from the day the notice takes effect.
// - Stop notice: takes effect on the date it specifies, at least 3 days after service unless a
//   statement of special reasons is served with it (s.184(3)(a)), and no later than 28 days after
//   (s.184(3)(b)); it must refer to the enforcement notice it accompanies (s.184(1)) and cannot be
//   served once that notice has taken effect (s.183(3)), so an unserved one shows "Serve before";
//   it ceases when that notice is withdrawn or quashed, or its period for compliance expires (the
//   last of its steps' periods), or when it is itself withdrawn (s.184(4)). An appeal against the
//   enforcement notice does not suspend a stop notice.
// - Temporary stop notice: ceases at the end of 28 days starting on the day it is first displayed
//   (s.171E(7)(a)), so the 28th day counting the day of display; 56 days for a notice issued in
//   England on or after 25 April 2024 (the Levelling-up and Regeneration Act 2023 s.116; a notice
//   issued before then keeps 28 days); 28 days in Wales; a shorter period if the notice states one
//   (s.171E(7)(b)); withdrawal ends it (s.171E(7)(c)). The issue date decides the period and the
//   display date starts it.
// - Breach of condition notice: the period it states, at least 28 days, begins with the day of
//   service (s.187A(7)).
// - Enforcement warning notice (England, s.172ZA, from 25 April 2024): "Application invited by",
//   the period the notice states for a planning application, counted from the day it was issued.

import { addDays, addMonths, type IsoDate } from "./dates";
import { formatDate } from "./format";
import { type DatePrecision, formatPartialDate, isDayPrecise, latestDayOf, storedDate } from "./partial-date";
import {
  type ApplicationCategory,
  PAST_DATE_NAMES,
  type PastDateField,
  type PeriodUnit,
  PLANNING_DECISION_LABELS,
  PLANNING_KIND_LABELS,
  type PlanningDecision,
  type PlanningRecordKind,
} from "./planning-codes";
import type { Nation } from "./roles";

/**
 * The day on and after which a temporary stop notice issued in England lasts 56 days, not 28, and
 * from which an enforcement warning notice may be issued (Levelling-up and Regeneration Act 2023).
 */
export const LURA_ENFORCEMENT_START: IsoDate = "2024-04-25";

const TCPA = "Town and Country Planning Act 1990";
const DMPO = "Town and Country Planning (Development Management Procedure) (England) Order 2015";
const LURA = "Levelling-up and Regeneration Act 2023";

/** One step of an enforcement notice and its period for compliance (s.173(9)). */
export interface ComplianceStep {
  position: number;
  steps: string | null;
  compliancePeriod: number | null;
  compliancePeriodUnit: PeriodUnit | null;
}

type PastDates = { [K in PastDateField]?: IsoDate | null } & {
  [K in PastDateField as `${K}Precision`]?: DatePrecision;
};

/** What the rules read of a record. Missing fields are empty; a precision not given is a day's. */
export interface DeadlineInput extends PastDates {
  /** Needed to find the record's links among its site's records. */
  id?: string;
  kind: PlanningRecordKind;
  reference?: string | null;
  decision?: PlanningDecision | null;
  applicationCategory?: ApplicationCategory | null;
  extendedTo?: IsoDate | null;
  enforcementNoticeId?: string | null;
  specialReasons?: string | null;
  compliancePeriod?: number | null;
  compliancePeriodUnit?: PeriodUnit | null;
  statedPeriod?: number | null;
  statedPeriodUnit?: PeriodUnit | null;
  /** An enforcement notice's steps. */
  steps?: readonly ComplianceStep[];
  otherDeadlineOn?: IsoDate | null;
  otherDeadlineLabel?: string | null;
}

export interface DeadlineContext {
  /** The council's nation: the clocks of England and Wales differ. */
  nation: Nation;
  /**
   * The records of the same site (this one may be among them, and is skipped): an enforcement
   * notice reads the appeals that link to it, a stop notice the notice it accompanies, a planning
   * application the enforcement notices served on the site.
   */
  siteRecords?: readonly DeadlineInput[];
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
  /**
   * Why nothing is due on this date any more ("the application was withdrawn on 21 March 2024"):
   * kept on the record as history, never listed as due. Null while it is live.
   */
  noLongerDue: string | null;
}

/** Something the record says about its clocks instead of (or beside) a date: why none is shown. */
export interface ClockNote {
  key: string;
  text: string;
}

export interface RecordClocks {
  deadlines: Deadline[];
  notes: ClockNote[];
}

/** "no later than 28 days after" in the rules' words for a period. */
export function periodInWords(period: number, unit: PeriodUnit): string {
  const word = unit === "months" ? "month" : "day";
  return `${period} ${word}${period === 1 ? "" : "s"}`;
}

/** The last day of a period "from" a start (the start day excluded): 28 days from 1 May is 29 May. */
function afterPeriod(start: IsoDate, period: number, unit: PeriodUnit): IsoDate {
  return unit === "months" ? addMonths(start, period) : addDays(start, period);
}

const recordName = (record: DeadlineInput) =>
  `${PLANNING_KIND_LABELS[record.kind].toLowerCase().replace(/ \(pcn\)$/, "")}${record.reference ? ` ${record.reference}` : ""}`;

const PRECISION_WORDS: Record<Exclude<DatePrecision, "day">, string> = {
  about_day: "approximately",
  early_month: "to part of the month",
  mid_month: "to part of the month",
  late_month: "to part of the month",
  month: "to the month",
  year: "to the year",
};

function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** The clocks of one record as they are worked out: its deadlines and notes. */
class Clocks {
  readonly deadlines: Deadline[] = [];
  readonly notes: ClockNote[] = [];

  due(deadline: Omit<Deadline, "noLongerDue"> & { noLongerDue?: string | null }) {
    this.deadlines.push({ ...deadline, noLongerDue: deadline.noLongerDue ?? null });
  }

  note(key: string, text: string) {
    this.notes.push({ key, text });
  }

  /**
   * The record's date as a day a clock may start from: null when it is empty, or when it is less
   * precise than a day (then the record says why no deadline is shown).
   */
  day(record: DeadlineInput, field: PastDateField): IsoDate | null {
    const on = record[field];
    if (!on) return null;
    const precision = record[`${field}Precision`] ?? "day";
    if (isDayPrecise(precision)) return on;
    this.note(
      `imprecise-${field}`,
      `No deadline: ${PAST_DATE_NAMES[field]} is known only ${PRECISION_WORDS[precision]} (${formatPartialDate(on, precision)}); deadlines are counted from an exact day.`,
    );
    return null;
  }
}

/** A past date as written, for the rules' words. */
function written(record: DeadlineInput, field: PastDateField): string {
  const on = record[field];
  return on ? formatPartialDate(on, record[`${field}Precision`] ?? "day") : "";
}

/** The other records of the site, never the record itself. */
function others(record: DeadlineInput, context: DeadlineContext): readonly DeadlineInput[] {
  return (context.siteRecords ?? []).filter((other) => !record.id || other.id !== record.id);
}

// ---------------------------------------------------------------------------------------------
// An enforcement notice and its appeals

/** Where an enforcement notice stands against its appeals (s.175(4)). */
export type NoticeEffect =
  | { state: "no_date" }
  | { state: "pending"; appeals: DeadlineInput[] }
  | { state: "quashed"; on: IsoDate | null; appeal: DeadlineInput }
  | { state: "withdrawn"; on: IsoDate | null }
  /** The appeals' end is known only to the month, say: the notice has taken effect, on no known day. */
  | { state: "unknown_day"; field: PastDateField; appeal: DeadlineInput }
  | { state: "takes_effect"; on: IsoDate; afterAppeal: { on: IsoDate; words: string } | null };

const APPEAL_ENDS: Partial<Record<PlanningDecision, string>> = {
  dismissed: "dismissed",
  varied: "dismissed with the notice corrected or varied",
  split: "decided (a split decision)",
  withdrawn: "withdrawn",
};

/** The appeals that link to an enforcement notice. */
export function appealsAgainst(notice: DeadlineInput, siteRecords: readonly DeadlineInput[]): DeadlineInput[] {
  return notice.id
    ? siteRecords.filter((other) => other.kind === "enforcement_appeal" && other.enforcementNoticeId === notice.id)
    : [];
}

/** The day an appeal ended (decided or withdrawn), with the field it is read from; null while pending. */
function appealEnd(appeal: DeadlineInput): { field: PastDateField; on: IsoDate } | null {
  if (appeal.withdrawnOn) return { field: "withdrawnOn", on: appeal.withdrawnOn };
  if (appeal.decision && appeal.decidedOn) return { field: "decidedOn", on: appeal.decidedOn };
  return null;
}

/**
 * When an enforcement notice takes effect, given its appeals: on its own date, or, once every appeal
 * against it is decided or withdrawn, on the last of those days if later (s.175(4)); never while one
 * is pending; never if one was allowed (the notice quashed) or the notice was withdrawn.
 */
export function enforcementNoticeEffect(notice: DeadlineInput, siteRecords: readonly DeadlineInput[]): NoticeEffect {
  if (notice.withdrawnOn) return { state: "withdrawn", on: notice.withdrawnOn };
  const appeals = appealsAgainst(notice, siteRecords);
  const allowed = appeals.find((appeal) => appeal.decision === "allowed" && !appeal.withdrawnOn);
  if (allowed) return { state: "quashed", on: allowed.decidedOn ?? null, appeal: allowed };
  const pending = appeals.filter((appeal) => appealEnd(appeal) === null);
  if (pending.length > 0) return { state: "pending", appeals: pending };
  if (!notice.effectiveOn || !isDayPrecise(notice.effectiveOnPrecision ?? "day")) return { state: "no_date" };
  let last: { on: IsoDate; words: string } | null = null;
  for (const appeal of appeals) {
    const end = appealEnd(appeal);
    if (!end) continue;
    if (!isDayPrecise(appeal[`${end.field}Precision`] ?? "day"))
      return { state: "unknown_day", field: end.field, appeal };
    const words =
      end.field === "withdrawnOn" ? "withdrawn" : (APPEAL_ENDS[appeal.decision ?? "dismissed"] ?? "decided");
    if (!last || end.on > last.on)
      last = {
        on: end.on,
        words: `the appeal${appeal.reference ? ` ${appeal.reference}` : ""} was ${words} on ${formatDate(end.on)}`,
      };
  }
  if (last && last.on > notice.effectiveOn) return { state: "takes_effect", on: last.on, afterAppeal: last };
  return { state: "takes_effect", on: notice.effectiveOn, afterAppeal: last };
}

/** The day each step of a notice taking effect on `takesEffect` is due, in the steps' order. */
function complianceDates(steps: readonly ComplianceStep[], takesEffect: IsoDate) {
  return [...steps]
    .sort((a, b) => a.position - b.position)
    .flatMap((step) =>
      step.compliancePeriod && step.compliancePeriodUnit
        ? [{ step, dueOn: afterPeriod(takesEffect, step.compliancePeriod, step.compliancePeriodUnit) }]
        : [],
    );
}

function enforcementNoticeClocks(record: DeadlineInput, context: DeadlineContext, clocks: Clocks) {
  const withdrawn = record.withdrawnOn ? `the notice was withdrawn on ${written(record, "withdrawnOn")}` : null;
  const issued = clocks.day(record, "issuedOn");
  if (issued && !record.servedOn) {
    clocks.due({
      key: "serve-copies",
      label: "Serve copies by",
      dueOn: addDays(issued, 28),
      rule: "copies must be served not later than 28 days after the notice is issued",
      source: `${TCPA} s.172(3)(a)`,
      noLongerDue: withdrawn,
    });
  }
  const effective = clocks.day(record, "effectiveOn");
  if (!effective) return;
  const siteRecords = others(record, context);
  const appeals = appealsAgainst(record, siteRecords);
  if (appeals.length === 0) {
    clocks.due({
      key: "appeal-deadline",
      label: "Appeal must be lodged by",
      dueOn: addDays(effective, -1),
      rule: "an appeal must be made before the date the notice takes effect",
      source: `${TCPA} s.174(3)`,
      noLongerDue: withdrawn,
    });
  }
  const effect = enforcementNoticeEffect(record, siteRecords);
  switch (effect.state) {
    case "withdrawn":
      clocks.due({
        key: "takes-effect",
        label: "Would have taken effect",
        dueOn: effective,
        rule: "the notice takes effect on the date it specifies",
        source: `${TCPA} s.173(8)`,
        noLongerDue: withdrawn,
      });
      return;
    case "pending": {
      const lodged = effect.appeals
        .map((appeal) => `${recordName(appeal)}${appeal.lodgedOn ? `, lodged ${written(appeal, "lodgedOn")}` : ""}`)
        .join("; ");
      clocks.due({
        key: "takes-effect",
        label: "Would have taken effect (suspended by the appeal)",
        dueOn: effective,
        rule: "an appeal suspends the notice until it is decided or withdrawn",
        source: `${TCPA} s.175(4)`,
        noLongerDue: `suspended while the appeal is pending (${lodged})`,
      });
      clocks.note(
        "suspended",
        `Suspended by the appeal (${lodged}): the notice takes effect, and its periods for compliance run, from the day the appeal is decided or withdrawn (${TCPA} s.175(4)).`,
      );
      return;
    }
    case "quashed":
      clocks.due({
        key: "takes-effect",
        label: "Would have taken effect",
        dueOn: effective,
        rule: "the notice takes effect on the date it specifies unless an appeal against it succeeds",
        source: `${TCPA} s.175(4)`,
        noLongerDue: `the appeal${effect.appeal.reference ? ` ${effect.appeal.reference}` : ""} was allowed${effect.on ? ` on ${written(effect.appeal, "decidedOn")}` : ""}, so the notice does not take effect`,
      });
      return;
    case "unknown_day":
      clocks.note(
        "appeal-end-imprecise",
        `No deadline: ${recordName(effect.appeal)} ended on a day not known exactly (${written(effect.appeal, effect.field)}); the notice takes effect on that day (${TCPA} s.175(4)), and deadlines are counted from an exact day.`,
      );
      return;
    case "no_date":
      return;
    case "takes_effect": {
      const after = effect.afterAppeal;
      clocks.due({
        key: "takes-effect",
        label: after && effect.on !== effective ? "Takes effect (after the appeal)" : "Takes effect",
        dueOn: effect.on,
        rule:
          after && effect.on !== effective
            ? `${after.words}, after the date the notice specified (${formatDate(effective)}), so the notice takes effect that day`
            : after
              ? `the notice takes effect on the date it specifies (${after.words}, before that date)`
              : "the notice takes effect on the date it specifies",
        source: after ? `${TCPA} ss.173(8), 175(4)` : `${TCPA} s.173(8)`,
      });
      const steps = record.steps ?? [];
      const several = steps.length > 1;
      for (const { step, dueOn } of complianceDates(steps, effect.on)) {
        const period = periodInWords(step.compliancePeriod ?? 0, step.compliancePeriodUnit ?? "days");
        clocks.due({
          key: step.position === 1 ? "compliance-due" : `compliance-due-${step.position}`,
          label: several ? `Compliance due (step ${step.position})` : "Compliance due",
          dueOn,
          rule: `${step.steps ? `"${shorten(step.steps)}": ` : ""}the period for compliance (${period}) runs from the date the notice takes effect${after && effect.on !== effective ? " (the day the appeal ended)" : ""}${several ? "; the notice gives different periods for different steps" : ""}`,
          source: `${TCPA} s.173(9)`,
        });
      }
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Stop notices

function stopNoticeClocks(record: DeadlineInput, context: DeadlineContext, clocks: Clocks) {
  const siteRecords = others(record, context);
  const notice = siteRecords.find(
    (other) => other.kind === "enforcement_notice" && other.id !== undefined && other.id === record.enforcementNoticeId,
  );
  const withdrawn = record.withdrawnOn ? `the stop notice was withdrawn on ${written(record, "withdrawnOn")}` : null;
  if (!notice && record.servedOn) {
    clocks.note(
      "no-enforcement-notice",
      `No enforcement notice is linked: a stop notice must refer to the enforcement notice it accompanies (${TCPA} s.184(1)), and it ceases with that notice (s.184(4)).`,
    );
  }
  const effect = notice ? enforcementNoticeEffect(notice, others(notice, context)) : null;
  const noticeName = notice ? recordName(notice) : "";
  if (!record.servedOn && effect?.state === "takes_effect") {
    clocks.due({
      key: "serve-by",
      label: "Serve before",
      dueOn: addDays(effect.on, -1),
      rule: `a stop notice cannot be served once its enforcement notice has taken effect (${noticeName} takes effect on ${formatDate(effect.on)})`,
      source: `${TCPA} s.183(3)`,
      noLongerDue: withdrawn,
    });
  }
  const served = clocks.day(record, "servedOn");
  const effective = clocks.day(record, "effectiveOn");
  if (effective) {
    clocks.due({
      key: "takes-effect",
      label: "Takes effect",
      dueOn: effective,
      rule: record.specialReasons
        ? "on the date the notice specifies: a statement of special reasons was served with it, so it may take effect sooner than 3 days after service; no later than 28 days after"
        : "on the date the notice specifies: at least 3 days after service, and no later than 28 days after",
      source: `${TCPA} s.184(2), (3)`,
      noLongerDue: withdrawn,
    });
  }
  if (!served || !notice || !effect) return;
  // When it ceases (s.184(4)): the first of its own withdrawal, the notice's withdrawal or
  // quashing, and the end of the notice's period for compliance.
  if (withdrawn && record.withdrawnOn) {
    clocks.note(
      "ceased",
      `Ceased to have effect on ${written(record, "withdrawnOn")}: it was withdrawn (${TCPA} s.184(4)(c)).`,
    );
    return;
  }
  switch (effect.state) {
    case "withdrawn":
      clocks.note(
        "ceased",
        `Ceased to have effect${effect.on ? ` on ${written(notice, "withdrawnOn")}` : ""}: ${noticeName} was withdrawn (${TCPA} s.184(4)(a)).`,
      );
      return;
    case "quashed":
      clocks.note(
        "ceased",
        `Ceased to have effect${effect.on ? ` on ${written(effect.appeal, "decidedOn")}` : ""}: ${noticeName} was quashed when the appeal against it was allowed (${TCPA} s.184(4)(a)).`,
      );
      return;
    case "pending":
      clocks.note(
        "continues",
        `Stays in force while the appeal against ${noticeName} is pending (an appeal does not suspend a stop notice); it ceases when that notice's period for compliance expires, or if the notice is withdrawn or quashed (${TCPA} s.184(4)).`,
      );
      return;
    case "takes_effect": {
      const last = complianceDates(notice.steps ?? [], effect.on)
        .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
        .at(-1);
      if (!last) {
        clocks.note(
          "ceases-unknown",
          `Ceases when the period for compliance with ${noticeName} expires (${TCPA} s.184(4)(b)): record the notice's steps and periods to see the date.`,
        );
        return;
      }
      clocks.due({
        key: "ceases",
        label: "Ceases to have effect",
        dueOn: last.dueOn,
        rule: `when the period for compliance with ${noticeName} expires${(notice.steps ?? []).length > 1 ? " (the last of its steps' periods)" : ""}`,
        source: `${TCPA} s.184(4)(b)`,
      });
      return;
    }
    default:
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Temporary stop notices

/** How long a temporary stop notice lasts at most, or why that cannot be said. */
export function temporaryStopNoticeLimit(
  record: Pick<DeadlineInput, "issuedOn" | "issuedOnPrecision" | "displayedOn">,
  nation: Nation,
): { days: 28 | 56; rule: string; source: string } | { reason: string } {
  if (nation === "wales") {
    return {
      days: 28,
      rule: "28 days in Wales (the 56-day period applies in England only)",
      source: `${TCPA} s.171E(7)(a)`,
    };
  }
  const before = {
    days: 28 as const,
    rule: "28 days for a notice issued before 25 April 2024",
    source: `${TCPA} s.171E(7)(a), before its amendment by the ${LURA} s.116`,
  };
  const from = {
    days: 56 as const,
    rule: "56 days for a notice issued in England on or after 25 April 2024",
    source: `${TCPA} s.171E(7)(a), as amended by the ${LURA} s.116`,
  };
  if (record.issuedOn) {
    const precision = record.issuedOnPrecision ?? "day";
    // A date known only to the month still decides it when the whole month falls on one side.
    if (latestDayOf(record.issuedOn, precision) < LURA_ENFORCEMENT_START) return before;
    if (storedDate(record.issuedOn, precision) >= LURA_ENFORCEMENT_START) return from;
    return {
      reason: `No expiry date: the notice was issued in ${formatPartialDate(record.issuedOn, precision)}, and whether it lasts 28 or 56 days depends on whether it was issued before 25 April 2024 (${TCPA} s.171E(7)(a); ${LURA} s.116).`,
    };
  }
  // A notice is issued before it is displayed: one displayed before the change was issued before it.
  if (record.displayedOn && record.displayedOn < LURA_ENFORCEMENT_START) return before;
  return {
    reason: `No expiry date: the date the notice was issued is not recorded, and it decides whether the notice lasts 28 days (issued before 25 April 2024) or 56 (${TCPA} s.171E(7)(a); ${LURA} s.116).`,
  };
}

function temporaryStopNoticeClocks(record: DeadlineInput, context: DeadlineContext, clocks: Clocks) {
  // The issue date only decides the period (a month may do: temporaryStopNoticeLimit).
  const displayed = clocks.day(record, "displayedOn");
  if (!displayed) return;
  const limit = temporaryStopNoticeLimit(record, context.nation);
  if ("reason" in limit) {
    clocks.note("expiry-unknown", limit.reason);
    return;
  }
  const stated = record.statedPeriod && record.statedPeriodUnit === "days" ? record.statedPeriod : null;
  const days = stated !== null && stated < limit.days ? stated : limit.days;
  const dueOn = addDays(displayed, days - 1);
  const withdrawnOn = record.withdrawnOn && record.withdrawnOn <= dueOn ? record.withdrawnOn : null;
  clocks.due({
    key: "expires",
    label: "Expires",
    // The period starts on the day the notice is first displayed: that day is day 1.
    dueOn,
    rule:
      days === limit.days
        ? `${days} days starting on the day the notice was first displayed: ${limit.rule}`
        : `the shorter period the notice states (${days} days), starting on the day it was first displayed; at most ${limit.rule}`,
    source: days === limit.days ? limit.source : `${TCPA} s.171E(7)(b)`,
    noLongerDue: withdrawnOn
      ? `withdrawn on ${written(record, "withdrawnOn")}, when it ceased to have effect (${TCPA} s.171E(7)(c))`
      : null,
  });
}

// ---------------------------------------------------------------------------------------------
// Planning applications and certificates

const DETERMINATION_WEEKS: Record<ApplicationCategory, 8 | 13 | 16> = {
  householder: 8,
  not_major: 8,
  major: 13,
  eia: 16,
};

const CATEGORY_WORDS: Record<ApplicationCategory, string> = {
  householder: "a householder application",
  not_major: "an application that is not major development",
  major: "major development",
  eia: "EIA development",
};

/** Why the application's clocks stopped: its withdrawal or decision, as history. */
function applicationEnded(record: DeadlineInput): string | null {
  if (record.withdrawnOn) return `the application was withdrawn on ${written(record, "withdrawnOn")}`;
  if (record.decision && record.decidedOn) {
    return `${PLANNING_DECISION_LABELS[record.decision].toLowerCase()} on ${written(record, "decidedOn")}`;
  }
  return null;
}

function welshProcedure(record: DeadlineInput, clocks: Clocks) {
  if (!record.validatedOn && !record.decidedOn) return;
  clocks.note(
    "wales",
    "No deadline: in Wales the periods for a decision and for an appeal are set by the Welsh development management procedure order, which this service does not compute; add the dates as other deadlines.",
  );
}

/** The end of a planning application's period for a decision, and how it is worked out. */
function determinationPeriod(record: DeadlineInput, validated: IsoDate) {
  const category = record.applicationCategory ?? null;
  const weeks = category ? DETERMINATION_WEEKS[category] : 8;
  const statutory = addDays(validated, weeks * 7);
  const base = `${weeks} weeks beginning with the day after the application was validated, for ${category ? CATEGORY_WORDS[category] : "an application that is not major development"}`;
  const unrecorded = category
    ? ""
    : `. The application's category is not recorded: for major development the period is 13 weeks (to ${formatDate(addDays(validated, 91))}), and 16 weeks for EIA development (to ${formatDate(addDays(validated, 112))})`;
  if (record.extendedTo) {
    return {
      endsOn: record.extendedTo,
      label: "Decision due (extended)",
      rule: `an extended period agreed in writing with the applicant, in place of the ${weeks}-week date (${formatDate(statutory)})${unrecorded}`,
    };
  }
  return { endsOn: statutory, label: "Decision due", rule: `${base}${unrecorded}` };
}

/** The first enforcement notice of the site served (on a known day) on or before `by`. */
function noticeServedBy(record: DeadlineInput, context: DeadlineContext, by: IsoDate) {
  return others(record, context)
    .filter(
      (other) =>
        other.kind === "enforcement_notice" &&
        other.servedOn &&
        isDayPrecise(other.servedOnPrecision ?? "day") &&
        other.servedOn <= by,
    )
    .sort((a, b) => (a.servedOn ?? "").localeCompare(b.servedOn ?? ""))[0];
}

const SAME_LAND =
  "this service takes an enforcement notice of the same site as one on the same land; check that it concerns the same or substantially the same development";

function planningApplicationClocks(record: DeadlineInput, context: DeadlineContext, clocks: Clocks) {
  if (context.nation === "wales") {
    welshProcedure(record, clocks);
    return;
  }
  const source = `${DMPO} art. 34(2)`;
  const appealSource = `${TCPA} s.78; ${DMPO} art. 37(2)`;
  const ended = applicationEnded(record);
  const validated = clocks.day(record, "validatedOn");
  const period = validated ? determinationPeriod(record, validated) : null;
  if (period) {
    clocks.due({
      key: "determination-due",
      label: period.label,
      dueOn: period.endsOn,
      rule: period.rule,
      source,
      noLongerDue: ended,
    });
  }
  const category = record.applicationCategory ?? null;
  if (record.decision === "refused" && record.decidedOn) {
    const decided = clocks.day(record, "decidedOn");
    if (!decided) return;
    const notice = noticeServedBy(record, context, decided);
    if (notice) {
      clocks.due({
        key: "appeal-by",
        label: "Applicant's appeal must be made by",
        dueOn: addDays(decided, 28),
        rule: `28 days from the date of the decision notice, because ${recordName(notice)} was served on ${formatDate(notice.servedOn ?? "")}, before the decision (${SAME_LAND})`,
        source: appealSource,
      });
    } else if (category === "householder") {
      clocks.due({
        key: "appeal-by",
        label: "Applicant's appeal must be made by",
        dueOn: addDays(decided, 84),
        rule: "12 weeks from the date of the decision notice, for a householder application",
        source: appealSource,
      });
    } else {
      clocks.due({
        key: "appeal-by",
        label: "Applicant's appeal must be made by",
        dueOn: addMonths(decided, 6),
        rule: `6 months from the date of the decision notice${category ? "" : ` (the category is not recorded: for a householder application it would be 12 weeks, to ${formatDate(addDays(decided, 84))})`}`,
        source: appealSource,
      });
    }
    return;
  }
  if (!validated || !period || record.decision) return;
  // No decision: the applicant may appeal against non-determination once the period ends.
  if (record.withdrawnOn && record.withdrawnOn <= period.endsOn) return;
  const notice = noticeServedBy(record, context, period.endsOn);
  const withdrawn = record.withdrawnOn ? `the application was withdrawn on ${written(record, "withdrawnOn")}` : null;
  if (notice) {
    clocks.due({
      key: "appeal-by",
      label: "Applicant's appeal (no decision) must be made by",
      dueOn: addDays(period.endsOn, 28),
      rule: `28 days from the end of the period for the decision (${formatDate(period.endsOn)}), because ${recordName(notice)} was served on ${formatDate(notice.servedOn ?? "")}, before it ended (${SAME_LAND})`,
      source: appealSource,
      noLongerDue: withdrawn,
    });
    return;
  }
  clocks.due({
    key: "appeal-by",
    label: "Applicant's appeal (no decision) must be made by",
    dueOn: addMonths(period.endsOn, 6),
    rule: `6 months from the end of the period for the decision (${formatDate(period.endsOn)}), as no decision was made${
      category || record.extendedTo
        ? ""
        : `; for major development it would end on ${formatDate(addMonths(addDays(validated, 91), 6))}, 6 months from the 13-week date`
    }`,
    source: appealSource,
    noLongerDue: withdrawn,
  });
}

function certificateClocks(record: DeadlineInput, context: DeadlineContext, clocks: Clocks) {
  if (context.nation === "wales") {
    welshProcedure(record, clocks);
    return;
  }
  const validated = clocks.day(record, "validatedOn");
  if (validated) {
    const statutory = addDays(validated, 55);
    clocks.due({
      key: "determination-due",
      label: record.extendedTo ? "Decision due (extended)" : "Decision due",
      dueOn: record.extendedTo ?? statutory,
      rule: record.extendedTo
        ? `an extended period agreed in writing with the applicant, in place of the 8-week date (${formatDate(statutory)})`
        : "8 weeks beginning with the day the application was received complete with its fee (the day it was validated is the first day)",
      source: `${DMPO} art. 39(12)`,
      noLongerDue: applicationEnded(record),
    });
  }
  if (record.decision === "certificate_refused" || (validated && !record.decision && !record.withdrawnOn)) {
    clocks.note(
      "appeal-not-computed",
      `No appeal deadline is computed: the applicant may appeal against a refusal, or a failure to decide, under ${TCPA} s.195, and we have not confirmed a time limit to cite. If one applies, add it as another deadline.`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The rest

function enforcementWarningNoticeClocks(record: DeadlineInput, context: DeadlineContext, clocks: Clocks) {
  if (context.nation === "wales") {
    clocks.note(
      "wales",
      "Enforcement warning notices (section 172ZA) apply in England only: this record gives no deadline.",
    );
    return;
  }
  const issued = clocks.day(record, "issuedOn");
  if (!issued || !record.statedPeriod || !record.statedPeriodUnit) return;
  clocks.due({
    key: "application-invited-by",
    label: "Application invited by",
    dueOn: afterPeriod(issued, record.statedPeriod, record.statedPeriodUnit),
    rule: `the period the notice states for a planning application to be made (${periodInWords(record.statedPeriod, record.statedPeriodUnit)}), counted from the day it was issued; if the notice counts it from another day, add that date as another deadline`,
    source: `${TCPA} s.172ZA (inserted by the ${LURA}, in force from 25 April 2024)`,
    noLongerDue: record.withdrawnOn ? `the notice was withdrawn on ${written(record, "withdrawnOn")}` : null,
  });
}

function enforcementAppealClocks(record: DeadlineInput, context: DeadlineContext, clocks: Clocks) {
  const notice = others(record, context).find(
    (other) => other.kind === "enforcement_notice" && other.id !== undefined && other.id === record.enforcementNoticeId,
  );
  if (!notice) {
    clocks.note(
      "no-enforcement-notice",
      "No enforcement notice is linked: link the notice this appeal is against, so that the notice's dates follow the appeal.",
    );
    return;
  }
  if (!appealEnd(record)) {
    clocks.note(
      "suspends",
      `While this appeal is pending, ${recordName(notice)} is suspended: it takes effect, and its periods for compliance run, from the day the appeal is decided or withdrawn (${TCPA} s.175(4)).`,
    );
  }
}

/** Every clock of a record: its deadlines (live or history), in date order, and its notes. */
export function clocksFor(record: DeadlineInput, context: DeadlineContext): RecordClocks {
  const clocks = new Clocks();
  switch (record.kind) {
    case "planning_application":
      planningApplicationClocks(record, context, clocks);
      break;
    case "lawful_development_certificate":
      certificateClocks(record, context, clocks);
      break;
    case "planning_contravention_notice": {
      const served = clocks.day(record, "servedOn");
      if (served) {
        clocks.due({
          key: "response-due",
          label: "Response due",
          // 21 days beginning with the day of service: the day of service is day 1.
          dueOn: addDays(served, 20),
          rule: "21 days beginning with the day the notice was served; not responding after that is an offence",
          source: `${TCPA} s.171D(1)`,
        });
      }
      break;
    }
    case "enforcement_notice":
      enforcementNoticeClocks(record, context, clocks);
      break;
    case "stop_notice":
      stopNoticeClocks(record, context, clocks);
      break;
    case "temporary_stop_notice":
      temporaryStopNoticeClocks(record, context, clocks);
      break;
    case "breach_of_condition_notice": {
      const served = clocks.day(record, "servedOn");
      if (served && record.compliancePeriod && record.compliancePeriodUnit) {
        clocks.due({
          key: "compliance-due",
          label: "Compliance due",
          // A period "beginning with the date of service": the day of service is day 1.
          dueOn: addDays(afterPeriod(served, record.compliancePeriod, record.compliancePeriodUnit), -1),
          rule: `the period the notice allows (${periodInWords(record.compliancePeriod, record.compliancePeriodUnit)}, at least 28 days) begins with the day of service`,
          source: `${TCPA} s.187A(7)`,
        });
      }
      break;
    }
    case "enforcement_warning_notice":
      enforcementWarningNoticeClocks(record, context, clocks);
      break;
    case "enforcement_appeal":
      enforcementAppealClocks(record, context, clocks);
      break;
    case "planning_appeal":
      break;
  }
  if (record.otherDeadlineOn) {
    clocks.due({
      key: "officer-deadline",
      label: record.otherDeadlineLabel?.trim() || "Deadline",
      dueOn: record.otherDeadlineOn,
      rule: "a date set by the officer",
      source: "Set by the officer",
    });
  }
  return {
    deadlines: clocks.deadlines.sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
    notes: clocks.notes,
  };
}

/** A record's deadlines, live and history, in date order (clocksFor without the notes). */
export function deadlinesFor(record: DeadlineInput, context: DeadlineContext): Deadline[] {
  return clocksFor(record, context).deadlines;
}

/** Whether a deadline may still fall due: not history (withdrawn, suspended, decided). */
export function isDeadlineLive(deadline: Pick<Deadline, "noLongerDue">): boolean {
  return deadline.noLongerDue === null;
}
