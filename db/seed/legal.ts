// The Epping dispute as a legal case with its proceedings and parties: public record only, from
// the High and Medium rows of the domain fact sheet. No personal data from any criminal case.
import { and, eq } from "drizzle-orm";
import type { Transaction } from "../client";
import {
  auditEvents,
  courtOrders,
  hearings,
  legalCases,
  proceedingFindings,
  proceedingParties,
  proceedingReliefs,
  proceedings,
  referenceCounters,
} from "../schema";

type NewProceeding = typeof proceedings.$inferInsert;
type NewParty = Omit<typeof proceedingParties.$inferInsert, "tenantId" | "proceedingId">;
type NewFinding = Omit<typeof proceedingFindings.$inferInsert, "tenantId" | "proceedingId">;
type NewRelief = Omit<typeof proceedingReliefs.$inferInsert, "tenantId" | "proceedingId" | "position">;

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

  /** A proceeding with its parties and the reliefs it sought (each with what became of it, as facts.md says). */
  const add = async (
    values: Omit<NewProceeding, "tenantId" | "caseId">,
    parties: NewParty[],
    reliefs: NewRelief[] = [],
  ) => {
    const [proceeding] = await tx
      .insert(proceedings)
      .values({ ...values, tenantId, caseId: legalCase.id })
      .returning();
    if (!proceeding) throw new Error("A proceeding was not seeded.");
    await tx
      .insert(proceedingParties)
      .values(parties.map((party) => ({ ...party, tenantId, proceedingId: proceeding.id })));
    if (reliefs.length > 0) {
      await tx
        .insert(proceedingReliefs)
        .values(reliefs.map((relief, position) => ({ ...relief, tenantId, proceedingId: proceeding.id, position })));
    }
    await tx.insert(auditEvents).values({
      tenantId,
      action: "proceeding.created",
      entityType: "proceeding",
      entityId: proceeding.id,
      after: { ...proceeding, reliefs },
      requestId: "demo-seed",
    });
    return proceeding;
  };

  /** The court's findings, only as facts.md states them (never more than the source says). */
  const found = (proceedingId: string, findings: NewFinding[]) =>
    tx.insert(proceedingFindings).values(findings.map((finding) => ({ ...finding, tenantId, proceedingId })));

  const interim = await add(
    {
      court: "high_court_kb",
      kind: "interim_injunction_application",
      neutralCitation: "[2025] EWHC 2183 (KB)",
      judge: "Eyre J",
      // Sources give 11 and 12 August for "lodged": issued on the 11th, served and announced on the 12th
      // (facts.md §1b, Medium); the summary says so rather than choosing silently.
      issuedOn: "2025-08-11",
      heardOn: "2025-08-15",
      decidedOn: "2025-08-19",
      outcome: "granted",
      summary:
        "Claim issued on 11 August 2025 and served and announced on 12 August (sources differ on which day it was lodged). Interim injunction granted under s.187B: use of the hotel for asylum seekers to stop by 16:00 on 12 September 2025 (the council had asked for 14 days). The Home Secretary's application to be joined was refused, with £6,000 costs to the council; an interim declaration was refused; Somani was refused permission to appeal; trial directed to start on 15 October 2025.",
    },
    [
      { name: COUNCIL, role: "claimant", kind: "council" },
      { name: OWNER, role: "defendant", kind: "hotel_owner" },
      // facts.md §1a "Home Secretary's role" and §1b: her late application was refused by Eyre J.
      {
        name: HOME_SECRETARY,
        role: "joinder_refused",
        kind: "home_secretary",
        roleOn: "2025-08-19",
        note: "Applied late to be joined or to intervene; refused, and ordered to pay the council £6,000 costs",
      },
    ],
    // facts.md §1b: the claim sought an interim injunction and a declaration that asylum use is not
    // a use "akin to a hotel"; Eyre J granted the injunction and refused an interim declaration.
    [
      {
        kind: "interim_injunction",
        outcome: "granted",
        note: "Use for asylum seekers to stop by 16:00 on 12 September 2025",
      },
      { kind: "interim_declaration", outcome: "refused", note: 'That asylum use is not a use "akin to a hotel"' },
    ],
  );
  await found(interim.id, [
    {
      factor: "protests and disorder",
      finding: "for_council",
      note: "As the Court of Appeal described the judge's reasoning: he gave weight to the protests.",
    },
  ]);
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
    },
    [
      { name: OWNER, role: "appellant", kind: "hotel_owner" },
      { name: COUNCIL, role: "respondent", kind: "council" },
      // facts.md §1a and §1b: the Court of Appeal reversed the refusal, gave her permission and made
      // her an intervener, with its decision of 29 August 2025. (When she applied is only in a Low row.)
      {
        name: HOME_SECRETARY,
        role: "appellant",
        kind: "home_secretary",
        note: "Against the High Court's refusal to join her",
      },
      {
        name: HOME_SECRETARY,
        role: "intervener",
        kind: "home_secretary",
        roleOn: "2025-08-29",
        note: "Given permission and made an intervener by the Court of Appeal",
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
    await found(appeal.id, [
      {
        factor: "system-wide accommodation capacity",
        finding: "against_council",
        note: "The judge erred in principle by ignoring it.",
      },
      {
        factor: "protests and disorder",
        finding: "noted",
        note: "The judge erred in giving weight to protests: that risks incentivising disorder.",
      },
      {
        factor: "status quo",
        finding: "against_council",
        note: "The judge gave it too little weight.",
      },
      { factor: "delay", finding: "against_council", note: "The judge gave too little weight to the council's delay." },
    ]);
    await add(
      {
        parentId: appeal.id,
        relation: "permission_application_about",
        court: "court_of_appeal_civil",
        kind: "permission_to_appeal",
        decidedOn: "2025-09-01",
        decidedOnPrecision: "early_month",
        outcome: "permission_refused",
        summary:
          "The council asked the Court of Appeal for permission to appeal to the Supreme Court: refused, with no reasons given. Early September 2025 (the exact day was not found).",
      },
      [{ name: COUNCIL, role: "appellant", kind: "council", note: "Applicant for permission to appeal" }],
    );
    return add(
      {
        parentId: appeal.id,
        relation: "permission_application_about",
        court: "supreme_court",
        kind: "permission_to_appeal",
        judge: "Lord Reed, Lord Leggatt, Lady Simler",
        decidedOn: "2025-11-26",
        decidedOnPrecision: "about_day",
        judgmentPublishedOn: "2025-12-01",
        outcome: "permission_refused",
        summary:
          "The council's application for permission to appeal against the Court of Appeal's decision: refused, with no arguable point of law of general public importance. Refused on a Wednesday (about 26 November 2025) and published on 1 December 2025. The Court of Appeal had itself refused permission to go to the Supreme Court in early September 2025 (day not found), giving no reasons.",
      },
      [{ name: COUNCIL, role: "appellant", kind: "council", note: "Applicant for permission to appeal" }],
    );
  });
  const trial = await add(
    {
      court: "high_court_kb",
      kind: "trial_final_injunction",
      claimNumber: "KB-2025-002908",
      neutralCitation: "[2025] EWHC 2937 (KB)",
      judge: "Mould J",
      // "Three-day hearing in October 2025", listed to start on 15 October (facts.md §1b).
      heardOn: "2025-10-11",
      heardOnPrecision: "mid_month",
      decidedOn: "2025-11-11",
      // "Claim dismissed": the final injunction and the declaration it sought were both refused.
      outcome: "dismissed",
      summary:
        "Three-day trial in October 2025. Claim dismissed: asylum use arguably needed permission (C1 hotel to sui generis hostel), but an injunction was not just, convenient and commensurate. The breach was not flagrant, no conventional enforcement had been tried, harm was limited, and the Home Secretary's need for contingency accommodation weighed against it. Declaration refused (paras 297–300). Para 296: the council can still consider an enforcement notice.",
    },
    [
      { name: COUNCIL, role: "claimant", kind: "council" },
      { name: OWNER, role: "defendant", kind: "hotel_owner" },
    ],
    [
      { kind: "final_injunction", outcome: "refused", note: 'Not "just and convenient" or commensurate' },
      { kind: "declaration", outcome: "refused", note: "paras 297–300" },
    ],
  );
  await found(trial.id, [
    {
      factor: "breach of planning control",
      finding: "for_council",
      note: "Asylum use arguably needed permission: a material change from a C1 hotel to a sui generis hostel.",
    },
    { factor: "flagrant breach", finding: "not_present", note: "The breach was not flagrant." },
    {
      factor: "conventional enforcement tried first",
      finding: "not_present",
      note: "No conventional enforcement had been tried; the council can still consider an enforcement notice.",
      paragraph: "para 296",
    },
    {
      factor: "harm evidence",
      finding: "against_council",
      note: "Harm was limited: security fencing caused localised, temporary visual harm to the Green Belt and Conservation Area.",
    },
    {
      factor: "Home Secretary's duty to accommodate",
      finding: "against_council",
      note: "Her need for contingency accommodation was a significant countervailing factor.",
    },
  ]);
  await add(
    {
      parentId: trial.id,
      relation: "permission_application_about",
      court: "court_of_appeal_civil",
      kind: "permission_to_appeal",
      judge: "Andrews LJ, Holgate LJ",
      heardOn: "2026-03-01",
      heardOnPrecision: "month",
      decidedOn: "2026-03-01",
      decidedOnPrecision: "month",
      outcome: "permission_refused",
      summary:
        'The council\'s application for permission to appeal against Mould J\'s decision: refused. The appeal was "unarguable" and its criticisms of the judge "hopeless". Heard and decided in March 2026; the exact date and any citation were not found (one report, Medium confidence).',
    },
    [{ name: COUNCIL, role: "appellant", kind: "council", note: "Applicant for permission to appeal" }],
  );
  return legalCase.id;
}
