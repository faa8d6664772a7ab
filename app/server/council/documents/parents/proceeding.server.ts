// A proceeding as a document's parent, named by its case's reference and its id
// (?case=EF-L-0001&proceeding=<uuid>); a proceeding of another case is not found. Its documents'
// timeline events belong to the case, and to its site if it has one.
import { and, eq, inArray } from "drizzle-orm";
import { isUuid } from "~/lib/ids";
import { proceedingName } from "~/lib/legal-codes";
import { documents, legalCases, proceedings } from "~db/schema";
import type { DocumentParentAdapter } from "./adapter.server";

export const proceedingParent: DocumentParentAdapter<"proceeding"> = {
  kind: "proceeding",
  documentColumn: "proceedingId",
  permissions: { upload: "case-document:upload", flag: "case-document:flag" },

  async find(tx, scope, ref) {
    if (!isUuid(ref.proceedingId)) return undefined;
    const [row] = await tx
      .select({
        id: proceedings.id,
        court: proceedings.court,
        kind: proceedings.kind,
        neutralCitation: proceedings.neutralCitation,
        caseId: legalCases.id,
        siteId: legalCases.siteId,
        reference: legalCases.reference,
      })
      .from(proceedings)
      .innerJoin(legalCases, and(eq(legalCases.id, proceedings.caseId), eq(legalCases.tenantId, scope.tenantId)))
      .where(
        and(
          eq(proceedings.tenantId, scope.tenantId),
          eq(proceedings.id, ref.proceedingId),
          eq(legalCases.reference, ref.caseReference),
        ),
      )
      .limit(1);
    if (!row) return undefined;
    return {
      id: row.id,
      home: { siteId: row.siteId, legalCaseId: row.caseId },
      description: `${proceedingName(row)}, in legal case ${row.reference}`,
    };
  },

  async refById(tx, scope, id) {
    const [row] = await tx
      .select({ reference: legalCases.reference })
      .from(proceedings)
      .innerJoin(legalCases, and(eq(legalCases.id, proceedings.caseId), eq(legalCases.tenantId, scope.tenantId)))
      .where(and(eq(proceedings.tenantId, scope.tenantId), eq(proceedings.id, id)));
    return row ? { type: "proceeding", caseReference: row.reference, proceedingId: id } : undefined;
  },

  documentsOf(tx, scope, ref) {
    if (!isUuid(ref.proceedingId)) return undefined;
    return inArray(
      documents.proceedingId,
      tx
        .select({ id: proceedings.id })
        .from(proceedings)
        .innerJoin(legalCases, and(eq(legalCases.id, proceedings.caseId), eq(legalCases.tenantId, scope.tenantId)))
        .where(
          and(
            eq(proceedings.tenantId, scope.tenantId),
            eq(proceedings.id, ref.proceedingId),
            eq(legalCases.reference, ref.caseReference),
          ),
        ),
    );
  },
};
