// Demo sites. Epping Forest's are public record only (../shared/domain/facts.md, High and Medium
// rows), with approximate coordinates labelled as such; Northmere's are fictional and say so.
import { addDays, format } from "date-fns";

import type { Transaction } from "../client";
import {
  auditEvents,
  complainantContacts,
  complaints,
  planningRecords,
  referenceCounters,
  siteAsRecorded,
  sites,
  usePeriods,
} from "../schema";

const BELL_HOTEL_SOURCES = {
  council: "https://www.eppingforestdc.gov.uk/bell-hotel-background-information",
  ortolan: "https://www.ortolanlegal.com/news/planning-and-politics-the-bell-hotel-epping-forest",
  freemovement:
    "https://freemovement.org.uk/epping-council-succeeds-in-interim-relief-preventing-use-of-hotel-as-asylum-accommodation",
};

async function audit(tx: Transaction, tenantId: string, entityType: string, entityId: string, after: unknown) {
  await tx
    .insert(auditEvents)
    .values({ tenantId, action: `${entityType}.created`, entityType, entityId, after, requestId: "demo-seed" });
}

async function count(tx: Transaction, tenantId: string, kind: "S" | "C", lastValue: number) {
  await tx.insert(referenceCounters).values({ tenantId, kind, lastValue });
}

export async function seedEppingSites(tx: Transaction, tenantId: string) {
  const [bell] = await tx
    .insert(sites)
    .values({
      tenantId,
      reference: "EF-S-0001",
      name: "The Bell Hotel",
      town: "Epping",
      // Epping's town centre (facts.md §4: 51.7004, 0.1087, High for the town); the hotel itself is
      // deliberately not pinpointed.
      latitude: 51.7,
      longitude: 0.11,
      locationAccuracy: "town",
      locationNote: "Approximate: Epping town, not the hotel's position",
      ownerName: "Somani Hotels Limited",
      contractor: "other",
      contractorOther: "Company Travel Management (North) Ltd (CTM), under a contract with Somani signed 24 March 2025",
      lawfulUse: "c1_hotel",
      useComplainedOf:
        "Use as a hostel for asylum seekers (sui generis): a material change of use from a Class C1 hotel",
      status: "in_use",
      // The latest date the sources confirm the use: Mould J's judgment of 11 November 2025, refusing
      // to stop it (facts.md §1b). Later sources (the March 2026 refusal of permission) do not say.
      statusAsOf: "2025-11-11",
    })
    .returning();
  if (!bell) throw new Error("The Bell Hotel was not seeded.");
  await audit(tx, tenantId, "site", bell.id, siteAsRecorded(bell));
  await count(tx, tenantId, "S", 1);

  const periods = await tx
    .insert(usePeriods)
    .values([
      {
        tenantId,
        siteId: bell.id,
        startsOn: "2020-05-01",
        startsOnPrecision: "month",
        endsOn: "2021-03-01",
        endsOnPrecision: "month",
        description: "A ten-month contract, after an approach from Clearsprings",
        source: BELL_HOTEL_SOURCES.ortolan,
      },
      {
        tenantId,
        siteId: bell.id,
        startsOn: "2022-10-01",
        startsOnPrecision: "month",
        endsOn: "2024-04-01",
        endsOnPrecision: "month",
        description: "Often quoted as from November 2022, which is when the council asked for a planning application",
        source: BELL_HOTEL_SOURCES.ortolan,
      },
      {
        tenantId,
        siteId: bell.id,
        startsOn: "2025-04-01",
        startsOnPrecision: "month",
        endsOn: null,
        description: "Under the CTM contract signed on 24 March 2025",
        source: BELL_HOTEL_SOURCES.ortolan,
      },
    ])
    .returning();
  for (const period of periods) await audit(tx, tenantId, "use_period", period.id, period);

  const [application] = await tx
    .insert(planningRecords)
    .values({
      tenantId,
      siteId: bell.id,
      kind: "planning_application",
      reference: "EPF/0337/23",
      status: "withdrawn",
      description:
        "Temporary change of use from C1 hotel to a hostel for asylum seekers (sui generis) until 30 June 2024 (the applicant later asked to extend this to 31 December). Never determined; withdrawn at the applicant's request.",
      linkUrl: BELL_HOTEL_SOURCES.council,
      receivedOn: "2023-02-14",
      validatedOn: "2023-02-21",
      withdrawnOn: "2024-03-21",
    })
    .returning();
  if (application) await audit(tx, tenantId, "planning_record", application.id, application);
  return bell.id;
}

/** Fictional records, dated from the day the demo is created so that something is always due. */
export async function seedNorthmereSites(tx: Transaction, tenantId: string, today = new Date()) {
  const day = (offset: number) => format(addDays(today, offset), "yyyy-MM-dd");
  const [grand] = await tx
    .insert(sites)
    .values({
      tenantId,
      reference: "NM-S-0001",
      name: "Northmere Grand Hotel (fictional)",
      addressLine1: "1 Fictional Parade",
      town: "Northmere",
      contractor: "unknown",
      lawfulUse: "c1_hotel",
      rooms: 80,
      useComplainedOf: "Reported block-booking of the whole hotel (fictional)",
      status: "proposed",
    })
    .returning();
  if (!grand) throw new Error("The Northmere site was not seeded.");
  await audit(tx, tenantId, "site", grand.id, siteAsRecorded(grand));
  await count(tx, tenantId, "S", 1);

  const [pcn] = await tx
    .insert(planningRecords)
    .values({
      tenantId,
      siteId: grand.id,
      kind: "planning_contravention_notice",
      reference: "NM/PCN/001 (fictional)",
      status: "open",
      description: "Asks the owner how the hotel is being used, by whom and since when (fictional).",
      servedOn: day(-6),
    })
    .returning();
  if (pcn) await audit(tx, tenantId, "planning_record", pcn.id, pcn);

  const fictional = [
    {
      received: -12,
      channel: "email",
      category: "planning_breach",
      summary: "Hotel no longer taking public bookings (fictional)",
    },
    { received: -5, channel: "councillor", category: "noise", summary: "Late-night coach arrivals (fictional)" },
    {
      received: -1,
      channel: "web_form",
      category: "other",
      summary: "Question about the planning position (fictional)",
    },
  ] as const;
  let number = 0;
  for (const item of fictional) {
    number += 1;
    const [complaint] = await tx
      .insert(complaints)
      .values({
        tenantId,
        reference: `NM-C-${String(number).padStart(4, "0")}`,
        receivedOn: day(item.received),
        channel: item.channel,
        category: item.category,
        summary: item.summary,
        details: "A fictional complaint for the demonstration.",
        siteId: grand.id,
        status: number === 1 ? "under_review" : "new",
      })
      .returning();
    if (!complaint) continue;
    await audit(tx, tenantId, "complaint", complaint.id, complaint);
    const [contact] = await tx
      .insert(complainantContacts)
      .values({
        tenantId,
        complaintId: complaint.id,
        name: `Demo Resident ${number} (fictional)`,
        email: `resident${number}@northmere.example`,
        phone: null,
      })
      .returning({ id: complainantContacts.id });
    if (contact) {
      await tx.insert(auditEvents).values({
        tenantId,
        action: "complainant_contact.created",
        entityType: "complainant_contact",
        entityId: contact.id,
        after: { changedFields: ["name", "email"] },
        requestId: "demo-seed",
      });
    }
  }
  await count(tx, tenantId, "C", fictional.length);
}
