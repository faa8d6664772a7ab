// Court clocks: the time limits a decision starts running, worked out from a proceeding's own
// decision date and offered to the legal team as suggested deadlines, which they confirm (with the
// date the court directed, if it directed another) or dismiss. Pure: the case page, the deadlines
// page, the calendar feed and the tests share one reading of the rules.
//
// Which clock a proceeding starts follows from its court, its kind, its outcome and, for a
// challenge to a decision, the case's legal basis. Each rule names its source:
//
// - Appellant's notice, CPR 52.12(2)(b): 21 days after the date of the decision of the lower court
//   (unless the lower court directs another period, CPR 52.12(2)(a): the date the legal team enters
//   on confirming). Started by a decision of the County Court or the High Court (King's Bench
//   Division, Planning Court, Administrative Court) that decides something: granted, refused,
//   continued, not continued, dismissed, allowed, set aside or struck out. Not by an application for
//   permission to appeal (time runs from the decision appealed, not from a refusal of permission),
//   nor by a grant or refusal of permission (a refusal of permission to apply for judicial review has
//   shorter limits of its own, not suggested here), nor by a withdrawal or an adjournment.
// - Judicial review claim form, CPR 54.5(5): a claim about a decision under the planning Acts must
//   be filed not later than six weeks after the grounds to make it first arose. Started, in a case
//   whose legal basis is judicial review, by the decision challenged, recorded as a proceeding
//   before "another court or tribunal" (the decision-maker: a minister, an inspector, a planning
//   authority), counted from its decision date.
// - Statutory challenge, s.288(4B) Town and Country Planning Act 1990: within six weeks beginning
//   with the day after the decision. Started the same way, in a case whose legal basis is a
//   statutory challenge under s.288.
// - Application to the Supreme Court for permission to appeal, Supreme Court Rules 2009 r.11(1):
//   within 28 days from the date of the order or decision of the court below. Started when the Court
//   of Appeal refuses permission to appeal from its own decision (r.10(2): the court below is asked
//   first), and counted from that decision of the Court of Appeal, the one appealed, not from the
//   refusal if that came later: a later refusal does not move the rule's date. The 2009 Rules were
//   replaced by the Supreme Court Rules 2024 from 2 December 2024, so a decision from that day on
//   carries a caution to check the current rule. A Court of Appeal refusal of permission to appeal to
//   itself (from a lower court) starts nothing: it cannot be appealed (Access to Justice Act 1999
//   s.54(4)).
//
// Days are counted as the CPR counts them (CPR 2.8): the decision's day is not counted, so 21 days
// after 11 November 2025 is 2 December 2025, and six weeks after it 23 December 2025. Only a
// decision known to the day starts a clock (README, Decision 47): one known to the month, part of a
// month or "about" a day gives no date and says why. The date is never moved: when the last day is
// a weekend or bank holiday the suggestion says so (for the CPR clocks, CPR 2.8(5) lets a step at a
// court office closed that day be taken on the next day it is open).
import { addDays, type IsoDate, isWorkingDay } from "./dates";
import { formatDate } from "./format";
import type { Court, LegalBasis, Outcome, ProceedingKind, ProceedingRelation } from "./legal-codes";
import { type DatePrecision, formatPartialDate, isDayPrecise } from "./partial-date";

export const courtClocks = [
  "appellants_notice",
  "judicial_review_claim",
  "statutory_challenge",
  "supreme_court_permission",
] as const;
export type CourtClock = (typeof courtClocks)[number];

/** What the legal team decided about a suggested clock. */
export const courtClockDecisions = ["confirmed", "dismissed"] as const;
export type CourtClockDecision = (typeof courtClockDecisions)[number];

export interface CourtClockRule {
  /** What falls due, as a deadline's label: "Appellant's notice due". */
  label: string;
  /** The rule in words, as the deadlines page and the calendar show it. */
  rule: string;
  /** The rule's source, shown in brackets beside the date: "CPR 52.12(2)(b)". */
  source: string;
  /** Days after the decision: the last day is the decision's date plus these. */
  days: number;
  /** A rule of the Civil Procedure Rules, so CPR 2.8(5) applies to a last day the court office is closed. */
  civilProcedureRules: boolean;
}

export const COURT_CLOCK_RULES: Record<CourtClock, CourtClockRule> = {
  appellants_notice: {
    label: "Appellant's notice due",
    rule: "21 days after the date of the decision of the lower court, unless that court directed another period",
    source: "CPR 52.12(2)(b)",
    days: 21,
    civilProcedureRules: true,
  },
  judicial_review_claim: {
    label: "Judicial review claim form due",
    rule: "Not later than six weeks after the grounds to make the claim first arose (a decision under the planning Acts)",
    source: "CPR 54.5(5)",
    days: 42,
    civilProcedureRules: true,
  },
  statutory_challenge: {
    label: "Section 288 application due",
    rule: "Within six weeks beginning with the day after the decision",
    source: "s.288(4B) Town and Country Planning Act 1990",
    days: 42,
    civilProcedureRules: false,
  },
  supreme_court_permission: {
    label: "Application to the Supreme Court for permission to appeal due",
    rule: "Within 28 days from the date of the Court of Appeal's decision appealed, after that court refused permission",
    source: "Supreme Court Rules 2009 r.11(1)",
    days: 28,
    civilProcedureRules: false,
  },
};

/** The courts a decision of which is appealed with an appellant's notice under CPR Part 52. */
const LOWER_COURTS: readonly Court[] = ["county_court", "high_court_kb", "planning_court", "administrative_court"];
/** Outcomes that decide something an appeal could be brought against. */
const DECIDING: readonly Outcome[] = [
  "granted",
  "refused",
  "continued",
  "not_continued",
  "dismissed",
  "allowed",
  "set_aside",
  "struck_out",
];
/** Outcomes after which there is no decision to challenge. */
const NOT_DECIDING: readonly Outcome[] = ["withdrawn", "adjourned"];
/** The legal bases that challenge a decision, and the clock each decision challenged starts. */
const CHALLENGE_CLOCKS: Partial<Record<LegalBasis, CourtClock>> = {
  judicial_review: "judicial_review_claim",
  s288_challenge: "statutory_challenge",
};
/** The day the Supreme Court Rules 2024 replaced the 2009 Rules. */
const SUPREME_COURT_RULES_2024_FROM = "2024-12-02";

/** What the rules read of a proceeding. */
export interface ClockProceeding {
  id: string;
  parentId: string | null;
  relation: ProceedingRelation | null;
  court: Court;
  kind: ProceedingKind;
  outcome: Outcome | null;
  decidedOn: IsoDate | null;
  decidedOnPrecision: DatePrecision;
}

/** A clock a proceeding's decision starts, with its last day when the decision is known to the day. */
export interface SuggestedClock {
  clock: CourtClock;
  proceedingId: string;
  label: string;
  rule: string;
  source: string;
  /** The day the clock runs from (stored with a confirmation, which stands only while this stays the same). */
  from: IsoDate | null;
  /** The last day under the rule; null when the decision it runs from is not known to the day. */
  dueOn: IsoDate | null;
  /** Why there is no date, when there is none. */
  noDate: string | null;
  /** What to check before relying on the date, when anything. */
  caution: string | null;
}

function suggestion(
  clock: CourtClock,
  proceedingId: string,
  from: { on: IsoDate | null; precision: DatePrecision; what: string },
): SuggestedClock {
  const rule = COURT_CLOCK_RULES[clock];
  const base = { clock, proceedingId, label: rule.label, rule: rule.rule, source: rule.source };
  if (!from.on) {
    return { ...base, from: null, dueOn: null, noDate: `${from.what} has no date recorded.`, caution: null };
  }
  if (!isDayPrecise(from.precision)) {
    return {
      ...base,
      from: null,
      dueOn: null,
      noDate: `${from.what} is recorded as ${formatPartialDate(from.on, from.precision)}, not to the day. Enter the exact day of the decision to get the date.`,
      caution: null,
    };
  }
  const dueOn = addDays(from.on, rule.days);
  const cautions: string[] = [];
  if (!isWorkingDay(dueOn)) {
    cautions.push(
      rule.civilProcedureRules
        ? `${formatDate(dueOn)} is not a working day: when the court office is closed on the last day, CPR 2.8(5) lets the step be taken on the next day it is open.`
        : `${formatDate(dueOn)} is not a working day: check whether the period runs on to the next working day.`,
    );
  }
  if (clock === "supreme_court_permission" && from.on >= SUPREME_COURT_RULES_2024_FROM) {
    cautions.push("The Supreme Court Rules 2024 replaced the 2009 Rules from 2 December 2024: check the current rule.");
  }
  return { ...base, from: from.on, dueOn, noDate: null, caution: cautions.length > 0 ? cautions.join(" ") : null };
}

/**
 * The clocks a proceeding's decision starts (none until it is decided), given the proceeding it
 * appeals from or asks permission about, if any, and its case's legal basis.
 */
export function courtClocksOf(
  proceeding: ClockProceeding,
  context: { parent: ClockProceeding | null; legalBasis: LegalBasis },
): SuggestedClock[] {
  const { outcome } = proceeding;
  if (outcome === null || NOT_DECIDING.includes(outcome)) return [];
  const decision = {
    on: proceeding.decidedOn,
    precision: proceeding.decidedOnPrecision,
    what: "The decision",
  };

  // A decision of another decision-maker, challenged by judicial review or under s.288.
  const challenge = CHALLENGE_CLOCKS[context.legalBasis];
  if (proceeding.court === "other" && proceeding.parentId === null && challenge) {
    return [suggestion(challenge, proceeding.id, decision)];
  }

  // A decision of the County Court or the High Court: an appeal from it.
  if (
    LOWER_COURTS.includes(proceeding.court) &&
    proceeding.kind !== "permission_to_appeal" &&
    DECIDING.includes(outcome)
  ) {
    return [suggestion("appellants_notice", proceeding.id, decision)];
  }

  // The Court of Appeal refusing permission to appeal from its own decision: the Supreme Court next.
  const parent = context.parent;
  if (
    proceeding.court === "court_of_appeal_civil" &&
    proceeding.kind === "permission_to_appeal" &&
    outcome === "permission_refused" &&
    proceeding.relation === "permission_application_about" &&
    parent?.court === "court_of_appeal_civil"
  ) {
    return [
      suggestion("supreme_court_permission", proceeding.id, {
        on: parent.decidedOn,
        precision: parent.decidedOnPrecision,
        what: "The Court of Appeal's decision appealed",
      }),
    ];
  }
  return [];
}
