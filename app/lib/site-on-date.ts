// A site as it stood on a given day: in use or not (from its periods of use), its open
// enforcement (from its enforcement records' dates) and where its court action stood (from its
// cases' proceedings, read as an appeal chain). Pure, so the map on a date, the list beside it
// and the tests share one reading of the records. Dates are ISO calendar days, compared as text.
//
// README, Decision 30: The map on a date is computed from the records, not stored.
// `app/lib/site-on-date.ts` reads a site's state on any day from its own dates, so correcting a
// date corrects the past map too. Use: a site is in use when a period of use covers the day (both
// ends counted); otherwise it is not in use before its first period, between periods or after its
// last; with no periods, unknown. Enforcement: a record is open from its first date (issued,
// served, displayed, received, lodged or started) until it is withdrawn or decided, or a temporary
// stop notice's statutory period runs out; drafts were never in force, so today's map can show
// fewer open records than the list's filter, which goes by status alone. Court action: an
// injunction's grant or refusal stands unless an appeal from it was allowed by that day; permission
// applications change nothing; a final decision supersedes an interim one. `sitesAsOn` loads the
// council's records in bulk: seven statements however many sites.

import { addDays, type IsoDate } from "./dates";
import { deadlinesFor } from "./deadlines";
import { formatDate } from "./format";
import {
  type CaseStatus,
  type Court,
  OUTCOME_LABELS,
  type Outcome,
  PROCEEDING_KIND_LABELS,
  type ProceedingKind,
  type ProceedingRelation,
  type ReliefKind,
} from "./legal-codes";
import { type DatePrecision, formatPartialDate, latestDayOf } from "./partial-date";
import {
  CLOSED_PLANNING_STATUSES,
  ENFORCEMENT_KINDS,
  type PeriodUnit,
  PLANNING_KIND_LABELS,
  type PlanningRecordKind,
  type PlanningStatus,
} from "./planning-codes";
import type { Nation } from "./roles";
import type { SiteStatus } from "./site-codes";

// ---------------------------------------------------------------------------------------------
// What the calculation reads

export interface UsePeriodDates {
  startsOn: IsoDate;
  startsOnPrecision?: DatePrecision;
  endsOn: IsoDate | null;
  endsOnPrecision?: DatePrecision;
}

export interface PlanningRecordDates {
  kind: PlanningRecordKind;
  reference: string | null;
  status: PlanningStatus;
  receivedOn: IsoDate | null;
  issuedOn: IsoDate | null;
  issuedOnPrecision?: DatePrecision;
  servedOn: IsoDate | null;
  displayedOn: IsoDate | null;
  displayedOnPrecision?: DatePrecision;
  /** A temporary stop notice's shorter period, if it states one. */
  statedPeriod?: number | null;
  statedPeriodUnit?: PeriodUnit | null;
  lodgedOn: IsoDate | null;
  startedOn: IsoDate | null;
  decidedOn: IsoDate | null;
  withdrawnOn: IsoDate | null;
  /** The London day the record was entered: a record with none of the starting dates counts from then. */
  recordedOn: IsoDate;
  /** The London day the record was last changed: a closed record with no closing date was closed by then. */
  lastChangedOn: IsoDate;
}

export interface ProceedingDates {
  id: string;
  parentId: string | null;
  relation: ProceedingRelation | null;
  court: Court;
  kind: ProceedingKind;
  /** What it sought, each with what became of it (null: not decided yet), in the order listed. */
  reliefs: readonly { kind: ReliefKind; outcome: Outcome | null }[];
  neutralCitation: string | null;
  issuedOn: IsoDate | null;
  heardOn: IsoDate | null;
  decidedOn: IsoDate | null;
  /** A decision known only to the month, say, counts from the last day it may have been. */
  decidedOnPrecision?: DatePrecision;
  judgmentPublishedOn: IsoDate | null;
  outcome: Outcome | null;
}

export interface LegalCaseDates {
  reference: string;
  status: CaseStatus;
  decidedToLitigateOn: IsoDate | null;
  /** The London day the case was opened: a case with no dated step counts as begun from then. */
  recordedOn: IsoDate;
  /** The London day the case was last changed: a concluded case with no decided proceeding ended by then. */
  lastChangedOn: IsoDate;
  proceedings: ProceedingDates[];
}

export interface SiteRecordsForDate {
  /** The council's nation: a temporary stop notice lasts 28 or 56 days (app/lib/deadlines.ts). */
  nation: Nation;
  usePeriods: UsePeriodDates[];
  /** Every planning and enforcement record of the site; only the enforcement kinds are read. */
  planningRecords: PlanningRecordDates[];
  legalCases: LegalCaseDates[];
}

// ---------------------------------------------------------------------------------------------
// What it says, with the words for each state

export const useStatesOnDate = ["in_use", "not_in_use", "unknown"] as const;
export type UseOnDate = (typeof useStatesOnDate)[number];
/** When a site not in use on the day stood against its periods of use. */
export type NotInUseWhen = "before_first" | "between" | "after_last";

/** For a legend: one label per state. `useLabel` on a site says more (before, between or after its periods). */
export const USE_ON_DATE_LABELS: Record<UseOnDate, string> = {
  in_use: "In use as asylum accommodation",
  not_in_use: "Not in use as asylum accommodation",
  unknown: "No periods of use recorded",
};

const NOT_IN_USE_LABELS: Record<NotInUseWhen, string> = {
  before_first: "Not yet in use as asylum accommodation",
  between: "Not in use: between periods of use",
  after_last: "No longer in use as asylum accommodation",
};

export const enforcementStatesOnDate = ["open", "none"] as const;
export type EnforcementOnDate = (typeof enforcementStatesOnDate)[number];
export const ENFORCEMENT_ON_DATE_LABELS: Record<EnforcementOnDate, string> = {
  open: "Open enforcement",
  none: "No open enforcement",
};

export const legalStatesOnDate = [
  "none",
  "action_decided",
  "proceedings_issued",
  "interim_injunction_in_force",
  "interim_injunction_refused",
  "injunction_set_aside",
  "final_injunction_granted",
  "final_injunction_refused",
  "concluded",
] as const;
export type LegalOnDate = (typeof legalStatesOnDate)[number];
export const LEGAL_ON_DATE_LABELS: Record<LegalOnDate, string> = {
  none: "No court action",
  action_decided: "Court action decided on, not yet issued",
  proceedings_issued: "Proceedings issued",
  interim_injunction_in_force: "Interim injunction in force",
  interim_injunction_refused: "Interim injunction refused",
  injunction_set_aside: "Injunction set aside on appeal",
  final_injunction_granted: "Final injunction granted",
  final_injunction_refused: "Final injunction refused",
  concluded: "Court action concluded",
};

export interface OpenEnforcementRecord {
  kind: PlanningRecordKind;
  reference: string | null;
  /** The first of its dates (issued, served, displayed, received, lodged or started), else the day it was recorded. */
  since: IsoDate;
  /** "Enforcement notice EN/1, issued 1 May 2025" */
  description: string;
}

export interface SiteStateOnDate {
  on: IsoDate;
  use: UseOnDate;
  useWhen: NotInUseWhen | null;
  useLabel: string;
  useExplanation: string | null;
  enforcement: EnforcementOnDate;
  enforcementLabel: string;
  enforcementExplanation: string | null;
  openEnforcement: OpenEnforcementRecord[];
  legal: LegalOnDate;
  legalLabel: string;
  /** One line naming the decision and its judgment: "Interim injunction granted 19 August 2025, [2025] EWHC 2183 (KB)". */
  legalExplanation: string | null;
  /** The case the legal state comes from. */
  legalCaseReference: string | null;
  /** The day the legal state began. */
  legalSince: IsoDate | null;
  /** A legal case had begun (its first dated step, else the day it was opened) and had not concluded by the day. */
  hasOpenLegalCase: boolean;
}

// ---------------------------------------------------------------------------------------------
// Use

export function useOn(
  on: IsoDate,
  periods: UsePeriodDates[],
): Pick<SiteStateOnDate, "use" | "useWhen" | "useLabel" | "useExplanation"> {
  if (periods.length === 0) {
    return { use: "unknown", useWhen: null, useLabel: USE_ON_DATE_LABELS.unknown, useExplanation: null };
  }
  const sorted = [...periods].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  // Both ends count: a period ending on the 1st was still in use that day.
  const covering = sorted.find((period) => period.startsOn <= on && (period.endsOn === null || period.endsOn >= on));
  if (covering) {
    return {
      use: "in_use",
      useWhen: null,
      useLabel: USE_ON_DATE_LABELS.in_use,
      useExplanation: covering.endsOn
        ? `In use from ${formatPartialDate(covering.startsOn, covering.startsOnPrecision)} to ${formatPartialDate(covering.endsOn, covering.endsOnPrecision)}`
        : `In use from ${formatPartialDate(covering.startsOn, covering.startsOnPrecision)}, with no end recorded`,
    };
  }
  const next = sorted.find((period) => period.startsOn > on);
  const ended = sorted.filter((period) => period.endsOn !== null && period.endsOn < on);
  const previous = ended.sort((a, b) => (a.endsOn ?? "").localeCompare(b.endsOn ?? "")).at(-1);
  const when: NotInUseWhen = !previous ? "before_first" : next ? "between" : "after_last";
  const explanation =
    when === "before_first"
      ? `First period of use began ${next ? formatPartialDate(next.startsOn, next.startsOnPrecision) : formatDate(on)}`
      : when === "between"
        ? `Last period of use ended ${previous?.endsOn ? formatPartialDate(previous.endsOn, previous.endsOnPrecision) : formatDate(on)}; the next began ${next ? formatPartialDate(next.startsOn, next.startsOnPrecision) : formatDate(on)}`
        : `Last period of use ended ${previous?.endsOn ? formatPartialDate(previous.endsOn, previous.endsOnPrecision) : formatDate(on)}`;
  return { use: "not_in_use", useWhen: when, useLabel: NOT_IN_USE_LABELS[when], useExplanation: explanation };
}

// ---------------------------------------------------------------------------------------------
// Enforcement
//
// A record is open on a day when it had started by then (its first date: issued, served,
// displayed, received, lodged or started; with none of them, the day it was recorded) and had not
// ended by the start of that day. It ends on the day it was withdrawn or decided; a temporary stop
// notice also ends when its statutory period runs out; and a record whose status is closed
// (complied, decided, withdrawn, closed) with no such date is taken to have closed on the day it
// was last changed, the latest it can have closed. Drafts were never in force.

const START_DATES = [
  ["issuedOn", "issued"],
  ["servedOn", "served"],
  ["displayedOn", "displayed"],
  ["receivedOn", "received"],
  ["lodgedOn", "lodged"],
  ["startedOn", "started"],
] as const;

function startOf(record: PlanningRecordDates): { on: IsoDate; verb: string } {
  let first: { on: IsoDate; verb: string } | null = null;
  for (const [field, verb] of START_DATES) {
    const on = record[field];
    if (on && (!first || on < first.on)) first = { on, verb };
  }
  return first ?? { on: record.recordedOn, verb: "recorded" };
}

/** The first day the record was no longer open, when known. */
function endOf(record: PlanningRecordDates, nation: Nation): IsoDate | null {
  const ends: IsoDate[] = [];
  if (record.withdrawnOn) ends.push(record.withdrawnOn);
  if (record.decidedOn) ends.push(record.decidedOn);
  if (ends.length === 0 && CLOSED_PLANNING_STATUSES.includes(record.status)) ends.push(record.lastChangedOn);
  const expiry = deadlinesFor(record, { nation }).find((deadline) => deadline.key === "expires");
  if (record.kind === "temporary_stop_notice" && expiry) ends.push(addDays(expiry.dueOn, 1));
  return ends.sort()[0] ?? null;
}

export function enforcementOn(
  on: IsoDate,
  records: PlanningRecordDates[],
  nation: Nation,
): Pick<SiteStateOnDate, "enforcement" | "enforcementLabel" | "enforcementExplanation" | "openEnforcement"> {
  const open: OpenEnforcementRecord[] = [];
  for (const record of records) {
    if (!ENFORCEMENT_KINDS.includes(record.kind) || record.status === "draft") continue;
    const start = startOf(record);
    if (start.on > on) continue;
    const end = endOf(record, nation);
    if (end && end <= on) continue;
    open.push({
      kind: record.kind,
      reference: record.reference,
      since: start.on,
      description: `${PLANNING_KIND_LABELS[record.kind]}${record.reference ? ` ${record.reference}` : ""}, ${start.verb} ${formatDate(start.on)}`,
    });
  }
  open.sort((a, b) => a.since.localeCompare(b.since));
  const enforcement: EnforcementOnDate = open.length > 0 ? "open" : "none";
  return {
    enforcement,
    enforcementLabel: ENFORCEMENT_ON_DATE_LABELS[enforcement],
    enforcementExplanation: open.length > 0 ? open.map((record) => record.description).join("; ") : null,
    openEnforcement: open,
  };
}

// ---------------------------------------------------------------------------------------------
// Court action
//
// A proceeding is known from its first date (issued, heard, or decided) and decided on its
// decision date, or the day its judgment was published when that is the only date recorded.
// Which injunction a proceeding decided, and how, comes from its reliefs: an interim or final
// injunction granted, continued, refused or not continued on the decision date (a declaration
// decides no injunction); a proceeding with no reliefs recorded is read from its kind and its own
// outcome, as before reliefs were recorded one by one. An injunction's grant or refusal stands
// unless an appeal from it (relation appeal_from) was allowed or set it aside by the day, and that
// appeal's own decision stands in turn. A final decision supersedes any interim one. Applications
// for permission to appeal change nothing.

const COURT_NAMES: Record<Court, string> = {
  county_court: "the County Court",
  high_court_kb: "the High Court",
  planning_court: "the Planning Court",
  administrative_court: "the Administrative Court",
  court_of_appeal_civil: "the Court of Appeal",
  supreme_court: "the Supreme Court",
  other: "the court",
};

const GRANTING: readonly Outcome[] = ["granted", "continued"];
const REFUSING: readonly Outcome[] = ["refused", "not_continued", "dismissed"];
const REVERSING: readonly Outcome[] = ["allowed", "set_aside"];
const INTERIM_KINDS: readonly ProceedingKind[] = [
  "interim_injunction_application",
  "without_notice_application",
  "return_date",
];
const APPEAL_KINDS: readonly ProceedingKind[] = ["appeal", "permission_to_appeal"];

function decisionOf(proceeding: ProceedingDates): IsoDate | null {
  if (proceeding.decidedOn) return latestDayOf(proceeding.decidedOn, proceeding.decidedOnPrecision ?? "day");
  return proceeding.judgmentPublishedOn;
}

function knownFrom(proceeding: ProceedingDates): IsoDate | null {
  return proceeding.issuedOn ?? proceeding.heardOn ?? decisionOf(proceeding);
}

type Injunction = "interim" | "final";

/** The injunctions a proceeding sought, interim or final, each with what became of it. */
function reliefOf(proceeding: ProceedingDates): { injunction: Injunction; outcome: Outcome | null }[] {
  if (APPEAL_KINDS.includes(proceeding.kind)) return [];
  if (proceeding.reliefs.length > 0) {
    return proceeding.reliefs.flatMap((relief) =>
      relief.kind === "interim_injunction" || relief.kind === "final_injunction"
        ? [{ injunction: relief.kind === "interim_injunction" ? "interim" : "final", outcome: relief.outcome }]
        : [],
    );
  }
  if (INTERIM_KINDS.includes(proceeding.kind)) return [{ injunction: "interim", outcome: proceeding.outcome }];
  return proceeding.kind === "trial_final_injunction" ? [{ injunction: "final", outcome: proceeding.outcome }] : [];
}

function lowerFirst(text: string): string {
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

function citation(proceeding: ProceedingDates): string {
  return proceeding.neutralCitation ? `, ${proceeding.neutralCitation}` : "";
}

interface CaseState {
  legal: LegalOnDate;
  explanation: string | null;
  since: IsoDate | null;
  open: boolean;
}

function caseStateOn(on: IsoDate, legalCase: LegalCaseDates): CaseState {
  const proceedings = legalCase.proceedings;
  const decided = (proceeding: ProceedingDates) => {
    const day = decisionOf(proceeding);
    return proceeding.outcome !== null && day !== null && day <= on;
  };
  const known = (proceeding: ProceedingDates) => {
    const day = knownFrom(proceeding);
    return day !== null && day <= on;
  };
  const appealsFrom = (proceeding: ProceedingDates) =>
    proceedings.filter((child) => child.parentId === proceeding.id && child.relation === "appeal_from");

  /** The appeal that had reversed the proceeding's decision by the day, if one had and it still stood. */
  const reversedBy = (proceeding: ProceedingDates, depth = 0): ProceedingDates | null => {
    if (depth > 10) return null; // the database refuses cycles; this only guards against bad input
    const appeals = appealsFrom(proceeding)
      .filter(decided)
      .sort((a, b) => (decisionOf(b) ?? "").localeCompare(decisionOf(a) ?? ""));
    for (const appeal of appeals) {
      if (appeal.outcome && REVERSING.includes(appeal.outcome) && !reversedBy(appeal, depth + 1)) return appeal;
    }
    return null;
  };

  // When the case ended, if it has: its last decision, or its last change when nothing was decided.
  const decisionDays = proceedings.map(decisionOf).filter((day): day is IsoDate => day !== null);
  const concludedOn = legalCase.status === "concluded" ? (decisionDays.sort().at(-1) ?? legalCase.lastChangedOn) : null;
  const concluded = concludedOn !== null && concludedOn <= on;
  const begunOn =
    [legalCase.decidedToLitigateOn, ...proceedings.map(knownFrom)]
      .filter((day): day is IsoDate => day !== null)
      .sort()[0] ?? legalCase.recordedOn;
  const open = begunOn <= on && !concluded;

  const pendingAppeal = proceedings.find(
    (proceeding) => proceeding.parentId !== null && known(proceeding) && !decided(proceeding),
  );
  const pendingNote = pendingAppeal
    ? `; ${pendingAppeal.relation === "appeal_from" ? "an appeal" : "an application for permission to appeal"} to ${COURT_NAMES[pendingAppeal.court]} is pending`
    : "";

  const result = (legal: LegalOnDate, explanation: string | null, since: IsoDate | null): CaseState => ({
    legal,
    explanation: explanation === null ? null : `${explanation}${pendingNote}`,
    since,
    open,
  });

  /** The last proceeding that had granted or refused the injunction by the day, with how. */
  const latestDecided = (relief: Injunction) =>
    proceedings
      .flatMap((proceeding) => {
        const day = decisionOf(proceeding);
        if (day === null || day > on) return [];
        return reliefOf(proceeding).flatMap(({ injunction, outcome }) =>
          injunction === relief && outcome && [...GRANTING, ...REFUSING].includes(outcome)
            ? [{ proceeding, outcome }]
            : [],
        );
      })
      .sort((a, b) => (decisionOf(a.proceeding) ?? "").localeCompare(decisionOf(b.proceeding) ?? ""))
      .at(-1);

  for (const relief of ["final", "interim"] as const) {
    const latest = latestDecided(relief);
    if (!latest) continue;
    const { proceeding, outcome } = latest;
    const day = decisionOf(proceeding) ?? on;
    const name = relief === "final" ? "Final injunction" : "Interim injunction";
    const granted = GRANTING.includes(outcome);
    const decision = `${name} ${OUTCOME_LABELS[outcome].toLowerCase()} ${formatDate(day)}${citation(proceeding)}`;
    const appeal = reversedBy(proceeding);
    if (granted && !appeal) {
      return result(relief === "final" ? "final_injunction_granted" : "interim_injunction_in_force", decision, day);
    }
    if (granted && appeal) {
      const appealDay = decisionOf(appeal) ?? on;
      return result(
        "injunction_set_aside",
        `Set aside by ${COURT_NAMES[appeal.court]} on ${formatDate(appealDay)}${citation(appeal)} (${lowerFirst(decision)})`,
        appealDay,
      );
    }
    if (appeal) {
      const appealDay = decisionOf(appeal) ?? on;
      return result(
        relief === "final" ? "final_injunction_granted" : "interim_injunction_in_force",
        `Injunction granted on appeal by ${COURT_NAMES[appeal.court]} on ${formatDate(appealDay)}${citation(appeal)} (${lowerFirst(decision)})`,
        appealDay,
      );
    }
    if (relief === "final") return result("final_injunction_refused", decision, day);
    if (concluded) return result("concluded", `Case concluded; ${lowerFirst(decision)}`, concludedOn);
    return result("interim_injunction_refused", decision, day);
  }

  const knownProceedings = proceedings
    .filter(known)
    .sort((a, b) => (knownFrom(a) ?? "").localeCompare(knownFrom(b) ?? ""));
  if (concluded && (knownProceedings.length > 0 || legalCase.decidedToLitigateOn)) {
    return result(
      "concluded",
      `Case ${legalCase.reference} concluded by ${formatDate(concludedOn ?? on)}`,
      concludedOn,
    );
  }
  const pending = knownProceedings.filter((proceeding) => !decided(proceeding)).at(-1);
  if (pending) {
    const verb = pending.issuedOn && pending.issuedOn <= on ? "issued" : "heard";
    const day = verb === "issued" ? pending.issuedOn : pending.heardOn;
    return result(
      "proceedings_issued",
      `${PROCEEDING_KIND_LABELS[pending.kind]} ${verb} in ${COURT_NAMES[pending.court]} on ${formatDate(day ?? on)}`,
      knownProceedings[0] ? knownFrom(knownProceedings[0]) : day,
    );
  }
  const last = knownProceedings.at(-1);
  if (last?.outcome) {
    const day = decisionOf(last) ?? on;
    return result(
      "proceedings_issued",
      `${PROCEEDING_KIND_LABELS[last.kind]} in ${COURT_NAMES[last.court]}: ${OUTCOME_LABELS[last.outcome].toLowerCase()} ${formatDate(day)}${citation(last)}`,
      knownProceedings[0] ? knownFrom(knownProceedings[0]) : day,
    );
  }
  if (legalCase.decidedToLitigateOn && legalCase.decidedToLitigateOn <= on) {
    return result(
      "action_decided",
      `Decision to go to court taken ${formatDate(legalCase.decidedToLitigateOn)}`,
      legalCase.decidedToLitigateOn,
    );
  }
  return { legal: "none", explanation: null, since: null, open };
}

const IN_FORCE: readonly LegalOnDate[] = ["interim_injunction_in_force", "final_injunction_granted"];

export function legalOn(
  on: IsoDate,
  legalCases: LegalCaseDates[],
): Pick<
  SiteStateOnDate,
  "legal" | "legalLabel" | "legalExplanation" | "legalCaseReference" | "legalSince" | "hasOpenLegalCase"
> {
  const states = legalCases.map((legalCase) => ({ reference: legalCase.reference, ...caseStateOn(on, legalCase) }));
  const hasOpenLegalCase = states.some((state) => state.open);
  // An injunction in force says most about a site; otherwise the case that moved last.
  const chosen = states
    .filter((state) => state.legal !== "none")
    .sort((a, b) => {
      const force = Number(IN_FORCE.includes(b.legal)) - Number(IN_FORCE.includes(a.legal));
      return force !== 0 ? force : (b.since ?? "").localeCompare(a.since ?? "");
    })[0];
  if (!chosen) {
    return {
      legal: "none",
      legalLabel: LEGAL_ON_DATE_LABELS.none,
      legalExplanation: null,
      legalCaseReference: null,
      legalSince: null,
      hasOpenLegalCase,
    };
  }
  return {
    legal: chosen.legal,
    legalLabel: LEGAL_ON_DATE_LABELS[chosen.legal],
    legalExplanation: chosen.explanation,
    legalCaseReference: chosen.reference,
    legalSince: chosen.since,
    hasOpenLegalCase,
  };
}

/** Everything about the site on the day, for the map's markers, its legend and the list beside it. */
export function siteStateOn(on: IsoDate, records: SiteRecordsForDate): SiteStateOnDate {
  return {
    on,
    ...useOn(on, records.usePeriods),
    ...enforcementOn(on, records.planningRecords, records.nation),
    ...legalOn(on, records.legalCases),
  };
}

/**
 * The status a map draws for a site on a past day: in use or not from its periods of use; with
 * no periods recorded, the register's status today (the only thing known).
 */
export function mapStatusOn(state: SiteStateOnDate, registerStatus: SiteStatus): SiteStatus {
  if (state.use === "in_use") return "in_use";
  if (state.use === "unknown") return registerStatus;
  if (state.useWhen === "before_first") return registerStatus === "proposed" ? "proposed" : "unknown";
  return "ceased";
}

/** One line for a popup or a list: how the site stood on the day. */
export function stateOnDateSummary(state: SiteStateOnDate): string {
  const parts = [state.useLabel];
  if (state.enforcement === "open") parts.push(state.enforcementLabel);
  if (state.legal !== "none")
    parts.push(state.legalExplanation ? `${state.legalLabel}: ${state.legalExplanation}` : state.legalLabel);
  return parts.join(". ");
}
