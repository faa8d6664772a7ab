// A planning or enforcement record as a document's parent, named by its site's reference and its
// id (?site=EF-S-0001&record=<uuid>); a record of another site is not found. Its documents'
// timeline events belong to its site.
import { and, eq, inArray } from "drizzle-orm";
import { isUuid } from "~/lib/ids";
import { PLANNING_KIND_LABELS } from "~/lib/planning-codes";
import { documents, planningRecords, sites } from "~db/schema";
import type { DocumentParentAdapter } from "./adapter.server";

export const planningRecordParent: DocumentParentAdapter<"planning_record"> = {
  kind: "planning_record",
  documentColumn: "planningRecordId",
  permissions: { upload: "document:upload", flag: "document:flag" },

  async find(tx, scope, ref) {
    if (!isUuid(ref.planningRecordId)) return undefined;
    const [row] = await tx
      .select({
        id: planningRecords.id,
        kind: planningRecords.kind,
        reference: planningRecords.reference,
        siteId: sites.id,
        siteReference: sites.reference,
        siteName: sites.name,
      })
      .from(planningRecords)
      .innerJoin(sites, and(eq(sites.id, planningRecords.siteId), eq(sites.tenantId, scope.tenantId)))
      .where(
        and(
          eq(planningRecords.tenantId, scope.tenantId),
          eq(planningRecords.id, ref.planningRecordId),
          eq(sites.reference, ref.siteReference),
        ),
      )
      .limit(1);
    if (!row) return undefined;
    return {
      id: row.id,
      home: { siteId: row.siteId, legalCaseId: null },
      description: `${PLANNING_KIND_LABELS[row.kind]}${row.reference ? ` ${row.reference}` : ""}, at site ${row.siteReference}: ${row.siteName}`,
    };
  },

  async refById(tx, scope, id) {
    const [row] = await tx
      .select({ reference: sites.reference })
      .from(planningRecords)
      .innerJoin(sites, and(eq(sites.id, planningRecords.siteId), eq(sites.tenantId, scope.tenantId)))
      .where(and(eq(planningRecords.tenantId, scope.tenantId), eq(planningRecords.id, id)));
    return row ? { type: "planning_record", siteReference: row.reference, planningRecordId: id } : undefined;
  },

  documentsOf(tx, scope, ref) {
    if (!isUuid(ref.planningRecordId)) return undefined;
    return inArray(
      documents.planningRecordId,
      tx
        .select({ id: planningRecords.id })
        .from(planningRecords)
        .innerJoin(sites, and(eq(sites.id, planningRecords.siteId), eq(sites.tenantId, scope.tenantId)))
        .where(
          and(
            eq(planningRecords.tenantId, scope.tenantId),
            eq(planningRecords.id, ref.planningRecordId),
            eq(sites.reference, ref.siteReference),
          ),
        ),
    );
  },
};
