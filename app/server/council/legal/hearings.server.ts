// The hearings of a court proceeding: add, remove (audited). A hearing's date is on the case's
// timeline under its proceeding, so each change syncs the proceeding's timeline
// (proceedings.server.ts), which also drops the proceeding's own hearing date once a hearing is
// recorded.
import { and, eq } from "drizzle-orm";
import { isUuid } from "~/lib/ids";
import type { HearingInput } from "~/lib/schemas/legal-case";
import { hearings } from "~db/schema";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";
import { removeTimelineFacts } from "../timeline/timeline.server";
import { findCaseProceeding, syncProceedingTimeline } from "./proceedings.server";

/** Adds a hearing to a proceeding of this council's case; false when not found. */
export async function addHearing(
  scope: TenantScope,
  caseReference: string,
  proceedingId: string,
  input: HearingInput,
): Promise<boolean> {
  return withTenant(scope, async (tx) => {
    const found = await findCaseProceeding(tx, scope, caseReference, proceedingId);
    if (!found) return false;
    const { legalCase, proceeding } = found;
    const [hearing] = await tx
      .insert(hearings)
      .values({ ...input, tenantId: scope.tenantId, proceedingId: proceeding.id })
      .returning();
    if (!hearing) throw new Error("The hearing or order was not saved.");
    await recordAudit(tx, scope, {
      action: "hearing.added",
      entityType: "hearing",
      entityId: hearing.id,
      after: hearing,
    });
    await syncProceedingTimeline(tx, scope, legalCase, proceeding);
    return true;
  });
}

/** Removes a hearing from a proceeding of this council's case, and its date from the timeline; false when not found. */
export async function removeHearing(
  scope: TenantScope,
  caseReference: string,
  proceedingId: string,
  hearingId: string,
): Promise<boolean> {
  return withTenant(scope, async (tx) => {
    const found = await findCaseProceeding(tx, scope, caseReference, proceedingId);
    if (!found || !isUuid(hearingId)) return false;
    const { legalCase, proceeding } = found;
    const [removed] = await tx
      .delete(hearings)
      .where(
        and(
          eq(hearings.tenantId, scope.tenantId),
          eq(hearings.proceedingId, proceeding.id),
          eq(hearings.id, hearingId),
        ),
      )
      .returning();
    if (!removed) return false;
    await removeTimelineFacts(tx, scope, "hearing", removed.id);
    await syncProceedingTimeline(tx, scope, legalCase, proceeding);
    await recordAudit(tx, scope, {
      action: "hearing.removed",
      entityType: "hearing",
      entityId: removed.id,
      before: removed,
    });
    return true;
  });
}
