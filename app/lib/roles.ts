// The roles a council member can hold, and the kinds of council; shared by the schema and forms.
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
