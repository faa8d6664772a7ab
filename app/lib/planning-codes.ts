// The kinds of planning and enforcement record, their statuses and decisions, in words, and the
// fields and decisions each kind has. Free of zod: the record form uses these in the browser, and
// the form schema (schemas/planning-record.ts) imports them from here.
export const planningRecordKinds = [
  "planning_application",
  "lawful_development_certificate",
  "planning_contravention_notice",
  "enforcement_notice",
  "stop_notice",
  "temporary_stop_notice",
  "breach_of_condition_notice",
  "enforcement_appeal",
  "planning_appeal",
  "enforcement_warning_notice",
] as const;
export type PlanningRecordKind = (typeof planningRecordKinds)[number];

/** The kinds that count as enforcement (the sites list's "open enforcement" filter, the map on a date). */
export const ENFORCEMENT_KINDS: readonly PlanningRecordKind[] = [
  "planning_contravention_notice",
  "enforcement_notice",
  "stop_notice",
  "temporary_stop_notice",
  "breach_of_condition_notice",
  "enforcement_appeal",
  "enforcement_warning_notice",
];

/** Kinds only a council in England may record: enforcement warning notices (s.172ZA) apply to England only. */
export const ENGLAND_ONLY_KINDS: readonly PlanningRecordKind[] = ["enforcement_warning_notice"];

export const PLANNING_KIND_LABELS: Record<PlanningRecordKind, string> = {
  planning_application: "Planning application",
  lawful_development_certificate: "Lawful development certificate",
  planning_contravention_notice: "Planning contravention notice (PCN)",
  enforcement_notice: "Enforcement notice",
  stop_notice: "Stop notice",
  temporary_stop_notice: "Temporary stop notice",
  breach_of_condition_notice: "Breach of condition notice",
  enforcement_appeal: "Enforcement appeal",
  planning_appeal: "Planning appeal",
  enforcement_warning_notice: "Enforcement warning notice",
};

export const planningStatuses = ["draft", "open", "complied", "decided", "withdrawn", "closed"] as const;
export type PlanningStatus = (typeof planningStatuses)[number];
export const PLANNING_STATUS_LABELS: Record<PlanningStatus, string> = {
  draft: "Draft",
  open: "Open",
  complied: "Complied with",
  decided: "Decided",
  withdrawn: "Withdrawn",
  closed: "Closed",
};
/** Statuses after which a record's deadlines no longer need doing. */
export const CLOSED_PLANNING_STATUSES: readonly PlanningStatus[] = ["complied", "decided", "withdrawn", "closed"];

export const planningDecisions = [
  "granted",
  "refused",
  "certificate_granted",
  "certificate_refused",
  "allowed",
  "dismissed",
  "split",
  "varied",
  "withdrawn",
] as const;
export type PlanningDecision = (typeof planningDecisions)[number];
export const PLANNING_DECISION_LABELS: Record<PlanningDecision, string> = {
  granted: "Granted",
  refused: "Refused",
  certificate_granted: "Certificate granted",
  certificate_refused: "Certificate refused",
  allowed: "Allowed",
  dismissed: "Dismissed",
  split: "Split decision",
  varied: "Dismissed, the notice corrected or varied",
  withdrawn: "Withdrawn",
};

export const certificateTypes = ["existing_use_s191", "proposed_use_s192"] as const;
export type CertificateType = (typeof certificateTypes)[number];
export const CERTIFICATE_TYPE_LABELS: Record<CertificateType, string> = {
  existing_use_s191: "Existing use or development (s.191)",
  proposed_use_s192: "Proposed use or development (s.192)",
};

export const periodUnits = ["days", "months"] as const;
export type PeriodUnit = (typeof periodUnits)[number];

/**
 * What a planning application is, for its statutory clocks: the determination period (8, 13 or 16
 * weeks) and the appeal window (12 weeks for a householder application). Not recorded is null.
 */
export const applicationCategories = ["householder", "not_major", "major", "eia"] as const;
export type ApplicationCategory = (typeof applicationCategories)[number];
export const APPLICATION_CATEGORY_LABELS: Record<ApplicationCategory, string> = {
  householder: "Householder application",
  not_major: "Not major development (minor or other)",
  major: "Major development",
  eia: "EIA development (with an environmental statement)",
};

/** The most compliance steps one enforcement notice's form takes (s.173(9): a period per step). */
export const MAX_COMPLIANCE_STEPS = 10;

/** The fields that only some kinds of record use. */
export type PlanningField =
  | "reference"
  | "certificateType"
  | "receivedOn"
  | "validatedOn"
  | "issuedOn"
  | "servedOn"
  | "displayedOn"
  | "effectiveOn"
  | "lodgedOn"
  | "startedOn"
  | "decision"
  | "decidedOn"
  | "withdrawnOn"
  | "applicationCategory"
  | "extendedTo"
  | "enforcementNoticeId"
  | "specialReasons"
  | "stepsRequired"
  | "compliancePeriod"
  | "complianceSteps"
  | "statedPeriod";

/** The fields each kind of record uses, in the order the form shows them. */
export const KIND_FIELDS: Record<PlanningRecordKind, PlanningField[]> = {
  planning_application: [
    "reference",
    "applicationCategory",
    "receivedOn",
    "validatedOn",
    "extendedTo",
    "decision",
    "decidedOn",
    "withdrawnOn",
  ],
  lawful_development_certificate: [
    "reference",
    "certificateType",
    "receivedOn",
    "validatedOn",
    "extendedTo",
    "decision",
    "decidedOn",
    "withdrawnOn",
  ],
  planning_contravention_notice: ["reference", "servedOn"],
  enforcement_notice: ["reference", "issuedOn", "servedOn", "effectiveOn", "complianceSteps", "withdrawnOn"],
  stop_notice: ["reference", "enforcementNoticeId", "servedOn", "effectiveOn", "specialReasons", "withdrawnOn"],
  temporary_stop_notice: ["reference", "issuedOn", "displayedOn", "statedPeriod", "withdrawnOn"],
  breach_of_condition_notice: ["reference", "servedOn", "stepsRequired", "compliancePeriod"],
  enforcement_appeal: [
    "reference",
    "enforcementNoticeId",
    "lodgedOn",
    "startedOn",
    "decision",
    "decidedOn",
    "withdrawnOn",
  ],
  planning_appeal: ["reference", "lodgedOn", "startedOn", "decision", "decidedOn"],
  enforcement_warning_notice: ["reference", "issuedOn", "servedOn", "statedPeriod", "withdrawnOn"],
};

/** The decisions each kind can have. */
export const KIND_DECISIONS: Partial<Record<PlanningRecordKind, PlanningDecision[]>> = {
  planning_application: ["granted", "refused"],
  lawful_development_certificate: ["certificate_granted", "certificate_refused"],
  enforcement_appeal: ["allowed", "dismissed", "varied", "split", "withdrawn"],
  planning_appeal: ["allowed", "dismissed", "split", "withdrawn"],
};

/**
 * A record's dates that say when something happened: each is as precise as its source (a
 * `<name>Precision` beside it; app/lib/partial-date.ts, README Decision 47), and only a day-precise
 * one starts a statutory clock.
 */
export const PAST_DATE_FIELDS = [
  "receivedOn",
  "validatedOn",
  "issuedOn",
  "servedOn",
  "displayedOn",
  "effectiveOn",
  "lodgedOn",
  "startedOn",
  "decidedOn",
  "withdrawnOn",
] as const;
export type PastDateField = (typeof PAST_DATE_FIELDS)[number];

/** A record's dates: GOV.UK date inputs in the form, ISO dates once stored. */
export const DATE_FIELDS = [...PAST_DATE_FIELDS, "extendedTo", "otherDeadlineOn"] as const;

/** What each past date is called in a sentence ("the date served is known only to the month"). */
export const PAST_DATE_NAMES: Record<PastDateField, string> = {
  receivedOn: "the date received",
  validatedOn: "the date validated",
  issuedOn: "the date issued",
  servedOn: "the date served",
  displayedOn: "the date first displayed on site",
  effectiveOn: "the date it takes effect",
  lodgedOn: "the date the appeal was lodged",
  startedOn: "the appeal start date",
  decidedOn: "the decision date",
  withdrawnOn: "the date withdrawn",
};
