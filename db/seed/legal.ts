// The Epping dispute as a legal case with its proceedings and parties: public record only, from
// the High and Medium rows of the domain fact sheet. No personal data from any criminal case.
import { and, eq } from "drizzle-orm";
import type { Transaction } from "../client";
import {
  auditEvents,
  courtOrders,
  hearings,
  legalCases,
  proceedingParties,
  proceedings,
  referenceCounters,
} from "../schema";

type NewProceeding = typeof proceedings.$inferInsert;
type NewParty = Omit<typeof proceedingParties.$inferInsert, "tenantId" | "proceedingId">;

const COUNCIL = "Epping Forest District Council";
const OWNER = "Somani Hotels Limited";
const HOME_SECRETARY = "Secretary of State for the Home Department";

/** Returns the case's id. */
export async function seedEppingCase(tx: Transaction, tenantId: string, bellHotelId: string): Promise<string> {
  const [legalCase] = await tx
    .insert(legalCases)
    .values({
      tenantId,
      siteId: bellHotelId,
      reference: "EF-L-0001",
      title: "Epping Forest DC v Somani Hotels Ltd",
      legalBasis: "s187b_injunction",
      status: "concluded",
      decidedToLitigateOn: "2025-08-05",
      decisionTakenBy: "Legal Services Manager",
      externalRepresentatives: "Philip Coppel KC for the council at the 2026 permission hearing",
    })
    .returning();
  if (!legalCase) throw new Error("The Epping case was not seeded.");
  await tx.insert(referenceCounters).values({ tenantId, kind: "L", lastValue: 1 });
  await tx.insert(auditEvents).values({
    tenantId,
    action: "legal_case.created",
    entityType: "legal_case",
    entityId: legalCase.id,
    after: legalCase,
    requestId: "demo-seed",
  });

  const add = async (values: Omit<NewProceeding, "tenantId" | "caseId">, parties: NewParty[]) => {
    const [proceeding] = await tx
      .insert(proceedings)
      .values({ ...values, tenantId, caseId: legalCase.id })
      .returning();
    if (!proceeding) throw new Error("A proceeding was not seeded.");
    await tx
      .insert(proceedingParties)
      .values(parties.map((party) => ({ ...party, tenantId, proceedingId: proceeding.id })));
    await tx.insert(auditEvents).values({
      tenantId,
      action: "proceeding.created",
      entityType: "proceeding",
      entityId: proceeding.id,
      after: proceeding,
      requestId: "demo-seed",
    });
    return proceeding;
  };

  const interim = await add(
    {
      court: "high_court_kb",
      kind: "interim_injunction_application",
      neutralCitation: "[2025] EWHC 2183 (KB)",
      judge: "Eyre J",
      reliefSought: "interim_injunction",
      issuedOn: "2025-08-11",
      heardOn: "2025-08-15",
      decidedOn: "2025-08-19",
      outcome: "granted",
      summary:
        "Interim injunction granted under s.187B: use of the hotel for asylum seekers to stop by 16:00 on 12 September 2025 (the council had asked for 14 days). The Home Secretary's application to be joined was refused, with £6,000 costs to the council; an interim declaration was refused; Somani was refused permission to appeal; trial directed to start on 15 October 2025.",
      keyFactors: ["protests and disorder"],
    },
    [
      { name: COUNCIL, role: "claimant", kind: "council" },
      { name: OWNER, role: "defendant", kind: "hotel_owner" },
    ],
  );
  await tx.insert(hearings).values({
    tenantId,
    proceedingId: interim.id,
    heldOn: "2025-08-15",
    kind: "Interim injunction hearing before Eyre J",
  });
  const [injunction] = await tx
    .insert(courtOrders)
    .values({
      tenantId,
      proceedingId: interim.id,
      madeOn: "2025-08-19",
      requires: "Somani Hotels Limited to stop using the Bell Hotel to accommodate asylum seekers",
      dueOn: "2025-09-12",
      dueAt: "16:00",
    })
    .returning({ id: courtOrders.id });
  if (!injunction) throw new Error("The Epping order was not seeded.");
  await add(
    {
      parentId: interim.id,
      relation: "appeal_from",
      court: "court_of_appeal_civil",
      kind: "appeal",
      neutralCitation: "[2025] EWCA Civ 1134",
      judge: "Bean LJ, Nicola Davies LJ, Cobb LJ",
      heardOn: "2025-08-28",
      decidedOn: "2025-08-29",
      judgmentPublishedOn: "2025-09-01",
      outcome: "allowed",
      summary:
        "Appeals allowed and the injunction set aside; summary reasons on 29 August, full judgment on 1 September 2025. The judge had erred in principle: he ignored system-wide capacity, gave weight to protests (a risk of incentivising disorder), and gave too little weight to the status quo and to the council's delay.",
      keyFactors: ["Home Secretary's duty to accommodate", "protests and disorder", "delay"],
    },
    [
      { name: OWNER, role: "appellant", kind: "hotel_owner" },
      { name: COUNCIL, role: "respondent", kind: "council" },
      {
        name: HOME_SECRETARY,
        role: "intervener",
        kind: "home_secretary",
        note: "Refused joinder in the High Court; given permission and made an intervener by the Court of Appeal",
      },
    ],
  ).then(async (appeal) => {
    await tx
      .insert(hearings)
      .values({ tenantId, proceedingId: appeal.id, heldOn: "2025-08-28", kind: "Appeal hearing" });
    // The Court of Appeal set the injunction aside with its summary reasons on 29 August 2025.
    await tx
      .update(courtOrders)
      .set({ status: "set_aside", statusOn: "2025-08-29", statusByProceedingId: appeal.id })
      .where(and(eq(courtOrders.tenantId, tenantId), eq(courtOrders.id, injunction.id)));
    return add(
      {
        parentId: appeal.id,
        relation: "permission_application_about",
        court: "supreme_court",
        kind: "permission_to_appeal",
        judge: "Lord Reed, Lord Leggatt, Lady Simler",
        judgmentPublishedOn: "2025-12-01",
        outcome: "permission_refused",
        summary:
          "The council's application for permission to appeal against the Court of Appeal's decision: refused, with no arguable point of law of general public importance. Decided on a Wednesday (about 26 November 2025) and published on 1 December 2025.",
      },
      [{ name: COUNCIL, role: "appellant", kind: "council", note: "Applicant for permission to appeal" }],
    );
  });
  await add(
    {
      court: "high_court_kb",
      kind: "trial_final_injunction",
      claimNumber: "KB-2025-002908",
      neutralCitation: "[2025] EWHC 2937 (KB)",
      judge: "Mould J",
      reliefSought: "final_injunction",
      decidedOn: "2025-11-11",
      outcome: "refused",
      summary:
        "Three-day trial in October 2025. Claim dismissed: asylum use arguably needed permission (C1 hotel to sui generis hostel), but an injunction was not just, convenient and commensurate. The breach was not flagrant, no conventional enforcement had been tried, harm was limited, and the Home Secretary's need for contingency accommodation weighed against it. Declaration refused (paras 297–300). Para 296: the council can still consider an enforcement notice.",
      keyFactors: [
        "flagrant breach",
        "conventional enforcement tried first",
        "harm evidence",
        "Home Secretary's duty to accommodate",
      ],
    },
    [
      { name: COUNCIL, role: "claimant", kind: "council" },
      { name: OWNER, role: "defendant", kind: "hotel_owner" },
    ],
  );
  return legalCase.id;
}
