// Timelines written from the records themselves, with the same facts the domain functions write
// (app/lib/timeline-facts.ts): for the demo seed, and once after the migration that created the
// timeline, for councils whose records predate it.
import { and, asc, eq, exists, not } from "drizzle-orm";
import {
  caseFacts,
  complaintFacts,
  hearingFacts,
  orderFacts,
  periodOfUseFacts,
  proceedingFacts,
} from "../app/lib/timeline-facts";
import type { Database, Transaction } from "./client";
import { syncSitePlanningTimeline } from "./planning-timeline";
import {
  complaints,
  councils,
  courtOrders,
  hearings,
  legalCases,
  proceedingFindings,
  proceedingReliefs,
  proceedings,
  sites,
  timelineEvents,
  usePeriods,
} from "./schema";
import { syncTimeline } from "./timeline-writer";

/** Writes the timeline of every record of a council (idempotent: each fact is one row). */
export async function writeTimelineFromRecords(tx: Transaction, tenantId: string) {
  const actor = { tenantId, userId: null };
  const siteRows = await tx.select().from(sites).where(eq(sites.tenantId, tenantId));
  const siteReference = new Map(siteRows.map((site) => [site.id, site.reference]));
  for (const period of await tx.select().from(usePeriods).where(eq(usePeriods.tenantId, tenantId))) {
    await syncTimeline(
      tx,
      actor,
      {
        type: "use_period",
        id: period.id,
        siteId: period.siteId,
        legalCaseId: null,
        path: `sites/${siteReference.get(period.siteId)}`,
      },
      periodOfUseFacts(period),
    );
  }
  for (const site of siteRows) await syncSitePlanningTimeline(tx, actor, site.id);
  for (const complaint of await tx.select().from(complaints).where(eq(complaints.tenantId, tenantId))) {
    if (!complaint.siteId) continue;
    await syncTimeline(
      tx,
      actor,
      {
        type: "complaint",
        id: complaint.id,
        siteId: complaint.siteId,
        legalCaseId: null,
        path: `complaints/${complaint.reference}`,
      },
      complaintFacts({ ...complaint, closedOn: null }),
    );
  }
  for (const legalCase of await tx.select().from(legalCases).where(eq(legalCases.tenantId, tenantId))) {
    const home = { siteId: legalCase.siteId, legalCaseId: legalCase.id };
    await syncTimeline(
      tx,
      actor,
      { type: "legal_case", id: legalCase.id, ...home, path: `cases/${legalCase.reference}` },
      caseFacts(legalCase),
    );
    const caseProceedings = await tx.select().from(proceedings).where(eq(proceedings.caseId, legalCase.id));
    const byId = new Map(caseProceedings.map((proceeding) => [proceeding.id, proceeding]));
    const subject = (type: string, id: string, proceedingId: string) => ({
      type,
      id,
      ...home,
      path: `cases/${legalCase.reference}/proceedings/${proceedingId}`,
    });
    for (const proceeding of caseProceedings) {
      const hearingRows = await tx.select().from(hearings).where(eq(hearings.proceedingId, proceeding.id));
      const findings = await tx
        .select()
        .from(proceedingFindings)
        .where(eq(proceedingFindings.proceedingId, proceeding.id))
        .orderBy(asc(proceedingFindings.createdAt), asc(proceedingFindings.factor));
      const reliefs = await tx
        .select()
        .from(proceedingReliefs)
        .where(eq(proceedingReliefs.proceedingId, proceeding.id))
        .orderBy(asc(proceedingReliefs.position));
      await syncTimeline(
        tx,
        actor,
        subject("proceeding", proceeding.id, proceeding.id),
        proceedingFacts(
          proceeding,
          hearingRows.map((hearing) => hearing.heldOn),
          findings,
          reliefs,
        ),
      );
      for (const hearing of hearingRows) {
        await syncTimeline(tx, actor, subject("hearing", hearing.id, proceeding.id), hearingFacts(hearing, proceeding));
      }
    }
    // Orders after every proceeding, so an order set aside on the day of the appeal's decision is
    // written (and read, within that day) after the decision that set it aside.
    for (const proceeding of caseProceedings) {
      for (const order of await tx.select().from(courtOrders).where(eq(courtOrders.proceedingId, proceeding.id))) {
        const changedBy = order.statusByProceedingId ? (byId.get(order.statusByProceedingId) ?? null) : null;
        await syncTimeline(
          tx,
          actor,
          subject("order", order.id, proceeding.id),
          orderFacts(order, proceeding, changedBy),
        );
      }
    }
  }
}

/** Councils with sites but no timeline at all (their records predate it) get theirs written. */
export async function writeMissingTimelines(db: Database): Promise<number> {
  const missing = await db
    .select({ id: councils.id })
    .from(councils)
    .where(
      and(
        exists(db.select({ id: sites.id }).from(sites).where(eq(sites.tenantId, councils.id))),
        not(
          exists(
            db.select({ id: timelineEvents.id }).from(timelineEvents).where(eq(timelineEvents.tenantId, councils.id)),
          ),
        ),
      ),
    );
  for (const council of missing) await db.transaction((tx) => writeTimelineFromRecords(tx, council.id));
  return missing.length;
}
