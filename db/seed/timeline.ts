// The demo councils' timelines, written from their seeded records with the same facts the domain
// functions write (app/lib/timeline-facts.ts), plus the Epping context event. Public-record court
// events and the planning application are public; use of the hotel and context stay internal.
import { and, eq } from "drizzle-orm";
import type { Transaction } from "../client";
import { timelineEvents } from "../schema";
import { writeTimelineFromRecords } from "../timeline-backfill";

/**
 * Epping: the court's and the council's public record is public; the protests are a context event
 * that names no one (facts.md §1e and §5: no personal data from any criminal matter).
 */
export async function seedEppingTimeline(tx: Transaction, tenantId: string, bellHotelId: string, caseId: string) {
  await writeTimelineFromRecords(tx, tenantId);
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
  // facts.md §1b (Medium): LGL says Tuesday 25 November, The Independent "Wednesday": late November.
  await tx.insert(timelineEvents).values({
    tenantId,
    siteId: bellHotelId,
    legalCaseId: caseId,
    occurredOn: "2025-11-21",
    occurredOnPrecision: "late_month",
    kind: "meeting",
    title: "The full council voted, in private, to appeal Mould J's decision",
    description:
      "Sources disagree on the day: Local Government Lawyer says Tuesday 25 November, The Independent a Wednesday.",
    sourceUrl:
      "https://localgovernmentlawyer.co.uk/litigation-and-enforcement/400-litigation-news/99130-epping-forest-to-appeal-refusal-by-high-court-judge-to-grant-final-injunction-in-asylum-hotel-dispute",
    visibility: "public",
  });
}
