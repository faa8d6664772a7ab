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
];

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
  | "stepsRequired"
  | "compliancePeriod"
  | "appealed";

/** The fields each kind of record uses, in the order the form shows them. */
export const KIND_FIELDS: Record<PlanningRecordKind, PlanningField[]> = {
  planning_application: ["reference", "receivedOn", "validatedOn", "decision", "decidedOn", "withdrawnOn"],
  lawful_development_certificate: [
    "reference",
    "certificateType",
    "receivedOn",
    "validatedOn",
    "decision",
    "decidedOn",
    "withdrawnOn",
  ],
  planning_contravention_notice: ["reference", "servedOn"],
  enforcement_notice: [
    "reference",
    "issuedOn",
    "servedOn",
    "effectiveOn",
    "stepsRequired",
    "compliancePeriod",
    "appealed",
  ],
  stop_notice: ["reference", "servedOn", "effectiveOn"],
  temporary_stop_notice: ["reference", "displayedOn"],
  breach_of_condition_notice: ["reference", "servedOn", "stepsRequired", "compliancePeriod"],
  enforcement_appeal: ["reference", "lodgedOn", "startedOn", "decision", "decidedOn"],
  planning_appeal: ["reference", "lodgedOn", "startedOn", "decision", "decidedOn"],
};

/** The decisions each kind can have. */
export const KIND_DECISIONS: Partial<Record<PlanningRecordKind, PlanningDecision[]>> = {
  planning_application: ["granted", "refused"],
  lawful_development_certificate: ["certificate_granted", "certificate_refused"],
  enforcement_appeal: ["allowed", "dismissed", "split", "withdrawn"],
  planning_appeal: ["allowed", "dismissed", "split", "withdrawn"],
};

/** A record's dates: GOV.UK date inputs in the form, ISO dates once stored. */
export const DATE_FIELDS = [
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
  "otherDeadlineOn",
] as const;
