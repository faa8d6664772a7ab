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
  "membership.created": "Member added",
  "membership.role_changed": "Member's role changed",
  "membership.removed": "Member removed",
  "sign_in.succeeded": "Signed in",
  "sign_in.failed": "Sign-in failed",
  "sign_in.throttled": "Sign-in refused: too many attempts",
  sign_out: "Signed out",
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

const ENTITY_LABELS: Record<string, string> = {
  council: "Council",
  membership: "Membership",
  user: "User",
};

export function entityLabel(entityType: string): string {
  return ENTITY_LABELS[entityType] ?? entityType;
}
