// The fixed lists a site is described with, shared by the schema, the forms and the pages.
export const siteStatuses = ["proposed", "in_use", "ceased", "unknown"] as const;
export type SiteStatus = (typeof siteStatuses)[number];
export const SITE_STATUS_LABELS: Record<SiteStatus, string> = {
  proposed: "Proposed",
  in_use: "In use as asylum accommodation",
  ceased: "Use ceased",
  unknown: "Unknown",
};

export const contractors = ["clearsprings_ready_homes", "mears", "serco", "other", "unknown"] as const;
export type Contractor = (typeof contractors)[number];
export const CONTRACTOR_LABELS: Record<Contractor, string> = {
  clearsprings_ready_homes: "Clearsprings Ready Homes",
  mears: "Mears",
  serco: "Serco",
  other: "Another contractor",
  unknown: "Not known",
};

export const useClasses = ["c1_hotel", "c2", "c3", "sui_generis_hostel", "other"] as const;
export type UseClass = (typeof useClasses)[number];
export const USE_CLASS_LABELS: Record<UseClass, string> = {
  c1_hotel: "C1 hotel",
  c2: "C2 residential institution",
  c3: "C3 dwelling house",
  sui_generis_hostel: "Sui generis hostel",
  other: "Other",
};
