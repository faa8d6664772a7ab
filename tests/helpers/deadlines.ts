// Builds the records deadlines come from (sites with planning records, legal cases with hearings
// and orders) straight into the test database, and reads a council's deadline completions.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import {
  type Council,
  courtOrders,
  deadlineCompletions,
  hearings,
  legalCases,
  planningRecords,
  proceedings,
  sites,
} from "../../db/schema";

const suffix = () => randomBytes(3).toString("hex").toUpperCase();

export async function insertSite(council: Council, values: Partial<typeof sites.$inferInsert> = {}) {
  const [site] = await getDb()
    .insert(sites)
    .values({
      tenantId: council.id,
      reference: `${council.referencePrefix}-S-${suffix()}`,
      name: "Test Hotel",
      ...values,
    })
    .returning({ id: sites.id, reference: sites.reference });
  if (!site) throw new Error("site not created");
  return site;
}

export async function insertPlanningRecord(
  council: Council,
  siteId: string,
  values: Omit<Partial<typeof planningRecords.$inferInsert>, "tenantId" | "siteId"> &
    Pick<typeof planningRecords.$inferInsert, "kind">,
) {
  const [record] = await getDb()
    .insert(planningRecords)
    .values({ tenantId: council.id, siteId, status: "open", ...values })
    .returning({ id: planningRecords.id });
  if (!record) throw new Error("planning record not created");
  return record.id;
}

/** A legal case with one High Court proceeding. */
export async function insertCase(council: Council, values: Partial<typeof legalCases.$inferInsert> = {}) {
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
  const [proceeding] = await getDb()
    .insert(proceedings)
    .values({
      tenantId: council.id,
      caseId: legalCase.id,
      court: "high_court_kb",
      kind: "interim_injunction_application",
      claimNumber: "KB-2025-000123",
    })
    .returning({ id: proceedings.id });
  if (!proceeding) throw new Error("proceeding not created");
  return { caseId: legalCase.id, reference: legalCase.reference, proceedingId: proceeding.id };
}

export async function insertOrder(
  council: Council,
  proceedingId: string,
  values: Pick<typeof courtOrders.$inferInsert, "madeOn" | "requires" | "dueOn"> & { dueAt?: string | null },
) {
  const [order] = await getDb()
    .insert(courtOrders)
    .values({ tenantId: council.id, proceedingId, ...values })
    .returning({ id: courtOrders.id });
  if (!order) throw new Error("order not created");
  return order.id;
}

export async function insertHearing(
  council: Council,
  proceedingId: string,
  values: Pick<typeof hearings.$inferInsert, "heldOn" | "kind"> & { startsAt?: string | null; notes?: string | null },
) {
  const [hearing] = await getDb()
    .insert(hearings)
    .values({ tenantId: council.id, proceedingId, ...values })
    .returning({ id: hearings.id });
  if (!hearing) throw new Error("hearing not created");
  return hearing.id;
}

export function completionsOf(council: Council) {
  return getDb().select().from(deadlineCompletions).where(eq(deadlineCompletions.tenantId, council.id));
}
