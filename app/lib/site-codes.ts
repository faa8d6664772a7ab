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

/**
 * How accurate a site's recorded point is, as its source allows: a fact about the record, the same
 * for everyone who sees it. (What an audience may be shown of the point is another matter: see
 * `LocationDisclosure` in site-features.ts.)
 */
export const locationAccuracies = ["address", "postcode", "town", "approximate"] as const;
export type LocationAccuracy = (typeof locationAccuracies)[number];
export const LOCATION_ACCURACY_LABELS: Record<LocationAccuracy, string> = {
  address: "From the address or surveyed",
  postcode: "The postcode's centre",
  town: "The town's centre",
  approximate: "Approximate",
};

/** The site form's choice for a site with no point (stored as no accuracy). */
export const NO_POSITION = "none";
export const NO_POSITION_LABEL = "No position recorded";

/** The accuracy within a sentence: "the town's centre". */
export function locationAccuracyPhrase(accuracy: LocationAccuracy): string {
  const label = LOCATION_ACCURACY_LABELS[accuracy];
  return `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

/** "Position: the town's centre" (map popups). */
export function positionAccuracyText(accuracy: LocationAccuracy): string {
  return `Position: ${locationAccuracyPhrase(accuracy)}`;
}
