// The fixed lists the timeline, documents and deadlines are described with, in words.

/** What a timeline event is about; the filter on a timeline offers these. */
export const timelineKinds = [
  "site",
  "use",
  "planning",
  "complaint",
  "case",
  "proceeding",
  "hearing",
  "order",
  "document",
  "meeting",
  "protest",
  "correspondence",
  "other",
] as const;
export type TimelineKind = (typeof timelineKinds)[number];
export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  site: "Site",
  use: "Use of the site",
  planning: "Planning and enforcement",
  complaint: "Complaint",
  case: "Legal case",
  proceeding: "Court proceeding",
  hearing: "Hearing",
  order: "Court order",
  document: "Document",
  meeting: "Council meeting",
  protest: "Protest or disorder",
  correspondence: "Correspondence",
  other: "Other event",
};

/** The kinds an officer can add by hand; the rest are written when records change. */
export const manualTimelineKinds = ["meeting", "protest", "correspondence", "other"] as const;
export type ManualTimelineKind = (typeof manualTimelineKinds)[number];

export const visibilities = ["internal", "public"] as const;
export type Visibility = (typeof visibilities)[number];
export const VISIBILITY_LABELS: Record<Visibility, string> = {
  internal: "Internal: council staff only",
  public: "Public: may appear on the council's published pages",
};

/** The records a document can be attached to. */
export const documentParents = ["legal_case", "proceeding", "site", "planning_record", "complaint"] as const;
export type DocumentParent = (typeof documentParents)[number];

/** What a stored document is, as the officer describes it. */
export const documentKinds = [
  "judgment",
  "order",
  "notice",
  "witness_statement",
  "photograph",
  "correspondence",
  "report",
  "other",
] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  judgment: "Judgment",
  order: "Court order",
  notice: "Notice",
  witness_statement: "Witness statement",
  photograph: "Photograph",
  correspondence: "Correspondence",
  report: "Report",
  other: "Other",
};

/** Records whose deadlines can be marked done (a court clock's: a proceeding's time limit its legal team confirmed). */
export const deadlineSources = ["planning_record", "court_order", "hearing", "court_clock"] as const;
export type DeadlineSource = (typeof deadlineSources)[number];
