// Planning and enforcement records of a site: add, read, change, delete (each audited).
import { and, eq } from "drizzle-orm";
import { isUuid } from "~/lib/ids";
import type { PlanningRecordInput } from "~/lib/schemas/planning-record";
import { planningFacts } from "~/lib/timeline-facts";
import type { Transaction } from "~db/client";
import { documents, planningRecords, sites } from "~db/schema";
import { ChangeRefused } from "../../access/refusals.server";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";
import { removeTimelineFacts, syncTimeline } from "../timeline/timeline.server";
import { assertCurrent, deleteVersioned, updateVersioned } from "../versioned-update.server";

const subjectOf = (siteReference: string, record: { id: string; siteId: string }) => ({
  type: "planning_record",
  id: record.id,
  siteId: record.siteId,
  legalCaseId: null,
  path: `sites/${siteReference}/records/${record.id}`,
});

/** Documents keep their record: a record with documents cannot be deleted. */
async function refuseIfDocuments(tx: Transaction, scope: TenantScope, recordId: string) {
  const [attached] = await tx
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.tenantId, scope.tenantId), eq(documents.planningRecordId, recordId)))
    .limit(1);
  if (attached)
    throw new ChangeRefused("This record has documents attached, so it cannot be deleted. Mark it closed instead.");
}

/** The site's id, if the site is this council's. */
export async function siteIdOf(tx: Transaction, scope: TenantScope, siteReference: string) {
  const [site] = await tx
    .select({ id: sites.id, name: sites.name })
    .from(sites)
    .where(and(eq(sites.tenantId, scope.tenantId), eq(sites.reference, siteReference)))
    .limit(1);
  return site;
}

async function findRecord(tx: Transaction, scope: TenantScope, siteReference: string, recordId: string) {
  if (!isUuid(recordId)) return undefined;
  const site = await siteIdOf(tx, scope, siteReference);
  if (!site) return undefined;
  const [record] = await tx
    .select()
    .from(planningRecords)
    .where(
      and(
        eq(planningRecords.tenantId, scope.tenantId),
        eq(planningRecords.siteId, site.id),
        eq(planningRecords.id, recordId),
      ),
    )
    .limit(1)
    .for("update");
  return record ? { site, record } : undefined;
}

/** Returns the new record's id, or undefined when the site is not this council's. */
export async function createPlanningRecord(
  scope: TenantScope,
  siteReference: string,
  input: PlanningRecordInput,
): Promise<string | undefined> {
  return withTenant(scope, async (tx) => {
    const site = await siteIdOf(tx, scope, siteReference);
    if (!site) return undefined;
    const [record] = await tx
      .insert(planningRecords)
      .values({ ...input, tenantId: scope.tenantId, siteId: site.id })
      .returning();
    if (!record) throw new Error("The record was not saved.");
    await recordAudit(tx, scope, {
      action: "planning_record.created",
      entityType: "planning_record",
      entityId: record.id,
      after: record,
    });
    await syncTimeline(tx, scope, subjectOf(siteReference, record), planningFacts(record));
    return record.id;
  });
}

export async function getPlanningRecord(scope: TenantScope, siteReference: string, recordId: string) {
  return withTenant(scope, (tx) => findRecord(tx, scope, siteReference, recordId));
}

export async function updatePlanningRecord(
  scope: TenantScope,
  siteReference: string,
  recordId: string,
  input: PlanningRecordInput & { version: number },
): Promise<boolean> {
  return withTenant(scope, async (tx) => {
    const found = await findRecord(tx, scope, siteReference, recordId);
    if (!found) return false;
    const { version, ...changes } = input;
    const after = await updateVersioned(
      tx,
      scope,
      planningRecords,
      {
        before: found.record,
        version,
        what: "record",
        action: "planning_record.updated",
        entityType: "planning_record",
      },
      changes,
    );
    await syncTimeline(tx, scope, subjectOf(siteReference, after), planningFacts(after));
    return true;
  });
}

export async function deletePlanningRecord(
  scope: TenantScope,
  siteReference: string,
  recordId: string,
  version: number,
): Promise<boolean> {
  return withTenant(scope, async (tx) => {
    const found = await findRecord(tx, scope, siteReference, recordId);
    if (!found) return false;
    assertCurrent(found.record, version, "record");
    await refuseIfDocuments(tx, scope, found.record.id);
    await removeTimelineFacts(tx, scope, "planning_record", found.record.id);
    await deleteVersioned(tx, scope, planningRecords, {
      before: found.record,
      version,
      what: "record",
      action: "planning_record.deleted",
      entityType: "planning_record",
    });
    return true;
  });
}
