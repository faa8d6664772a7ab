// A legal case as a document's parent, named by its reference (?case=EF-L-0001). Its documents'
// timeline events belong to the case, and to its site if it has one.
import { and, eq, inArray } from "drizzle-orm";
import { documents, legalCases } from "~db/schema";
import type { DocumentParentAdapter } from "./adapter.server";

export const legalCaseParent: DocumentParentAdapter<"legal_case"> = {
  kind: "legal_case",
  documentColumn: "legalCaseId",
  permissions: { upload: "case-document:upload", flag: "case-document:flag" },

  async find(tx, scope, ref) {
    const [row] = await tx
      .select({
        id: legalCases.id,
        siteId: legalCases.siteId,
        reference: legalCases.reference,
        title: legalCases.title,
      })
      .from(legalCases)
      .where(and(eq(legalCases.tenantId, scope.tenantId), eq(legalCases.reference, ref.caseReference)))
      .limit(1);
    if (!row) return undefined;
    return {
      id: row.id,
      home: { siteId: row.siteId, legalCaseId: row.id },
      description: `Legal case ${row.reference}: ${row.title}`,
    };
  },

  async refById(tx, scope, id) {
    const [row] = await tx
      .select({ reference: legalCases.reference })
      .from(legalCases)
      .where(and(eq(legalCases.tenantId, scope.tenantId), eq(legalCases.id, id)));
    return row ? { type: "legal_case", caseReference: row.reference } : undefined;
  },

  documentsOf(tx, scope, ref) {
    return inArray(
      documents.legalCaseId,
      tx
        .select({ id: legalCases.id })
        .from(legalCases)
        .where(and(eq(legalCases.tenantId, scope.tenantId), eq(legalCases.reference, ref.caseReference))),
    );
  },
};
