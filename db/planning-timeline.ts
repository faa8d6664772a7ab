// A site's planning and enforcement records with what their statutory clocks read (their steps, the
// council's nation, each other), and their timeline facts written from them. The clocks of one
// record depend on others of its site (an appeal suspends its enforcement notice, a stop notice
// ceases with its notice, an enforcement notice shortens an application's appeal window:
// app/lib/deadlines.ts), so a change to any record of a site rewrites the facts of all of them, in
// the same transaction. Shared by the domain functions and the demo seed, like db/timeline-writer.ts.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { ComplianceStep, DeadlineContext, DeadlineInput } from "../app/lib/deadlines";
import type { Nation } from "../app/lib/roles";
import { planningFacts } from "../app/lib/timeline-facts";
import type { Transaction } from "./client";
import { councils, enforcementNoticeSteps, type PlanningRecord, planningRecords, sites } from "./schema";
import { syncTimeline, type TimelineActor } from "./timeline-writer";

export type PlanningRecordWithSteps = PlanningRecord & { steps: ComplianceStep[] };

/** The steps of the given records (or of all the council's), by record, in their order. One query. */
export async function stepsOfRecords(
  tx: Transaction,
  tenantId: string,
  recordIds?: readonly string[],
): Promise<Map<string, ComplianceStep[]>> {
  const byRecord = new Map<string, ComplianceStep[]>();
  if (recordIds?.length === 0) return byRecord;
  const rows = await tx
    .select()
    .from(enforcementNoticeSteps)
    .where(
      and(
        eq(enforcementNoticeSteps.tenantId, tenantId),
        recordIds ? inArray(enforcementNoticeSteps.planningRecordId, [...recordIds]) : undefined,
      ),
    )
    .orderBy(asc(enforcementNoticeSteps.planningRecordId), asc(enforcementNoticeSteps.position));
  for (const { planningRecordId, position, steps, compliancePeriod, compliancePeriodUnit } of rows) {
    const list = byRecord.get(planningRecordId) ?? [];
    list.push({ position, steps, compliancePeriod, compliancePeriodUnit });
    byRecord.set(planningRecordId, list);
  }
  return byRecord;
}

/** A site's planning records, in the order they were made, each with its steps. */
export async function planningRecordsWithSteps(
  tx: Transaction,
  tenantId: string,
  siteId: string,
): Promise<PlanningRecordWithSteps[]> {
  const records = await tx
    .select()
    .from(planningRecords)
    .where(and(eq(planningRecords.tenantId, tenantId), eq(planningRecords.siteId, siteId)))
    .orderBy(asc(planningRecords.createdAt));
  const steps = await stepsOfRecords(
    tx,
    tenantId,
    records.map((record) => record.id),
  );
  return records.map((record) => ({ ...record, steps: steps.get(record.id) ?? [] }));
}

/** The context a site's records' clocks are worked out in: its council's nation and the records. */
export function clockContextOf(nation: Nation, records: readonly PlanningRecordWithSteps[]): DeadlineContext {
  return { nation, siteRecords: records satisfies readonly DeadlineInput[] };
}

/** A site's records with their steps, and the context their clocks are worked out in. */
export async function sitePlanningClocks(tx: Transaction, tenantId: string, siteId: string) {
  const [[council], records] = await Promise.all([
    tx.select({ nation: councils.nation }).from(councils).where(eq(councils.id, tenantId)),
    planningRecordsWithSteps(tx, tenantId, siteId),
  ]);
  if (!council) throw new Error("The council of a planning record is missing.");
  return { records, context: clockContextOf(council.nation, records) };
}

/** Rewrites the timeline facts of every planning record of the site (see the header). */
export async function syncSitePlanningTimeline(tx: Transaction, actor: TimelineActor, siteId: string): Promise<void> {
  const [site] = await tx
    .select({ reference: sites.reference })
    .from(sites)
    .where(and(eq(sites.tenantId, actor.tenantId), eq(sites.id, siteId)));
  if (!site) return;
  const { records, context } = await sitePlanningClocks(tx, actor.tenantId, siteId);
  for (const record of records) {
    await syncTimeline(
      tx,
      actor,
      {
        type: "planning_record",
        id: record.id,
        siteId,
        legalCaseId: null,
        path: `sites/${site.reference}/records/${record.id}`,
      },
      planningFacts(record, context),
    );
  }
}
