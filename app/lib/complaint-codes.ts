// The fixed lists a complaint is described with, in words. Free of zod: pages use these in the
// browser, and the form schemas (schemas/complaint.ts) import them from here.
export const complaintChannels = ["email", "phone", "web_form", "councillor", "mp", "police", "other"] as const;
export type ComplaintChannel = (typeof complaintChannels)[number];
export const COMPLAINT_CHANNEL_LABELS: Record<ComplaintChannel, string> = {
  email: "Email",
  phone: "Phone",
  web_form: "Web form",
  councillor: "Councillor",
  mp: "MP",
  police: "Police",
  other: "Other",
};

export const complaintCategories = ["planning_breach", "noise", "anti_social_behaviour", "safety", "other"] as const;
export type ComplaintCategory = (typeof complaintCategories)[number];
export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  planning_breach: "Planning breach",
  noise: "Noise",
  anti_social_behaviour: "Anti-social behaviour",
  safety: "Safety",
  other: "Other",
};

export const complaintStatuses = [
  "new",
  "under_review",
  "linked_to_enforcement",
  "no_further_action",
  "closed",
] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  new: "New",
  under_review: "Under review",
  linked_to_enforcement: "Linked to enforcement",
  no_further_action: "No further action",
  closed: "Closed",
};

/** The statuses an officer can choose; "linked to enforcement" is set by linking a record. */
export const chosenStatuses = ["new", "under_review", "no_further_action", "closed"] as const;
/** The statuses that close a complaint: it counts no working days and is not in the "open" filter. */
export const CLOSING_STATUSES: readonly ComplaintStatus[] = ["no_further_action", "closed"];

export const closeReasons = [
  "duplicate",
  "not_a_planning_matter",
  "permission_not_required",
  "permission_previously_granted",
  "other",
] as const;
export type CloseReason = (typeof closeReasons)[number];
export const CLOSE_REASON_LABELS: Record<CloseReason, string> = {
  duplicate: "Duplicate of another complaint",
  not_a_planning_matter: "Not a planning matter",
  permission_not_required: "Planning permission not required",
  permission_previously_granted: "Planning permission previously granted",
  other: "Other",
};
