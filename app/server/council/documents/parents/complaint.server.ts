// A complaint as a document's parent, named by its reference (?complaint=EF-C-0001). Its documents'
// timeline events belong to its site; a complaint linked to no site has no timeline, so its
// documents have no events.
import { and, eq, inArray } from "drizzle-orm";
import { complaints, documents } from "~db/schema";
import type { DocumentParentAdapter } from "./adapter.server";

export const complaintParent: DocumentParentAdapter<"complaint"> = {
  kind: "complaint",
  documentColumn: "complaintId",
  permissions: { upload: "document:upload", flag: "document:flag" },

  async find(tx, scope, ref) {
    const [row] = await tx
      .select({
        id: complaints.id,
        siteId: complaints.siteId,
        reference: complaints.reference,
        summary: complaints.summary,
      })
      .from(complaints)
      .where(and(eq(complaints.tenantId, scope.tenantId), eq(complaints.reference, ref.complaintReference)))
      .limit(1);
    if (!row) return undefined;
    return {
      id: row.id,
      home: { siteId: row.siteId, legalCaseId: null },
      description: `Complaint ${row.reference}: ${row.summary}`,
    };
  },

  async refById(tx, scope, id) {
    const [row] = await tx
      .select({ reference: complaints.reference })
      .from(complaints)
      .where(and(eq(complaints.tenantId, scope.tenantId), eq(complaints.id, id)));
    return row ? { type: "complaint", complaintReference: row.reference } : undefined;
  },

  documentsOf(tx, scope, ref) {
    return inArray(
      documents.complaintId,
      tx
        .select({ id: complaints.id })
        .from(complaints)
        .where(and(eq(complaints.tenantId, scope.tenantId), eq(complaints.reference, ref.complaintReference))),
    );
  },
};
