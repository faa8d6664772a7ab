// Words shown to people for the codes stored in the database.
export const COUNCIL_TYPE_LABELS = {
  district: "District council",
  unitary: "Unitary authority",
  metropolitan_borough: "Metropolitan borough",
  london_borough: "London borough",
  county: "County council",
  welsh_principal_area: "Welsh principal area",
} as const;

export const ROLE_NAMES = {
  council_admin: "Council admin",
  officer: "Officer",
  legal: "Legal",
  viewer: "Viewer",
} as const;

export const ROLE_DESCRIPTIONS = {
  council_admin: "manage members and what the council publishes, and do everything an officer does",
  officer: "record sites, planning and enforcement, and complaints",
  legal: "record legal cases and court proceedings",
  viewer: "read the council's records",
} as const;

const ACTION_LABELS: Record<string, string> = {
  "council.created": "Council created",
  "council_boundary.set": "Council boundary uploaded",
  "council_boundary.removed": "Council boundary removed",
  "membership.created": "Member added",
  "membership.role_changed": "Member's role changed",
  "membership.removed": "Member removed",
  "sign_in.succeeded": "Signed in",
  "sign_in.failed": "Sign-in failed",
  "sign_in.throttled": "Sign-in refused: too many attempts",
  sign_out: "Signed out",
  "site.created": "Site added",
  "site.updated": "Site changed",
  "site.archived": "Site archived",
  "site.restored": "Site restored",
  "use_period.created": "Period of use added",
  "use_period.updated": "Period of use changed",
  "use_period.deleted": "Period of use deleted",
  "planning_record.created": "Planning or enforcement record added",
  "planning_record.updated": "Planning or enforcement record changed",
  "planning_record.deleted": "Planning or enforcement record deleted",
  "complaint.created": "Complaint logged",
  "complaint.updated": "Complaint changed",
  "complaint.status_changed": "Complaint status changed",
  "complaint.closed": "Complaint closed",
  "complaint.linked": "Complaint linked to enforcement",
  "complaint.marked_duplicate": "Complaint marked as a duplicate",
  "complaint.deleted": "Complaint deleted",
  "legal_case.created": "Legal case opened",
  "legal_case.updated": "Legal case changed",
  "proceeding.created": "Proceeding added",
  "proceeding.updated": "Proceeding changed",
  "party.added": "Party added to a proceeding",
  "party.removed": "Party removed from a proceeding",
  "hearing.added": "Hearing added",
  "hearing.removed": "Hearing removed",
  "order.added": "Court order added",
  "order.removed": "Court order removed",
  "order.status_changed": "Court order's status changed",
  "privileged_note.updated": "Privileged notes changed",
  "document.uploaded": "Document uploaded",
  "document.flags_changed": "Document's flags changed",
  "timeline_event.created": "Timeline event added",
  "timeline_event.updated": "Timeline event changed",
  "timeline_event.deleted": "Timeline event deleted",
  "timeline_event.visibility_changed": "Timeline event's visibility changed",
  "deadline.done": "Deadline marked done",
  "deadline.reopened": "Deadline reopened",
  "calendar_feed.created": "Calendar feed address created",
  "calendar_feed.regenerated": "Calendar feed address regenerated",
  "chronology.exported": "Chronology exported",
  "complainant_contact.created": "Complainant's contact details recorded",
  "complainant_contact.updated": "Complainant's contact details changed",
  "complainant_contact.deleted": "Complainant's contact details removed",
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

const ENTITY_LABELS: Record<string, string> = {
  council: "Council",
  council_boundary: "Council boundary",
  membership: "Membership",
  user: "User",
  site: "Site",
  use_period: "Period of use",
  planning_record: "Planning or enforcement record",
  complaint: "Complaint",
  complainant_contact: "Complainant's contact details",
  legal_case: "Legal case",
  proceeding: "Proceeding",
  proceeding_party: "Party to a proceeding",
  hearing: "Hearing",
  order: "Court order",
  privileged_note: "Privileged notes",
  document: "Document",
  timeline_event: "Timeline event",
  deadline: "Deadline",
  calendar_feed: "Calendar feed",
  chronology: "Chronology",
};

export function entityLabel(entityType: string): string {
  return ENTITY_LABELS[entityType] ?? entityType;
}
