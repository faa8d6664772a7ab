// The demo councils' timelines, written from their seeded records with the same facts the domain
// functions write (app/lib/timeline-facts.ts), plus the Epping context event. Public-record court
// events and the planning application are public; use of the hotel and context stay internal.
import { and, eq } from "drizzle-orm";
import {
  caseFacts,
  complaintFacts,
  hearingFacts,
  orderFacts,
  periodOfUseFacts,
  planningFacts,
  proceedingFacts,
} from "../../app/lib/timeline-facts";
import type { Transaction } from "../client";
import {
  complaints,
  courtOrders,
  hearings,
  legalCases,
  planningRecords,
  proceedings,
  sites,
  timelineEvents,
  usePeriods,
} from "../schema";
import { syncTimeline } from "../timeline-writer";

/** Writes the timeline of every seeded record of a council. */
export async function seedTimeline(tx: Transaction, tenantId: string) {
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
  for (const record of await tx.select().from(planningRecords).where(eq(planningRecords.tenantId, tenantId))) {
    await syncTimeline(
      tx,
      actor,
      {
        type: "planning_record",
        id: record.id,
        siteId: record.siteId,
        legalCaseId: null,
        path: `sites/${siteReference.get(record.siteId)}/records/${record.id}`,
      },
      planningFacts(record),
    );
  }
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
    for (const proceeding of caseProceedings) {
      const subject = (type: string, id: string) => ({
        type,
        id,
        ...home,
        path: `cases/${legalCase.reference}/proceedings/${proceeding.id}`,
      });
      const hearingRows = await tx.select().from(hearings).where(eq(hearings.proceedingId, proceeding.id));
      await syncTimeline(
        tx,
        actor,
        subject("proceeding", proceeding.id),
        proceedingFacts(
          proceeding,
          hearingRows.map((hearing) => hearing.heldOn),
        ),
      );
      for (const hearing of hearingRows) {
        await syncTimeline(tx, actor, subject("hearing", hearing.id), hearingFacts(hearing, proceeding));
      }
      for (const order of await tx.select().from(courtOrders).where(eq(courtOrders.proceedingId, proceeding.id))) {
        await syncTimeline(tx, actor, subject("order", order.id), orderFacts(order, proceeding));
      }
    }
  }
}

/**
 * Epping: the court's and the council's public record is public; the protests are a context event
 * that names no one (facts.md §1e and §5: no personal data from any criminal matter).
 */
export async function seedEppingTimeline(tx: Transaction, tenantId: string, bellHotelId: string, caseId: string) {
  await seedTimeline(tx, tenantId);
  for (const subjectType of ["proceeding", "hearing", "order", "planning_record"]) {
    await tx
      .update(timelineEvents)
      .set({ visibility: "public" })
      .where(and(eq(timelineEvents.tenantId, tenantId), eq(timelineEvents.subjectType, subjectType)));
  }
  await tx.insert(timelineEvents).values({
    tenantId,
    siteId: bellHotelId,
    legalCaseId: caseId,
    occurredOn: "2025-07-13",
    kind: "protest",
    title: "Protests outside the hotel began",
    description:
      "Repeated protests outside the hotel through July 2025. On 17 July eight police officers were injured and vehicles damaged. The Court of Appeal later warned that treating protests as supporting an injunction risks incentivising disorder.",
    sourceUrl:
      "https://www.the-independent.com/news/uk/home-news/police-essex-police-stuart-hooper-epping-essex-b2795363.html",
    visibility: "internal",
  });
}
