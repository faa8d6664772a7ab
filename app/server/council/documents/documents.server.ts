// Documents attached to a legal case, a proceeding, a site, a planning record or a complaint:
// upload (type checked from the bytes, size limited, SHA-256 recorded, bytes kept in file
// storage), list, download, and the privileged and publishable flags. Privileged documents reach
// only the council's legal team, officers and council admins; viewers never see them. What differs
// by kind of parent (finding it in the council, the permission to attach to it, which documents are
// its own) is in parents/, one adapter per kind.
//
// README, Decision 27: Uploads are checked with file-type against a short list (PDF, Word, Excel,
// ODT, JPEG, PNG, WebP, HEIC, TIFF); plain text is refused because it cannot be told apart from
// HTML. The limit is 25 MB (26,214,400 bytes), with a message and nothing stored. The SHA-256 is
// recorded and checked on every download. Files are written to a temporary name and renamed; a
// failed database write removes the file. Downloads are for members of the council only (404
// otherwise), with nosniff, `private, no-store`, `Content-Security-Policy: sandbox`, and open in
// the browser only for PDFs and common images. The legal team uploads to cases and proceedings;
// officers and council admins to sites, planning records and complaints. A document cannot be both
// privileged and publishable (form, code and a database check). storage.server.ts is an interface
// with one disk implementation, so an S3-compatible store can replace it; until then several app
// servers need a shared volume for DATA_DIR/files. Zip-based files (Word, Excel, ODT) never reach
// file-type: zip-inspection.server.ts reads their type.
import { createHash, randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { todayInLondon } from "~/lib/dates";
import {
  ACCEPTED_DOCUMENT_TYPES,
  DOCUMENT_FILE_MESSAGES,
  type DocumentParentRef,
  documentParentPath,
  isInlineType,
  MAX_DOCUMENT_BYTES,
  PRIVILEGED_NOT_PUBLISHABLE,
} from "~/lib/documents";
import { isUuid } from "~/lib/ids";
import type { DocumentFlagsInput, DocumentInput } from "~/lib/schemas/document";
import { DOCUMENT_KIND_LABELS, type DocumentParent } from "~/lib/timeline-codes";
import type { Transaction } from "~db/client";
import { documents, type StoredDocument, users } from "~db/schema";
import { can, NotPermitted, type Permission, whoMay } from "../../access/permissions.server";
import { FieldRefused } from "../../access/refusals.server";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";
import { syncTimeline, type TimelineSubject } from "../timeline/timeline.server";
import { parentAdapter, parentOfDocument, type ResolvedParent, resolveParent } from "./parents/index.server";
import { getStorage } from "./storage.server";
import { inspectZip, isZip } from "./zip-inspection.server";

/** A file as the upload form received it (see readMultipartForm). */
export interface DocumentFile {
  name: string;
  /** Null when the file was over the size limit (its bytes were not kept). */
  bytes: Uint8Array | null;
  size: number;
}

/**
 * What attaching a document to a record, or changing its flags, asks of the member, as the kind
 * of record's adapter names it: the legal team's permissions for cases and proceedings (they
 * write cases), the officers' for the rest.
 */
export function documentPermission(parentType: DocumentParent, action: "upload" | "flag"): Permission {
  return parentAdapter(parentType).permissions[action];
}

/** The refusal for a member whose role may not attach documents to this kind of record, or change their flags. */
export function cannotManageDocuments(parentType: DocumentParent, action: "upload" | "flag"): NotPermitted {
  const permission = documentPermission(parentType, action);
  return new NotPermitted(permission, `You need the ${whoMay(permission)} role to add or change documents here.`);
}

/** The routes refuse first (403); this is the domain's own check. */
function assertMay(scope: TenantScope, parentType: DocumentParent, action: "upload" | "flag") {
  if (!can(scope.role, documentPermission(parentType, action))) {
    throw cannotManageDocuments(parentType, action);
  }
}

/** What the file is, from its bytes; a message in plain English when it will not be accepted. */
export async function inspectDocumentFile(
  file: DocumentFile | null,
): Promise<{ ok: true; contentType: string; bytes: Uint8Array } | { ok: false; message: string }> {
  if (!file) return { ok: false, message: DOCUMENT_FILE_MESSAGES.missing };
  if (file.bytes === null || file.size > MAX_DOCUMENT_BYTES || file.bytes.byteLength > MAX_DOCUMENT_BYTES) {
    return { ok: false, message: DOCUMENT_FILE_MESSAGES.tooLarge };
  }
  if (file.bytes.byteLength === 0) return { ok: false, message: DOCUMENT_FILE_MESSAGES.empty };
  // file-type inflates zip entries whole, so zips (Word, Excel, ODT) are read with bounds instead.
  if (isZip(file.bytes)) {
    const zip = inspectZip(file.bytes);
    if (zip.outcome === "implausible") return { ok: false, message: DOCUMENT_FILE_MESSAGES.implausible };
    if (zip.outcome === "other") return { ok: false, message: DOCUMENT_FILE_MESSAGES.wrongType };
    return { ok: true, contentType: zip.contentType, bytes: file.bytes };
  }
  const detected = await fileTypeFromBuffer(file.bytes);
  if (!detected || !(detected.mime in ACCEPTED_DOCUMENT_TYPES)) {
    return { ok: false, message: DOCUMENT_FILE_MESSAGES.wrongType };
  }
  return { ok: true, contentType: detected.mime, bytes: file.bytes };
}

/** Control characters, invisible and direction-changing marks (they can disguise a name's real ending), folders. */
function isSafeNameCharacter(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  const unsafe =
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    character === "/" ||
    character === "\\";
  return !unsafe;
}

/**
 * The browser's name for the file, tidied: no folders, control or direction-changing characters,
 * at most 150 characters before an extension that matches what the bytes are.
 */
export function cleanFileName(original: string, contentType: string): string {
  const extensions = ACCEPTED_DOCUMENT_TYPES[contentType]?.extensions ?? [];
  const name = [...original.normalize("NFC")].filter(isSafeNameCharacter).join("").replace(/\s+/g, " ").trim();
  const dot = name.lastIndexOf(".");
  const given = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  const matches = extensions.includes(given);
  const stem = [...(matches ? name.slice(0, dot) : name).replace(/^[.\s]+/, "")].slice(0, 150).join("").trim();
  return `${stem || "document"}.${matches ? given : (extensions[0] ?? "bin")}`;
}

/**
 * The document's dated event on the site's or case's timeline (privileged like the document). A
 * complaint linked to no site has no timeline, so its documents have no event.
 */
async function syncDocumentTimeline(
  tx: Transaction,
  scope: TenantScope,
  document: StoredDocument,
  parent: ResolvedParent,
) {
  const { home } = parent;
  if (!home.siteId && !home.legalCaseId) return;
  const subject: TimelineSubject = { type: "document", id: document.id, ...home, path: documentParentPath(parent.ref) };
  await syncTimeline(tx, scope, subject, [
    {
      fact: "document",
      occurredOn: document.documentDate ?? todayInLondon(document.uploadedAt),
      kind: "document",
      title: `${DOCUMENT_KIND_LABELS[document.kind]}: ${document.title}`,
      privileged: document.privileged,
      documentId: document.id,
    },
  ]);
}

/** The record a document would be attached to, for the upload page; undefined if not this council's. */
export async function getDocumentParent(scope: TenantScope, parent: DocumentParentRef) {
  return withTenant(scope, async (tx) => {
    const resolved = await resolveParent(tx, scope, parent);
    if (!resolved) return undefined;
    return { description: resolved.description, canUpload: can(scope.role, documentPermission(parent.type, "upload")) };
  });
}

/**
 * Checks, stores and records an uploaded document, with its audit entry and timeline event, and
 * returns its id; undefined when the parent is not this council's. A file of the wrong type, empty
 * or too large, or a privileged document marked publishable, is refused (FieldRefused) and
 * nothing is stored. If recording fails after the bytes were stored, they are removed.
 */
export async function uploadDocument(
  scope: TenantScope,
  parent: DocumentParentRef,
  input: DocumentInput,
  file: DocumentFile | null,
): Promise<{ id: string } | undefined> {
  assertMay(scope, parent.type, "upload");
  if (input.privileged && input.publishable) throw new FieldRefused("publishable", PRIVILEGED_NOT_PUBLISHABLE);
  const inspected = await inspectDocumentFile(file);
  if (!inspected.ok) throw new FieldRefused("file", inspected.message);
  const { bytes, contentType } = inspected;
  const id = randomUUID();
  const storageKey = `${scope.tenantId}/${id}`;
  const storage = getStorage();
  let stored = false;
  try {
    return await withTenant(scope, async (tx) => {
      const resolved = await resolveParent(tx, scope, parent);
      if (!resolved) return undefined;
      await storage.put(storageKey, bytes);
      stored = true;
      const [document] = await tx
        .insert(documents)
        .values({
          id,
          tenantId: scope.tenantId,
          ...resolved.column,
          kind: input.kind,
          title: input.title,
          documentDate: input.documentDate,
          fileName: cleanFileName(file?.name ?? "", contentType),
          contentType,
          sizeBytes: bytes.byteLength,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          storageKey,
          privileged: input.privileged,
          publishable: input.publishable,
          uploadedByUserId: scope.userId,
        })
        .returning();
      if (!document) throw new Error("The document was not saved.");
      await recordAudit(tx, scope, {
        action: "document.uploaded",
        entityType: "document",
        entityId: document.id,
        after: document,
      });
      await syncDocumentTimeline(tx, scope, document, resolved);
      return { id: document.id };
    });
  } catch (error) {
    if (stored) await storage.remove(storageKey);
    throw error;
  }
}

export interface DocumentRow {
  id: string;
  kind: StoredDocument["kind"];
  title: string;
  documentDate: string | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  privileged: boolean;
  publishable: boolean;
  /** An ISO timestamp. */
  uploadedAt: string;
  /** The uploader's name; "A former member" once they have left the council. */
  uploadedBy: string;
}

/**
 * The documents attached to one record, by document date (newest first, undated last), with who
 * uploaded each; privileged ones left out for viewers. One query.
 */
export async function listDocuments(scope: TenantScope, parent: DocumentParentRef): Promise<DocumentRow[]> {
  return withTenant(scope, async (tx) => {
    const condition = parentAdapter(parent.type).documentsOf(tx, scope, parent);
    if (!condition) return [];
    const rows = await tx
      .select({
        id: documents.id,
        kind: documents.kind,
        title: documents.title,
        documentDate: documents.documentDate,
        fileName: documents.fileName,
        contentType: documents.contentType,
        sizeBytes: documents.sizeBytes,
        privileged: documents.privileged,
        publishable: documents.publishable,
        uploadedAt: documents.uploadedAt,
        uploadedByUserId: documents.uploadedByUserId,
        uploadedByName: users.name,
      })
      .from(documents)
      .leftJoin(users, eq(users.id, documents.uploadedByUserId))
      .where(
        and(
          eq(documents.tenantId, scope.tenantId),
          condition,
          can(scope.role, "privileged:read") ? undefined : eq(documents.privileged, false),
        ),
      )
      .orderBy(sql`${documents.documentDate} desc nulls last`, desc(documents.uploadedAt), desc(documents.id));
    return rows.map(({ uploadedByUserId, uploadedByName, uploadedAt, ...row }) => ({
      ...row,
      uploadedAt: uploadedAt.toISOString(),
      uploadedBy: uploadedByName ?? (uploadedByUserId ? "A former member" : "Not recorded"),
    }));
  });
}

/** The document with this id in this council, if this member may see it. */
async function findDocument(tx: Transaction, scope: TenantScope, documentId: string, lock = false) {
  if (!isUuid(documentId)) return undefined;
  const query = tx
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.tenantId, scope.tenantId),
        eq(documents.id, documentId),
        can(scope.role, "privileged:read") ? undefined : eq(documents.privileged, false),
      ),
    )
    .limit(1);
  const [document] = lock ? await query.for("update") : await query;
  return document;
}

export class StoredFileMissing extends Error {
  override name = "StoredFileMissing";
}

/**
 * A document's bytes and what to send them with; undefined when there is no such document in
 * this council or this member may not see it. The bytes are checked against the SHA-256 recorded
 * at upload, so a damaged or replaced file is never served as the original.
 */
export async function getDocumentForDownload(scope: TenantScope, documentId: string) {
  const document = await withTenant(scope, (tx) => findDocument(tx, scope, documentId));
  if (!document) return undefined;
  const bytes = await getStorage().read(document.storageKey);
  if (!bytes) throw new StoredFileMissing(`The stored file of document ${document.id} is missing.`);
  if (createHash("sha256").update(bytes).digest("hex") !== document.sha256) {
    throw new StoredFileMissing(`The stored file of document ${document.id} does not match its SHA-256.`);
  }
  return {
    fileName: document.fileName,
    contentType: document.contentType,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256,
    bytes,
  };
}

/** A document and its parent, for the page that changes its flags; undefined if not found here. */
export async function getDocumentForFlags(scope: TenantScope, documentId: string) {
  return withTenant(scope, async (tx) => {
    const document = await findDocument(tx, scope, documentId);
    if (!document) return undefined;
    const parent = await parentOfDocument(tx, scope, document);
    if (!parent) return undefined;
    return {
      document: {
        id: document.id,
        kind: document.kind,
        title: document.title,
        fileName: document.fileName,
        privileged: document.privileged,
        publishable: document.publishable,
      },
      parent: parent.ref,
      parentDescription: parent.description,
      canFlag: can(scope.role, documentPermission(parent.ref.type, "flag")),
    };
  });
}

/**
 * Marks a document privileged or not, publishable or not (never both), audited, with its timeline
 * event kept in step. Returns the parent (for the redirect), or undefined when not found here.
 */
export async function setDocumentFlags(
  scope: TenantScope,
  documentId: string,
  flags: DocumentFlagsInput,
): Promise<{ parent: DocumentParentRef } | undefined> {
  if (flags.privileged && flags.publishable) throw new FieldRefused("publishable", PRIVILEGED_NOT_PUBLISHABLE);
  return withTenant(scope, async (tx) => {
    const before = await findDocument(tx, scope, documentId, true);
    if (!before) return undefined;
    const parent = await parentOfDocument(tx, scope, before);
    if (!parent) return undefined;
    assertMay(scope, parent.ref.type, "flag");
    if (before.privileged === flags.privileged && before.publishable === flags.publishable) {
      return { parent: parent.ref };
    }
    const [after] = await tx
      .update(documents)
      .set({ privileged: flags.privileged, publishable: flags.publishable })
      .where(and(eq(documents.tenantId, scope.tenantId), eq(documents.id, before.id)))
      .returning();
    if (!after) throw new Error("The document's flags were not saved.");
    await recordAudit(tx, scope, {
      action: "document.flags_changed",
      entityType: "document",
      entityId: after.id,
      before: { privileged: before.privileged, publishable: before.publishable },
      after: { privileged: after.privileged, publishable: after.publishable },
    });
    await syncDocumentTimeline(tx, scope, after, parent);
    return { parent: parent.ref };
  });
}

/** The file name as plain ASCII for old clients: accents dropped, anything unusual an underscore. */
function asciiFileName(fileName: string): string {
  return fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._() -]/g, "_");
}

/** RFC 5987: UTF-8, percent-encoded, with the characters encodeURIComponent leaves alone encoded too. */
function extendedFileName(fileName: string): string {
  return encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The response that sends a document. PDFs and the images browsers can show open in the browser;
 * everything else is saved. The browser must not guess another type, keep a copy, or run anything
 * in it (`sandbox`: no scripts, forms or plugins, and an origin of its own). Chromium's PDF viewer
 * works under the sandbox (checked with Chromium 156).
 */
export function documentResponse(download: { fileName: string; contentType: string; bytes: Uint8Array<ArrayBuffer> }) {
  const disposition = isInlineType(download.contentType) ? "inline" : "attachment";
  const headers = new Headers({
    "Content-Type": download.contentType,
    "Content-Length": String(download.bytes.byteLength),
    "Content-Disposition": `${disposition}; filename="${asciiFileName(download.fileName)}"; filename*=UTF-8''${extendedFileName(download.fileName)}`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": "sandbox",
  });
  return new Response(download.bytes, { status: 200, headers });
}
