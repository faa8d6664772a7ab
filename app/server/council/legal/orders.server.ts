// The court orders of a proceeding: add, remove (audited). An order's date, and its deadline to the
// hour, are on the case's timeline under its proceeding, so each change syncs the proceeding's
// timeline (proceedings.server.ts). Orders keep their time of day (README, Decision 24, in
// db/schema/court-events.ts).
import { and, eq } from "drizzle-orm";
import { isUuid } from "~/lib/ids";
import type { OrderInput } from "~/lib/schemas/legal-case";
import { courtOrders } from "~db/schema";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";
import { removeTimelineFacts } from "../timeline/timeline.server";
import { findCaseProceeding, syncProceedingTimeline } from "./proceedings.server";

/** Adds an order to a proceeding of this council's case; false when not found. */
export async function addOrder(
  scope: TenantScope,
  caseReference: string,
  proceedingId: string,
  input: OrderInput,
): Promise<boolean> {
  return withTenant(scope, async (tx) => {
    const found = await findCaseProceeding(tx, scope, caseReference, proceedingId);
    if (!found) return false;
    const { legalCase, proceeding } = found;
    const [order] = await tx
      .insert(courtOrders)
      .values({ ...input, tenantId: scope.tenantId, proceedingId: proceeding.id })
      .returning();
    if (!order) throw new Error("The hearing or order was not saved.");
    await recordAudit(tx, scope, { action: "order.added", entityType: "order", entityId: order.id, after: order });
    await syncProceedingTimeline(tx, scope, legalCase, proceeding);
    return true;
  });
}

/** Removes an order from a proceeding of this council's case, and its dates from the timeline; false when not found. */
export async function removeOrder(
  scope: TenantScope,
  caseReference: string,
  proceedingId: string,
  orderId: string,
): Promise<boolean> {
  return withTenant(scope, async (tx) => {
    const found = await findCaseProceeding(tx, scope, caseReference, proceedingId);
    if (!found || !isUuid(orderId)) return false;
    const { legalCase, proceeding } = found;
    const [removed] = await tx
      .delete(courtOrders)
      .where(
        and(
          eq(courtOrders.tenantId, scope.tenantId),
          eq(courtOrders.proceedingId, proceeding.id),
          eq(courtOrders.id, orderId),
        ),
      )
      .returning();
    if (!removed) return false;
    await removeTimelineFacts(tx, scope, "order", removed.id);
    await syncProceedingTimeline(tx, scope, legalCase, proceeding);
    await recordAudit(tx, scope, {
      action: "order.removed",
      entityType: "order",
      entityId: removed.id,
      before: removed,
    });
    return true;
  });
}
