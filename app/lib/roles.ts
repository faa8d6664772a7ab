// The roles a council member can hold, the kinds of council and the nation a council is in; shared by
// the schema and forms.
export const roles = ["council_admin", "officer", "legal", "viewer"] as const;
export type Role = (typeof roles)[number];

export const councilTypes = [
  "district",
  "unitary",
  "metropolitan_borough",
  "london_borough",
  "county",
  "welsh_principal_area",
] as const;
export type CouncilType = (typeof councilTypes)[number];

/**
 * The nation whose planning law a council applies: the statutory clocks differ (a Welsh temporary
 * stop notice lasts 28 days, an English one issued from 25 April 2024 lasts 56). A field of its own,
 * not read from the GSS code, which some councils do not have on record.
 */
export const nations = ["england", "wales"] as const;
export type Nation = (typeof nations)[number];
export const NATION_LABELS: Record<Nation, string> = { england: "England", wales: "Wales" };
