// The dated facts each kind of record puts on the timeline, in words a barrister could read as a
// chronology. Pure: the domain functions store what these return (app/server/council/timeline/timeline.server.ts).
import { findCaseLawUrl } from "./citations";
import type { IsoDate } from "./dates";
import { type DeadlineContext, type DeadlineInput, deadlinesFor } from "./deadlines";
import { formatDate } from "./format";
import {
  CASE_STATUS_LABELS,
  type CaseStatus,
  COURT_LABELS,
  type Court,
  FINDING_DIRECTION_LABELS,
  type FindingDirection,
  ORDER_STATUS_CHANGES,
  ORDER_STATUS_LABELS,
  type OrderStatus,
  OUTCOME_LABELS,
  type Outcome,
  PROCEEDING_KIND_LABELS,
  type ProceedingKind,
  type ReliefKind,
  reliefWords,
} from "./legal-codes";
import { type ChangedBy, changedByName, isOrderLive, lowerFirst, orderStatusWords } from "./order-status";
import type { DatePrecision } from "./partial-date";
import { type PastDateField, PLANNING_DECISION_LABELS, PLANNING_KIND_LABELS } from "./planning-codes";
import type { TimelineKind } from "./timeline-codes";

export interface Fact {
  fact: string;
  occurredOn: IsoDate | null;
  occurredOnPrecision?: DatePrecision;
  occurredAt?: string | null;
  kind: TimelineKind;
  title: string;
  description?: string | null;
  sourceUrl?: string | null;
  /** A deadline that is no longer due (its order set aside, say): its date is struck through. */
  noLongerDue?: boolean;
}

export function periodOfUseFacts(period: {
  startsOn: IsoDate;
  startsOnPrecision?: DatePrecision;
  endsOn: IsoDate | null;
  endsOnPrecision?: DatePrecision;
  description: string | null;
  source: string | null;
}): Fact[] {
  const source = period.source && /^https?:\/\//.test(period.source) ? period.source : null;
  return [
    {
      fact: "started",
      occurredOn: period.startsOn,
      occurredOnPrecision: period.startsOnPrecision,
      kind: "use",
      title: "Use as asylum accommodation began",
      description: period.description,
      sourceUrl: source,
    },
    {
      fact: "ended",
      occurredOn: period.endsOn,
      occurredOnPrecision: period.endsOnPrecision,
      kind: "use",
      title: "Use as asylum accommodation ended",
      sourceUrl: source,
    },
  ];
}

/** What a planning record's facts read: its dates (with their precision) and what its deadlines need. */
interface PlanningRecordDates extends DeadlineInput {
  description: string | null;
  linkUrl: string | null;
}

const PLANNING_DATES: [PastDateField, string][] = [
  ["receivedOn", "received"],
  ["validatedOn", "validated"],
  ["issuedOn", "issued"],
  ["servedOn", "served"],
  ["displayedOn", "first displayed on site"],
  ["lodgedOn", "lodged"],
  ["startedOn", "started"],
  ["effectiveOn", "takes effect"],
  ["decidedOn", "decided"],
  ["withdrawnOn", "withdrawn"],
];

/**
 * Each date of a planning or enforcement record, as precise as recorded, and the statutory dates
 * computed from them (with the council's nation and the site's other records: app/lib/deadlines.ts).
 * A deadline that is no longer due (the record withdrawn, the notice suspended) stays, its date
 * struck through and its title saying why.
 */
export function planningFacts(record: PlanningRecordDates, context: DeadlineContext): Fact[] {
  const name = `${PLANNING_KIND_LABELS[record.kind]}${record.reference ? ` ${record.reference}` : ""}`;
  const facts: Fact[] = PLANNING_DATES.map(([key, word]) => ({
    fact: key,
    occurredOn: record[key] ?? null,
    occurredOnPrecision: record[`${key}Precision`] ?? "day",
    kind: "planning",
    title: `${name} ${word}${key === "decidedOn" && record.decision ? `: ${PLANNING_DECISION_LABELS[record.decision].toLowerCase()}` : ""}`,
    description: key === "issuedOn" || key === "receivedOn" ? record.description : null,
    sourceUrl: record.linkUrl,
  }));
  for (const deadline of deadlinesFor(record, context)) {
    const what = `${deadline.label.charAt(0).toLowerCase()}${deadline.label.slice(1)}`;
    facts.push({
      fact: `deadline:${deadline.key}`,
      occurredOn: deadline.dueOn,
      kind: "planning",
      title: `${name}: ${what}${deadline.noLongerDue ? ` (no longer due: ${deadline.noLongerDue})` : ""}`,
      description: `${deadline.rule} (${deadline.source}).`,
      noLongerDue: deadline.noLongerDue !== null,
    });
  }
  return facts;
}

export function complaintFacts(complaint: {
  reference: string;
  receivedOn: IsoDate;
  summary: string;
  closedOn: IsoDate | null;
}): Fact[] {
  return [
    {
      fact: "received",
      occurredOn: complaint.receivedOn,
      kind: "complaint",
      title: `Complaint ${complaint.reference} received`,
      description: complaint.summary,
    },
    {
      fact: "closed",
      occurredOn: complaint.closedOn,
      kind: "complaint",
      title: `Complaint ${complaint.reference} closed`,
    },
  ];
}

export function caseFacts(legalCase: {
  reference: string;
  title: string;
  decidedToLitigateOn: IsoDate | null;
  decisionTakenBy: string | null;
}): Fact[] {
  return [
    {
      fact: "decided_to_litigate",
      occurredOn: legalCase.decidedToLitigateOn,
      kind: "case",
      title: `Decision to litigate (${legalCase.reference})`,
      description: legalCase.decisionTakenBy ? `Taken by ${legalCase.decisionTakenBy}.` : null,
    },
  ];
}

export function caseStatusTitle(status: CaseStatus): string {
  return `Case status changed to ${CASE_STATUS_LABELS[status].toLowerCase()}`;
}

interface ProceedingDates {
  court: Court;
  kind: ProceedingKind;
  claimNumber: string | null;
  neutralCitation: string | null;
  judge: string | null;
  issuedOn: IsoDate | null;
  issuedOnPrecision?: DatePrecision;
  heardOn: IsoDate | null;
  heardOnPrecision?: DatePrecision;
  decidedOn: IsoDate | null;
  decidedOnPrecision?: DatePrecision;
  judgmentPublishedOn: IsoDate | null;
  outcome: Outcome | null;
  summary: string | null;
}

/** A proceeding's short name in a chronology: its citation, or its court and claim number. */
function proceedingShortName(proceeding: ProceedingDates): string {
  if (proceeding.neutralCitation) return proceeding.neutralCitation;
  const court = COURT_LABELS[proceeding.court];
  return proceeding.claimNumber ? `${court}, claim ${proceeding.claimNumber}` : court;
}

/**
 * A proceeding's dates. The hearing date is left out when a hearing on that day is recorded, so the
 * chronology does not say the same thing twice.
 */
export function proceedingFacts(
  proceeding: ProceedingDates,
  hearingDates: readonly IsoDate[] = [],
  findings: readonly { factor: string; finding: FindingDirection; paragraph: string | null }[] = [],
  reliefs: readonly { kind: ReliefKind; outcome: Outcome | null; note: string | null }[] = [],
): Fact[] {
  // The decision's entry says what became of each relief sought, and what the court found on each
  // factor, with its direction (Decision 48).
  const found = findings
    .map(
      (finding) =>
        `${finding.factor}: ${FINDING_DIRECTION_LABELS[finding.finding].toLowerCase()}${finding.paragraph ? ` (${finding.paragraph})` : ""}`,
    )
    .join("; ");
  const relief = reliefs
    .map((item) => `${lowerFirst(reliefWords(item))}${item.note ? ` (${item.note})` : ""}`)
    .join("; ");
  const decision =
    [proceeding.summary, relief ? `Relief: ${relief}.` : null, found ? `Findings: ${found}.` : null]
      .filter(Boolean)
      .join("\n") || null;
  const court = COURT_LABELS[proceeding.court];
  const kind = PROCEEDING_KIND_LABELS[proceeding.kind].toLowerCase();
  const link = proceeding.neutralCitation ? findCaseLawUrl(proceeding.neutralCitation) : null;
  const bench = `${court}${proceeding.judge ? ` (${proceeding.judge})` : ""}`;
  const outcome = proceeding.outcome ? OUTCOME_LABELS[proceeding.outcome].toLowerCase() : null;
  const citation = proceeding.neutralCitation ? `, ${proceeding.neutralCitation}` : "";
  return [
    {
      fact: "issued",
      occurredOn: proceeding.issuedOn,
      occurredOnPrecision: proceeding.issuedOnPrecision,
      kind: "proceeding",
      title: `${court}: ${kind} issued${proceeding.claimNumber ? ` (claim ${proceeding.claimNumber})` : ""}`,
    },
    {
      fact: "heard",
      occurredOn: proceeding.heardOn && !hearingDates.includes(proceeding.heardOn) ? proceeding.heardOn : null,
      occurredOnPrecision: proceeding.heardOnPrecision,
      kind: "proceeding",
      title: `${bench}: ${kind} heard`,
    },
    {
      fact: "decided",
      occurredOn: proceeding.decidedOn,
      occurredOnPrecision: proceeding.decidedOnPrecision,
      kind: "proceeding",
      title: `${bench}: ${kind}: ${outcome ?? "decided"}${citation}`,
      description: decision,
      sourceUrl: link,
    },
    {
      fact: "judgment_published",
      occurredOn: proceeding.judgmentPublishedOn,
      kind: "proceeding",
      title: `${bench}: ${proceeding.decidedOn || !outcome ? "judgment" : `${kind}: ${outcome},`} published${citation}`,
      description: proceeding.decidedOn ? null : decision,
      sourceUrl: link,
    },
  ];
}

export function hearingFacts(
  hearing: { heldOn: IsoDate; startsAt: string | null; kind: string; notes: string | null },
  proceeding: ProceedingDates,
): Fact[] {
  return [
    {
      fact: "held",
      occurredOn: hearing.heldOn,
      occurredAt: hearing.startsAt,
      kind: "hearing",
      title: `${COURT_LABELS[proceeding.court]}: ${hearing.kind}`,
      description: hearing.notes,
    },
  ];
}

/**
 * An order's dates: when it was made, its deadline, and when its status last changed (set aside,
 * stayed, …) with the proceeding that changed it. The deadline of an order that is not live stays
 * on the timeline, its date struck through and its title saying why (README, Decision 46); the
 * order's earlier statuses are in the audit log, not the timeline.
 */
export function orderFacts(
  order: {
    madeOn: IsoDate;
    requires: string;
    dueOn: IsoDate | null;
    dueAt: string | null;
    status: OrderStatus;
    statusOn: IsoDate | null;
    statusNote: string | null;
  },
  proceeding: ProceedingDates,
  changedBy: ChangedBy | null = null,
): Fact[] {
  const name = proceedingShortName(proceeding);
  const words = orderStatusWords(order, changedBy);
  const live = isOrderLive(order.status);
  const deadline = `Deadline under the order of ${formatDate(order.madeOn)} (${name})`;
  return [
    {
      fact: "made",
      occurredOn: order.madeOn,
      kind: "order",
      title: `Order made (${name})`,
      description: words && order.status !== "in_force" ? `${order.requires}\n${words}.` : order.requires,
    },
    {
      fact: "due",
      occurredOn: order.dueOn,
      occurredAt: order.dueAt,
      kind: "order",
      title: live
        ? `${deadline}${order.status === "varied" && words ? ` (the order was ${lowerFirst(words)})` : ""}`
        : `${deadline}: no longer due, ${lowerFirst(words ?? ORDER_STATUS_LABELS[order.status])}`,
      description: order.requires,
      noLongerDue: !live,
    },
    {
      fact: "status",
      occurredOn: order.status === "in_force" && !order.statusOn ? null : order.statusOn,
      kind: "order",
      title: `Order ${ORDER_STATUS_CHANGES[order.status].replace(/^was /, "")}${
        changedBy ? ` by ${changedByName(changedBy)}` : ""
      } (the order of ${formatDate(order.madeOn)}, ${name})`,
      description: order.statusNote ?? order.requires,
      sourceUrl: changedBy?.neutralCitation ? findCaseLawUrl(changedBy.neutralCitation) : null,
    },
  ];
}
