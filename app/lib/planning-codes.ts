// The kinds of planning and enforcement record, their statuses and decisions, in words.
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
