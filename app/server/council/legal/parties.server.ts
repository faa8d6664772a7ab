// The parties to a court proceeding: add, remove (audited). Parties belong to a proceeding, not the
// case, because they change between levels (README, Decision 21, in proceedings.server.ts).
import { and, eq } from "drizzle-orm";
import { isUuid } from "~/lib/ids";
import type { PartyInput } from "~/lib/schemas/legal-case";
import { proceedingParties } from "~db/schema";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";
import { findCaseProceeding } from "./proceedings.server";

/** Adds a party to a proceeding of this council's case; false when not found. */
export async function addParty(scope: TenantScope, caseReference: string, proceedingId: string, input: PartyInput) {
  return withTenant(scope, async (tx) => {
    const found = await findCaseProceeding(tx, scope, caseReference, proceedingId);
    if (!found) return false;
    const [party] = await tx
      .insert(proceedingParties)
      .values({ ...input, tenantId: scope.tenantId, proceedingId: found.proceeding.id })
      .returning();
    await recordAudit(tx, scope, {
      action: "party.added",
      entityType: "proceeding_party",
      entityId: party?.id ?? null,
      after: party,
    });
    return true;
  });
}

/** Removes a party from a proceeding of this council's case; false when not found. */
export async function removeParty(scope: TenantScope, caseReference: string, proceedingId: string, partyId: string) {
  return withTenant(scope, async (tx) => {
    const found = await findCaseProceeding(tx, scope, caseReference, proceedingId);
    if (!found || !isUuid(partyId)) return false;
    const [removed] = await tx
      .delete(proceedingParties)
      .where(
        and(
          eq(proceedingParties.tenantId, scope.tenantId),
          eq(proceedingParties.proceedingId, found.proceeding.id),
          eq(proceedingParties.id, partyId),
        ),
      )
      .returning();
    if (!removed) return false;
    await recordAudit(tx, scope, {
      action: "party.removed",
      entityType: "proceeding_party",
      entityId: removed.id,
      before: removed,
    });
    return true;
  });
}
