// Legal cases and their parts: a case opened through the app's input shape, or written straight
// into the database with its proceedings, their reliefs, parties, hearings, orders and privileged
// notes.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { LegalCaseInput } from "../../../app/lib/schemas/legal-case";
import { getDb } from "../../../db/client";
import {
  type Council,
  courtOrders,
  hearings,
  legalCases,
  privilegedNotes,
  proceedingParties,
  proceedingReliefs,
  proceedings,
} from "../../../db/schema";

const suffix = () => randomBytes(3).toString("hex").toUpperCase();

/** A legal case as createLegalCase takes it: an issued s.187B injunction claim, every other field empty. */
export function legalCaseInput(values: Partial<LegalCaseInput> = {}): LegalCaseInput {
  return {
    title: "Council v Hotel Owner Ltd",
    siteId: null,
    legalBasis: "s187b_injunction",
    legalBasisOther: null,
    status: "issued",
    decidedToLitigateOn: null,
    decisionTakenBy: null,
    externalRepresentatives: null,
    privilegedNotes: null,
    ...values,
  };
}

/** A legal case (an issued s.187B injunction claim unless given) written straight into the database. */
export async function insertLegalCase(
  council: Council,
  values: Omit<Partial<typeof legalCases.$inferInsert>, "tenantId"> = {},
) {
  const [legalCase] = await getDb()
    .insert(legalCases)
    .values({
      tenantId: council.id,
      reference: `${council.referencePrefix}-L-${suffix()}`,
      title: "Council v Hotel Owner Ltd",
      legalBasis: "s187b_injunction",
      status: "issued",
      ...values,
    })
    .returning({ id: legalCases.id, reference: legalCases.reference });
  if (!legalCase) throw new Error("case not created");
  return legalCase;
}

/** The id of the council's legal case with this reference. */
export async function caseIdOf(council: Council, reference: string): Promise<string> {
  const [legalCase] = await getDb()
    .select({ id: legalCases.id })
    .from(legalCases)
    .where(and(eq(legalCases.tenantId, council.id), eq(legalCases.reference, reference)));
  if (!legalCase) throw new Error(`no legal case ${reference}`);
  return legalCase.id;
}

/** A proceeding in a case, written straight into the database; returns its id. */
export async function insertProceeding(
  council: Council,
  caseId: string,
  values: Omit<typeof proceedings.$inferInsert, "tenantId" | "caseId">,
) {
  const [proceeding] = await getDb()
    .insert(proceedings)
    .values({ tenantId: council.id, caseId, ...values })
    .returning({ id: proceedings.id });
  if (!proceeding) throw new Error("proceeding not created");
  return proceeding.id;
}

/** A legal case with one High Court proceeding (an application for an interim injunction). */
export async function insertCaseWithProceeding(
  council: Council,
  values: Omit<Partial<typeof legalCases.$inferInsert>, "tenantId"> = {},
) {
  const legalCase = await insertLegalCase(council, values);
  const proceedingId = await insertProceeding(council, legalCase.id, {
    court: "high_court_kb",
    kind: "interim_injunction_application",
    claimNumber: "KB-2025-000123",
  });
  return { caseId: legalCase.id, reference: legalCase.reference, proceedingId };
}

/** Reliefs a proceeding sought, each with its outcome, written straight into the database in the order given. */
export async function insertReliefs(
  council: Council,
  proceedingId: string,
  reliefs: Omit<typeof proceedingReliefs.$inferInsert, "tenantId" | "proceedingId" | "position">[],
) {
  await getDb()
    .insert(proceedingReliefs)
    .values(reliefs.map((relief, position) => ({ ...relief, tenantId: council.id, proceedingId, position })));
}

/** A party to a proceeding, written straight into the database. */
export async function insertParty(
  council: Council,
  proceedingId: string,
  values: Omit<typeof proceedingParties.$inferInsert, "tenantId" | "proceedingId">,
) {
  const [party] = await getDb()
    .insert(proceedingParties)
    .values({ tenantId: council.id, proceedingId, ...values })
    .returning({ id: proceedingParties.id });
  if (!party) throw new Error("party not created");
  return party.id;
}

/** A court order in a proceeding, written straight into the database; returns its id. */
export async function insertOrder(
  council: Council,
  proceedingId: string,
  values: Omit<typeof courtOrders.$inferInsert, "tenantId" | "proceedingId">,
) {
  const [order] = await getDb()
    .insert(courtOrders)
    .values({ tenantId: council.id, proceedingId, ...values })
    .returning({ id: courtOrders.id });
  if (!order) throw new Error("order not created");
  return order.id;
}

/** A hearing in a proceeding, written straight into the database; returns its id. */
export async function insertHearing(
  council: Council,
  proceedingId: string,
  values: Omit<typeof hearings.$inferInsert, "tenantId" | "proceedingId">,
) {
  const [hearing] = await getDb()
    .insert(hearings)
    .values({ tenantId: council.id, proceedingId, ...values })
    .returning({ id: hearings.id });
  if (!hearing) throw new Error("hearing not created");
  return hearing.id;
}

/** A case's privileged notes, written straight into the database. */
export async function insertPrivilegedNote(council: Council, legalCaseId: string, body: string) {
  await getDb().insert(privilegedNotes).values({ tenantId: council.id, legalCaseId, body });
}
