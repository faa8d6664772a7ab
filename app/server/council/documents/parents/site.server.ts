// A site as a document's parent, named by its reference (?site=EF-S-0001). Its documents' timeline
// events belong to the site.
import { and, eq, inArray } from "drizzle-orm";
import { documents, sites } from "~db/schema";
import type { DocumentParentAdapter } from "./adapter.server";

export const siteParent: DocumentParentAdapter<"site"> = {
  kind: "site",
  documentColumn: "siteId",
  permissions: { upload: "document:upload", flag: "document:flag" },

  async find(tx, scope, ref) {
    const [row] = await tx
      .select({ id: sites.id, reference: sites.reference, name: sites.name })
      .from(sites)
      .where(and(eq(sites.tenantId, scope.tenantId), eq(sites.reference, ref.siteReference)))
      .limit(1);
    if (!row) return undefined;
    return {
      id: row.id,
      home: { siteId: row.id, legalCaseId: null },
      description: `Site ${row.reference}: ${row.name}`,
    };
  },

  async refById(tx, scope, id) {
    const [row] = await tx
      .select({ reference: sites.reference })
      .from(sites)
      .where(and(eq(sites.tenantId, scope.tenantId), eq(sites.id, id)));
    return row ? { type: "site", siteReference: row.reference } : undefined;
  },

  documentsOf(tx, scope, ref) {
    return inArray(
      documents.siteId,
      tx
        .select({ id: sites.id })
        .from(sites)
        .where(and(eq(sites.tenantId, scope.tenantId), eq(sites.reference, ref.siteReference))),
    );
  },
};
