// Stable references shown to users: EF-S-0001 (a site), EF-C-0001 (a complaint), EF-L-0001 (a
// legal case), per council.
//
// README, Decision 18: References come from a per-council counter (`reference_counters`),
// incremented with an upsert inside the transaction that creates the record, so two officers adding
// sites at the same moment get `EF-S-0007` and `EF-S-0008`, never the same one. The prefix is the
// council's `reference_prefix`.
import { eq, sql } from "drizzle-orm";
import type { Transaction } from "~db/client";
import { councils, referenceCounters } from "~db/schema";
import type { TenantScope } from "../access/tenancy.server";

export type ReferenceKind = "S" | "C" | "L";

/** The next reference of a kind; the counter row is locked until the transaction ends. */
export async function nextReference(tx: Transaction, scope: TenantScope, kind: ReferenceKind): Promise<string> {
  const [council] = await tx
    .select({ prefix: councils.referencePrefix })
    .from(councils)
    .where(eq(councils.id, scope.tenantId));
  const [counter] = await tx
    .insert(referenceCounters)
    .values({ tenantId: scope.tenantId, kind, lastValue: 1 })
    .onConflictDoUpdate({
      target: [referenceCounters.tenantId, referenceCounters.kind],
      set: { lastValue: sql`${referenceCounters.lastValue} + 1` },
    })
    .returning({ value: referenceCounters.lastValue });
  if (!council || !counter) throw new Error("Could not number the new record.");
  return `${council.prefix}-${kind}-${String(counter.value).padStart(4, "0")}`;
}
