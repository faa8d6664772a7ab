// The fixed lists a legal case and its court proceedings are described with, in words.
export const legalBases = [
  "s187b_injunction",
  "s222_lga_1972",
  "judicial_review",
  "s288_challenge",
  "enforcement_appeal",
  "other",
] as const;
export type LegalBasis = (typeof legalBases)[number];
export const LEGAL_BASIS_LABELS: Record<LegalBasis, string> = {
  s187b_injunction: "Injunction under s.187B Town and Country Planning Act 1990",
  s222_lga_1972: "Proceedings under s.222 Local Government Act 1972",
  judicial_review: "Judicial review",
  s288_challenge: "Statutory challenge under s.288 Town and Country Planning Act 1990",
  enforcement_appeal: "Enforcement appeal",
  other: "Other",
};

export const caseStatuses = [
  "under_consideration",
  "pre_action",
  "issued",
  "interim_relief_in_force",
  "awaiting_trial",
  "on_appeal",
  "concluded",
] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  under_consideration: "Under consideration",
  pre_action: "Pre-action",
  issued: "Issued",
  interim_relief_in_force: "Interim relief in force",
  awaiting_trial: "Awaiting trial",
  on_appeal: "On appeal",
  concluded: "Concluded",
};

export const courts = [
  "county_court",
  "high_court_kb",
  "planning_court",
  "administrative_court",
  "court_of_appeal_civil",
  "supreme_court",
  "other",
] as const;
export type Court = (typeof courts)[number];
export const COURT_LABELS: Record<Court, string> = {
  county_court: "County Court",
  high_court_kb: "High Court, King's Bench Division",
  planning_court: "Planning Court",
  administrative_court: "Administrative Court",
  court_of_appeal_civil: "Court of Appeal, Civil Division",
  supreme_court: "Supreme Court",
  other: "Other court or tribunal",
};

export const proceedingKinds = [
  "interim_injunction_application",
  "without_notice_application",
  "return_date",
  "trial_final_injunction",
  "permission_to_appeal",
  "appeal",
  "judicial_review",
] as const;
export type ProceedingKind = (typeof proceedingKinds)[number];
export const PROCEEDING_KIND_LABELS: Record<ProceedingKind, string> = {
  interim_injunction_application: "Application for an interim injunction",
  without_notice_application: "Without-notice application",
  return_date: "Return date hearing",
  trial_final_injunction: "Trial (final injunction)",
  permission_to_appeal: "Application for permission to appeal",
  appeal: "Appeal",
  judicial_review: "Judicial review",
};

/**
 * The kinds of relief a proceeding can seek; a proceeding may seek several, each with its own
 * outcome (proceeding_reliefs; Epping's interim hearing: an interim injunction granted and an
 * interim declaration refused).
 */
export const reliefKinds = [
  "interim_injunction",
  "final_injunction",
  "interim_declaration",
  "declaration",
  "other",
] as const;
export type ReliefKind = (typeof reliefKinds)[number];
export const RELIEF_LABELS: Record<ReliefKind, string> = {
  interim_injunction: "Interim injunction",
  final_injunction: "Final injunction",
  interim_declaration: "Interim declaration",
  declaration: "Declaration",
  other: "Other",
};

export const outcomes = [
  "granted",
  "refused",
  "continued",
  "not_continued",
  "dismissed",
  "allowed",
  "set_aside",
  "struck_out",
  "withdrawn",
  "adjourned",
  "permission_granted",
  "permission_refused",
] as const;
export type Outcome = (typeof outcomes)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  granted: "Granted",
  refused: "Refused",
  continued: "Continued",
  not_continued: "Not continued",
  dismissed: "Dismissed",
  allowed: "Allowed",
  set_aside: "Set aside",
  struck_out: "Struck out",
  withdrawn: "Withdrawn",
  adjourned: "Adjourned",
  permission_granted: "Permission granted",
  permission_refused: "Permission refused",
};

/**
 * What became of one relief sought: the proceeding's outcomes that can be said of a relief (an
 * injunction continued or not continued at a return date). No outcome recorded means not decided
 * yet, as for a proceeding.
 */
export const reliefOutcomes = [
  "granted",
  "refused",
  "continued",
  "not_continued",
  "withdrawn",
] as const satisfies readonly Outcome[];
export type ReliefOutcome = (typeof reliefOutcomes)[number];

/** A relief and what became of it, in words: "Final injunction: refused", "Declaration: not decided yet". */
export function reliefWords(relief: { kind: ReliefKind; outcome: Outcome | null }): string {
  return `${RELIEF_LABELS[relief.kind]}: ${relief.outcome ? OUTCOME_LABELS[relief.outcome].toLowerCase() : "not decided yet"}`;
}

export const proceedingRelations = ["appeal_from", "permission_application_about"] as const;
export type ProceedingRelation = (typeof proceedingRelations)[number];
export const RELATION_LABELS: Record<ProceedingRelation, string> = {
  appeal_from: "Appeal from",
  permission_application_about: "Application for permission to appeal from",
};

/**
 * A party's role in one proceeding. "Applied to be joined: refused" is someone who asked to be made a
 * party (or to intervene) and was refused, as the Home Secretary was before Eyre J on 19 August 2025:
 * not a party, but part of the record of that proceeding.
 */
export const partyRoles = [
  "claimant",
  "defendant",
  "appellant",
  "respondent",
  "intervener",
  "interested_party",
  "joinder_refused",
] as const;
export type PartyRole = (typeof partyRoles)[number];
export const PARTY_ROLE_LABELS: Record<PartyRole, string> = {
  claimant: "Claimant",
  defendant: "Defendant",
  appellant: "Appellant",
  respondent: "Respondent",
  intervener: "Intervener",
  interested_party: "Interested party",
  joinder_refused: "Applied to be joined: refused",
};

/**
 * What a party's date means: the day its role began ("From"), or, for an application refused, the
 * day the court decided it ("Decided on").
 */
export const PARTY_ROLE_DATE_LABELS: Record<PartyRole, "From" | "Decided on"> = {
  claimant: "From",
  defendant: "From",
  appellant: "From",
  respondent: "From",
  intervener: "From",
  interested_party: "From",
  joinder_refused: "Decided on",
};

export const partyKinds = [
  "council",
  "hotel_owner",
  "operator_or_contractor",
  "home_secretary",
  "resident",
  "other",
] as const;
export type PartyKind = (typeof partyKinds)[number];
export const PARTY_KIND_LABELS: Record<PartyKind, string> = {
  council: "Council",
  hotel_owner: "Hotel owner",
  operator_or_contractor: "Operator or contractor",
  home_secretary: "Home Secretary",
  resident: "Resident",
  other: "Other",
};

/**
 * What the court found on a factor it weighed (README, Decision 48): for the council, against it,
 * not present (e.g. "the breach was not flagrant"), noted without weight, or not stated by the
 * source. A factor is never recorded as found when the source does not say so.
 */
export const findingDirections = ["for_council", "against_council", "not_present", "noted", "not_stated"] as const;
export type FindingDirection = (typeof findingDirections)[number];
export const FINDING_DIRECTION_LABELS: Record<FindingDirection, string> = {
  for_council: "Weighed for the council",
  against_council: "Weighed against the council",
  not_present: "Found not present",
  noted: "Noted, without weight either way",
  not_stated: "Not stated in the source",
};

/**
 * Where a court order stands. Only an order in force or varied has a live deadline: a stayed order
 * is not live while the stay lasts, and a set-aside, discharged, expired or complied-with order is
 * not live at all (app/lib/order-status.ts says which, in words).
 */
export const orderStatuses = [
  "in_force",
  "varied",
  "stayed",
  "set_aside",
  "discharged",
  "complied_with",
  "expired",
] as const;
export type OrderStatus = (typeof orderStatuses)[number];
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  in_force: "In force",
  varied: "Varied",
  stayed: "Stayed",
  set_aside: "Set aside",
  discharged: "Discharged",
  complied_with: "Complied with",
  expired: "Expired",
};
/** What happened to the order, after "the order": "was set aside", "expired". */
export const ORDER_STATUS_CHANGES: Record<OrderStatus, string> = {
  in_force: "came back into force",
  varied: "was varied",
  stayed: "was stayed",
  set_aside: "was set aside",
  discharged: "was discharged",
  complied_with: "was complied with",
  expired: "expired",
};

/** Suggested factors the court weighed; officers may add their own. */
export const SUGGESTED_FACTORS = [
  "development plan policy",
  "harm evidence",
  "flagrant breach",
  "conventional enforcement tried first",
  "delay",
  "Home Secretary's duty to accommodate",
  "protests and disorder",
  "status quo",
  "system-wide accommodation capacity",
  "Crown land",
] as const;

/** How a proceeding is named in lists and choices: "Court of Appeal, Civil Division: Appeal, [2025] EWCA Civ 1134". */
export function proceedingName(proceeding: {
  court: Court;
  kind: ProceedingKind;
  neutralCitation: string | null;
}): string {
  return `${COURT_LABELS[proceeding.court]}: ${PROCEEDING_KIND_LABELS[proceeding.kind]}${
    proceeding.neutralCitation ? `, ${proceeding.neutralCitation}` : ""
  }`;
}
