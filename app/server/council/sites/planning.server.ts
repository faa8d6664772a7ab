// Planning and enforcement records of a site: add, read, change, delete (each audited, an
// enforcement notice's steps in the same entry as the notice). The checks that need more than the
// form (the council's nation, the site's other records) are made here, each refusal naming its
// section; the form's own are in app/lib/schemas/planning-record.ts. A record's clocks read the
// other records of its site (app/lib/deadlines.ts), so every change rewrites the timeline facts of
// all of the site's records in the same transaction (db/planning-timeline.ts).
import { and, asc, eq } from "drizzle-orm";
import { enforcementNoticeEffect, temporaryStopNoticeLimit } from "~/lib/deadlines";
import { formatDate } from "~/lib/format";
import { isUuid } from "~/lib/ids";
import { ENGLAND_ONLY_KINDS } from "~/lib/planning-codes";
import type { PlanningRecordInput } from "~/lib/schemas/planning-record";
import type { Transaction } from "~db/client";
import { sitePlanningClocks, syncSitePlanningTimeline } from "~db/planning-timeline";
import { documents, enforcementNoticeSteps, planningRecords, sites } from "~db/schema";
import { ChangeRefused, FieldRefused } from "../../access/refusals.server";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";
import { removeTimelineFacts } from "../timeline/timeline.server";
import { assertCurrent, deleteVersioned, updateVersioned } from "../versioned-update.server";

/** The refusal of a kind of record the council's nation does not have. */
export const ENGLAND_ONLY_REFUSAL =
  "Enforcement warning notices (section 172ZA) apply only in England, so a council in Wales cannot record one.";

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

async function stepsOf(tx: Transaction, scope: TenantScope, recordId: string) {
  return tx
    .select({
      position: enforcementNoticeSteps.position,
      steps: enforcementNoticeSteps.steps,
      compliancePeriod: enforcementNoticeSteps.compliancePeriod,
      compliancePeriodUnit: enforcementNoticeSteps.compliancePeriodUnit,
    })
    .from(enforcementNoticeSteps)
    .where(
      and(eq(enforcementNoticeSteps.tenantId, scope.tenantId), eq(enforcementNoticeSteps.planningRecordId, recordId)),
    )
    .orderBy(asc(enforcementNoticeSteps.position));
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
  return record ? { site, record: { ...record, steps: await stepsOf(tx, scope, record.id) } } : undefined;
}

/** The site's enforcement notices a stop notice or an appeal may link to. */
export function enforcementNoticeChoices(
  records: readonly {
    id: string;
    kind: string;
    reference: string | null;
    servedOn: string | null;
    issuedOn: string | null;
  }[],
  except?: string,
) {
  return records
    .filter((record) => record.kind === "enforcement_notice" && record.id !== except)
    .map((record) => ({
      id: record.id,
      name: `${record.reference ?? "Enforcement notice (no reference)"}${
        record.issuedOn
          ? `, issued ${formatDate(record.issuedOn)}`
          : record.servedOn
            ? `, served ${formatDate(record.servedOn)}`
            : ""
      }`,
    }));
}

/**
 * The checks that need the council and the site: a kind the council's nation has, a linked
 * enforcement notice of this site, a stop notice served before its notice took effect (s.183(3)),
 * and a temporary stop notice no longer than its nation and issue date allow (s.171E(7)(a)).
 */
async function checkAgainstSite(
  tx: Transaction,
  scope: TenantScope,
  siteId: string,
  input: PlanningRecordInput,
  recordId?: string,
) {
  const { records, context } = await sitePlanningClocks(tx, scope.tenantId, siteId);
  if (ENGLAND_ONLY_KINDS.includes(input.kind) && context.nation === "wales")
    throw new ChangeRefused(ENGLAND_ONLY_REFUSAL);
  const others = records.filter((record) => record.id !== recordId);
  if (input.enforcementNoticeId) {
    const notice = others.find(
      (record) => record.id === input.enforcementNoticeId && record.kind === "enforcement_notice",
    );
    if (!notice) throw new FieldRefused("enforcementNoticeId", "Choose an enforcement notice recorded on this site");
    if (input.kind === "stop_notice" && input.servedOn && input.servedOnPrecision === "day") {
      const effect = enforcementNoticeEffect(
        notice,
        others.filter((record) => record.id !== notice.id),
      );
      if (effect.state === "takes_effect" && effect.on <= input.servedOn) {
        throw new FieldRefused(
          "servedOn",
          `A stop notice cannot be served once its enforcement notice has taken effect (section 183(3)): ${
            notice.reference ?? "the notice"
          } took effect on ${formatDate(effect.on)}`,
        );
      }
    }
  }
  if (input.kind === "temporary_stop_notice" && input.statedPeriod !== null) {
    const limit = temporaryStopNoticeLimit(input, context.nation);
    if ("days" in limit && input.statedPeriod > limit.days) {
      throw new FieldRefused(
        "statedPeriod",
        context.nation === "wales"
          ? "A temporary stop notice in Wales cannot last more than 28 days (section 171E(7)(a))"
          : "A temporary stop notice issued before 25 April 2024 cannot last more than 28 days (section 171E(7)(a))",
      );
    }
  }
  return others;
}

async function saveSteps(tx: Transaction, scope: TenantScope, recordId: string, steps: PlanningRecordInput["steps"]) {
  await tx
    .delete(enforcementNoticeSteps)
    .where(
      and(eq(enforcementNoticeSteps.tenantId, scope.tenantId), eq(enforcementNoticeSteps.planningRecordId, recordId)),
    );
  if (steps.length === 0) return;
  await tx
    .insert(enforcementNoticeSteps)
    .values(steps.map((step) => ({ ...step, tenantId: scope.tenantId, planningRecordId: recordId })));
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
    await checkAgainstSite(tx, scope, site.id, input);
    const { steps, ...values } = input;
    const [record] = await tx
      .insert(planningRecords)
      .values({ ...values, tenantId: scope.tenantId, siteId: site.id })
      .returning();
    if (!record) throw new Error("The record was not saved.");
    await saveSteps(tx, scope, record.id, steps);
    await recordAudit(tx, scope, {
      action: "planning_record.created",
      entityType: "planning_record",
      entityId: record.id,
      after: { ...record, steps },
    });
    await syncSitePlanningTimeline(tx, scope, site.id);
    return record.id;
  });
}

/** The record with its steps, its site, and the site's enforcement notices it may link to. */
export async function getPlanningRecord(scope: TenantScope, siteReference: string, recordId: string) {
  return withTenant(scope, async (tx) => {
    const found = await findRecord(tx, scope, siteReference, recordId);
    if (!found) return undefined;
    const siteNotices = await tx
      .select({
        id: planningRecords.id,
        kind: planningRecords.kind,
        reference: planningRecords.reference,
        issuedOn: planningRecords.issuedOn,
        servedOn: planningRecords.servedOn,
      })
      .from(planningRecords)
      .where(
        and(
          eq(planningRecords.tenantId, scope.tenantId),
          eq(planningRecords.siteId, found.record.siteId),
          eq(planningRecords.kind, "enforcement_notice"),
        ),
      )
      .orderBy(asc(planningRecords.createdAt));
    return { ...found, enforcementNotices: enforcementNoticeChoices(siteNotices, found.record.id) };
  });
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
    const { version, steps, ...changes } = input;
    assertCurrent(found.record, version, "record");
    await checkAgainstSite(tx, scope, found.site.id, input, recordId);
    const { steps: stepsBefore, ...before } = found.record;
    await updateVersioned(
      tx,
      scope,
      planningRecords,
      {
        before,
        version,
        what: "record",
        action: "planning_record.updated",
        entityType: "planning_record",
        audited: (row, when) => ({ ...row, steps: when === "before" ? stepsBefore : steps }),
      },
      changes,
    );
    await saveSteps(tx, scope, recordId, steps);
    await syncSitePlanningTimeline(tx, scope, found.site.id);
    return true;
  });
}

/** The refusal to delete an enforcement notice that other records name. */
const LINKED =
  "An appeal or a stop notice is linked to this enforcement notice, so it cannot be deleted. Change or delete those records first, or record the notice as withdrawn.";

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
    const [linked] = await tx
      .select({ id: planningRecords.id })
      .from(planningRecords)
      .where(and(eq(planningRecords.tenantId, scope.tenantId), eq(planningRecords.enforcementNoticeId, recordId)))
      .limit(1);
    if (linked) throw new ChangeRefused(LINKED);
    await removeTimelineFacts(tx, scope, "planning_record", found.record.id);
    const { steps, ...before } = found.record;
    await deleteVersioned(tx, scope, planningRecords, {
      before,
      version,
      what: "record",
      action: "planning_record.deleted",
      entityType: "planning_record",
      audited: (row) => ({ ...row, steps }),
    });
    await syncSitePlanningTimeline(tx, scope, found.site.id);
    return true;
  });
}
