// Periods of use of a site as asylum accommodation: add, change, delete (each audited).
import { and, eq } from "drizzle-orm";
import { isUuid } from "~/lib/ids";
import type { UsePeriodInput } from "~/lib/schemas/use-period";
import { periodOfUseFacts } from "~/lib/timeline-facts";
import type { Transaction } from "~db/client";
import { usePeriods } from "~db/schema";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";
import { removeTimelineFacts, syncTimeline } from "../timeline/timeline.server";
import { deleteVersioned, updateVersioned } from "../versioned-update.server";
import { siteIdOf } from "./planning.server";

const subjectOf = (siteReference: string, period: { id: string; siteId: string }) => ({
  type: "use_period",
  id: period.id,
  siteId: period.siteId,
  legalCaseId: null,
  path: `sites/${siteReference}`,
});

async function findPeriod(tx: Transaction, scope: TenantScope, siteReference: string, periodId: string) {
  if (!isUuid(periodId)) return undefined;
  const site = await siteIdOf(tx, scope, siteReference);
  if (!site) return undefined;
  const [period] = await tx
    .select()
    .from(usePeriods)
    .where(and(eq(usePeriods.tenantId, scope.tenantId), eq(usePeriods.siteId, site.id), eq(usePeriods.id, periodId)))
    .limit(1)
    .for("update");
  return period ? { site, period } : undefined;
}

export async function createUsePeriod(scope: TenantScope, siteReference: string, input: UsePeriodInput) {
  return withTenant(scope, async (tx) => {
    const site = await siteIdOf(tx, scope, siteReference);
    if (!site) return undefined;
    const [period] = await tx
      .insert(usePeriods)
      .values({ ...input, tenantId: scope.tenantId, siteId: site.id })
      .returning();
    if (!period) throw new Error("The period was not saved.");
    await recordAudit(tx, scope, {
      action: "use_period.created",
      entityType: "use_period",
      entityId: period.id,
      after: period,
    });
    await syncTimeline(tx, scope, subjectOf(siteReference, period), periodOfUseFacts(period));
    return period.id;
  });
}

export async function getUsePeriod(scope: TenantScope, siteReference: string, periodId: string) {
  return withTenant(scope, (tx) => findPeriod(tx, scope, siteReference, periodId));
}

export async function updateUsePeriod(
  scope: TenantScope,
  siteReference: string,
  periodId: string,
  input: UsePeriodInput & { version: number },
): Promise<boolean> {
  return withTenant(scope, async (tx) => {
    const found = await findPeriod(tx, scope, siteReference, periodId);
    if (!found) return false;
    const { version, ...changes } = input;
    const after = await updateVersioned(
      tx,
      scope,
      usePeriods,
      { before: found.period, version, what: "period of use", action: "use_period.updated", entityType: "use_period" },
      changes,
    );
    await syncTimeline(tx, scope, subjectOf(siteReference, after), periodOfUseFacts(after));
    return true;
  });
}

export async function deleteUsePeriod(scope: TenantScope, siteReference: string, periodId: string, version: number) {
  return withTenant(scope, async (tx) => {
    const found = await findPeriod(tx, scope, siteReference, periodId);
    if (!found) return false;
    await deleteVersioned(tx, scope, usePeriods, {
      before: found.period,
      version,
      what: "period of use",
      action: "use_period.deleted",
      entityType: "use_period",
    });
    await removeTimelineFacts(tx, scope, "use_period", found.period.id);
    return true;
  });
}
