// The document parents, one adapter per kind of record (adapter.server.ts says what each provides),
// and what documents.server.ts asks of them: a parent named by the request's references, and the
// parent of a stored document. Both run in the caller's withTenant transaction.
import type { DocumentParentRef } from "~/lib/documents";
import { type DocumentParent, documentParents } from "~/lib/timeline-codes";
import type { Transaction } from "~db/client";
import type { StoredDocument } from "~db/schema";
import type { TenantScope } from "../../../access/tenancy.server";
import type { DocumentParentAdapter, DocumentParentColumn, ParentHome } from "./adapter.server";
import { complaintParent } from "./complaint.server";
import { legalCaseParent } from "./legal-case.server";
import { planningRecordParent } from "./planning-record.server";
import { proceedingParent } from "./proceeding.server";
import { siteParent } from "./site.server";

export type { DocumentParentAdapter } from "./adapter.server";

const ADAPTERS: { readonly [K in DocumentParent]: DocumentParentAdapter<K> } = {
  legal_case: legalCaseParent,
  proceeding: proceedingParent,
  site: siteParent,
  planning_record: planningRecordParent,
  complaint: complaintParent,
};

/** The adapter for one kind of parent. */
export function parentAdapter<K extends DocumentParent>(kind: K): DocumentParentAdapter<K> {
  return ADAPTERS[kind];
}

export interface ResolvedParent {
  ref: DocumentParentRef;
  /** The document's parent columns: this parent's set, the others null. */
  column: Record<DocumentParentColumn, string | null>;
  /** Where the document's timeline event belongs. */
  home: ParentHome;
  /** The record in words, for the upload page: "Legal case EF-L-0001: Council v Owner". */
  description: string;
}

/** The parent named by references, in this council; undefined when there is none. */
export async function resolveParent(
  tx: Transaction,
  scope: TenantScope,
  ref: DocumentParentRef,
): Promise<ResolvedParent | undefined> {
  const adapter = parentAdapter(ref.type);
  const found = await adapter.find(tx, scope, ref);
  if (!found) return undefined;
  const column: Record<DocumentParentColumn, string | null> = {
    legalCaseId: null,
    proceedingId: null,
    siteId: null,
    planningRecordId: null,
    complaintId: null,
  };
  column[adapter.documentColumn] = found.id;
  return { ref, column, home: found.home, description: found.description };
}

/**
 * The parent of a stored document, with the references its page is found by; undefined when it
 * is not in this council. The database keeps exactly one parent column set.
 */
export async function parentOfDocument(
  tx: Transaction,
  scope: TenantScope,
  document: StoredDocument,
): Promise<ResolvedParent | undefined> {
  for (const kind of documentParents) {
    const adapter: DocumentParentAdapter = parentAdapter(kind);
    const id = document[adapter.documentColumn];
    if (!id) continue;
    const ref = await adapter.refById(tx, scope, id);
    return ref ? resolveParent(tx, scope, ref) : undefined;
  }
  return undefined;
}
