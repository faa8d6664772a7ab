// The lookup every legal module starts from: this council's case with a reference. On its own so
// that the case's module can read its proceedings (proceedings.server.ts) while the proceedings',
// parties', hearings' and orders' modules find their case, without an import cycle.
import { and, eq } from "drizzle-orm";
import type { Transaction } from "~db/client";
import { legalCases } from "~db/schema";
import type { TenantScope } from "../../access/tenancy.server";

export type LegalCaseRow = typeof legalCases.$inferSelect;

/** The case with this reference in this council; undefined when there is none. */
export async function findCase(
  tx: Transaction,
  scope: TenantScope,
  reference: string,
): Promise<LegalCaseRow | undefined> {
  const [legalCase] = await tx
    .select()
    .from(legalCases)
    .where(and(eq(legalCases.tenantId, scope.tenantId), eq(legalCases.reference, reference)))
    .limit(1);
  return legalCase;
}
