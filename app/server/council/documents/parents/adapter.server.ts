// What a document's parent must say about itself: each kind of record a document can be attached
// to (legal case, proceeding, site, planning record, complaint) has one adapter, in a module of its
// own beside this one, and index.server.ts holds them. Every query an adapter makes runs in the
// caller's withTenant transaction and names the council (tenant_id) itself, so another council's
// record is never found.
import type { SQL } from "drizzle-orm";
import type { DocumentParentRef } from "~/lib/documents";
import type { DocumentParent } from "~/lib/timeline-codes";
import type { Transaction } from "~db/client";
import type { StoredDocument } from "~db/schema";
import type { Permission } from "../../../access/permissions.server";
import type { TenantScope } from "../../../access/tenancy.server";

/** The references of one kind of parent: `{ type: "site", siteReference }` for "site". */
export type ParentRefOf<K extends DocumentParent> = Extract<DocumentParentRef, { type: K }>;

/** The document columns that name its parent; the database requires exactly one to be set. */
export type DocumentParentColumn = keyof Pick<
  StoredDocument,
  "legalCaseId" | "proceedingId" | "siteId" | "planningRecordId" | "complaintId"
>;

/** Where a document's timeline event belongs: a site's timeline, a case's, or both. */
export interface ParentHome {
  siteId: string | null;
  legalCaseId: string | null;
}

/** The parent as an adapter finds it in the council. */
export interface FoundParent {
  /** The value of the document's parent column. */
  id: string;
  home: ParentHome;
  /** The record in words, for the upload page: "Legal case EF-L-0001: Council v Owner". */
  description: string;
}

export interface DocumentParentAdapter<K extends DocumentParent = DocumentParent> {
  readonly kind: K;
  /** The document column that points at this kind of record. */
  readonly documentColumn: DocumentParentColumn;
  /** What attaching a document to this kind of record, or changing its flags, asks of the member. */
  readonly permissions: { readonly upload: Permission; readonly flag: Permission };
  /** The record named by the request's references, in this council; undefined when there is none. */
  find(tx: Transaction, scope: TenantScope, ref: ParentRefOf<K>): Promise<FoundParent | undefined>;
  /** The references of the record with this id (a document's parent column), in this council. */
  refById(tx: Transaction, scope: TenantScope, id: string): Promise<ParentRefOf<K> | undefined>;
  /** The condition picking out the record's documents, by its references; undefined when malformed. */
  documentsOf(tx: Transaction, scope: TenantScope, ref: ParentRefOf<K>): SQL | undefined;
}
