// What a document can be attached to, the files the service accepts, and the addresses of the
// upload, download and flags pages: shared by the routes, the document list and the server.
import { isUuid } from "./ids";

/** The record a document is attached to, as the routes know it: by references the user sees. */
export type DocumentParentRef =
  | { type: "legal_case"; caseReference: string }
  | { type: "proceeding"; caseReference: string; proceedingId: string }
  | { type: "site"; siteReference: string }
  | { type: "planning_record"; siteReference: string; planningRecordId: string }
  | { type: "complaint"; complaintReference: string };

/** 25 MB, counted in binary megabytes (26,214,400 bytes), as file managers count them. */
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

/**
 * The file types accepted, by the type detected from the file's bytes (never its name or the
 * browser's word). Plain text is not accepted: it has no signature, so "text" would also let
 * through HTML, SVG or script renamed to look harmless.
 */
export const ACCEPTED_DOCUMENT_TYPES: Readonly<Record<string, { extensions: readonly string[]; inline: boolean }>> = {
  "application/pdf": { extensions: ["pdf"], inline: true },
  "image/jpeg": { extensions: ["jpg", "jpeg"], inline: true },
  "image/png": { extensions: ["png"], inline: true },
  "image/webp": { extensions: ["webp"], inline: true },
  // Most browsers cannot show HEIC or TIFF, so these are downloaded rather than opened.
  "image/heic": { extensions: ["heic", "heif"], inline: false },
  "image/heif": { extensions: ["heif", "heic"], inline: false },
  "image/tiff": { extensions: ["tif", "tiff"], inline: false },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { extensions: ["docx"], inline: false },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { extensions: ["xlsx"], inline: false },
  "application/vnd.oasis.opendocument.text": { extensions: ["odt"], inline: false },
};

/** The `accept` attribute of the file input: a hint to the browser's file picker only. */
export const DOCUMENT_ACCEPT_ATTRIBUTE = [
  ".pdf",
  ".docx",
  ".xlsx",
  ".odt",
  ".jpg",
  ".jpeg",
  ".png",
  ".webp",
  ".heic",
  ".heif",
  ".tif",
  ".tiff",
].join(",");

export const DOCUMENT_FILE_HINT =
  "A PDF, Word, Excel or OpenDocument text file, or a JPEG, PNG, WebP, HEIC or TIFF image, up to 25 MB";

export const DOCUMENT_FILE_MESSAGES = {
  missing: "Select a file to upload",
  empty: "The selected file is empty",
  tooLarge: "The selected file must be smaller than 25 MB",
  wrongType:
    "The selected file must be a PDF, a Word, Excel or OpenDocument text file, or a JPEG, PNG, WebP, HEIC or TIFF image",
  implausible:
    "The file could not be checked: it is a compressed file that expands to an implausible size. Save it again from Word or Excel and upload that copy.",
} as const;

export const PRIVILEGED_NOT_PUBLISHABLE =
  "A legally privileged document cannot be published. Untick 'Legally privileged' or 'May be published'";

export function isInlineType(contentType: string): boolean {
  return ACCEPTED_DOCUMENT_TYPES[contentType]?.inline ?? false;
}

const REFERENCE = /^[A-Za-z0-9-]{1,40}$/;

/**
 * The parent named by the upload page's query string: ?case=…, ?case=…&proceeding=…, ?site=…,
 * ?site=…&record=…, ?complaint=…. Anything else (two parents, a malformed value) is undefined.
 */
export function parentFromSearch(search: URLSearchParams): DocumentParentRef | undefined {
  const value = (name: string) => search.get(name)?.trim() || undefined;
  const caseReference = value("case");
  const proceedingId = value("proceeding");
  const siteReference = value("site");
  const planningRecordId = value("record");
  const complaintReference = value("complaint");
  const given = [caseReference, siteReference, complaintReference].filter(Boolean).length;
  if (given !== 1) return undefined;
  if (caseReference) {
    if (!REFERENCE.test(caseReference) || planningRecordId) return undefined;
    if (proceedingId === undefined) return { type: "legal_case", caseReference };
    return isUuid(proceedingId) ? { type: "proceeding", caseReference, proceedingId } : undefined;
  }
  if (siteReference) {
    if (!REFERENCE.test(siteReference) || proceedingId) return undefined;
    if (planningRecordId === undefined) return { type: "site", siteReference };
    return isUuid(planningRecordId) ? { type: "planning_record", siteReference, planningRecordId } : undefined;
  }
  if (complaintReference && REFERENCE.test(complaintReference) && !proceedingId && !planningRecordId) {
    return { type: "complaint", complaintReference };
  }
  return undefined;
}

function parentQuery(parent: DocumentParentRef): URLSearchParams {
  switch (parent.type) {
    case "legal_case":
      return new URLSearchParams({ case: parent.caseReference });
    case "proceeding":
      return new URLSearchParams({ case: parent.caseReference, proceeding: parent.proceedingId });
    case "site":
      return new URLSearchParams({ site: parent.siteReference });
    case "planning_record":
      return new URLSearchParams({ site: parent.siteReference, record: parent.planningRecordId });
    case "complaint":
      return new URLSearchParams({ complaint: parent.complaintReference });
  }
}

/** The upload page for a parent: /c/<council>/documents/new?case=EF-L-0001. */
export function documentUploadHref(slug: string, parent: DocumentParentRef): string {
  return `/c/${slug}/documents/new?${parentQuery(parent)}`;
}

/** The page of the record a document is attached to, relative to the council's address. */
export function documentParentPath(parent: DocumentParentRef): string {
  switch (parent.type) {
    case "legal_case":
      return `cases/${parent.caseReference}`;
    case "proceeding":
      return `cases/${parent.caseReference}/proceedings/${parent.proceedingId}`;
    case "site":
      return `sites/${parent.siteReference}`;
    case "planning_record":
      return `sites/${parent.siteReference}/records/${parent.planningRecordId}`;
    case "complaint":
      return `complaints/${parent.complaintReference}`;
  }
}

/** The page of the record a document is attached to. */
export function documentParentHref(slug: string, parent: DocumentParentRef): string {
  return `/c/${slug}/${documentParentPath(parent)}`;
}

/** Where a document is downloaded (or, for a PDF or an image, opened). */
export function documentHref(slug: string, documentId: string): string {
  return `/c/${slug}/documents/${documentId}`;
}

/** The page that changes a document's privileged and publishable flags. */
export function documentFlagsHref(slug: string, documentId: string): string {
  return `/c/${slug}/documents/${documentId}/flags`;
}

/** The ?done= values the upload and flags pages redirect with, and the banner text for each. */
export const DOCUMENT_DONE_MESSAGES = {
  "document-uploaded": "The document has been uploaded.",
  "document-flags-changed": "The document's flags have been changed.",
} as const;

/** "2.4 MB", "310 KB", "900 bytes": sizes in binary units, as the 25 MB limit is counted. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const megabytes = bytes / (1024 * 1024);
  return `${megabytes < 10 ? megabytes.toFixed(1) : Math.round(megabytes)} MB`;
}
