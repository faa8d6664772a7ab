// The court orders of a proceeding: add, remove, and record a change of status (set aside, stayed,
// …), each audited. An order's date, its deadline to the hour and its status are on the case's
// timeline under its proceeding, so each change syncs the proceeding's timeline
// (proceedings.server.ts). Orders keep their time of day (README, Decision 24, in
// db/schema/court-events.ts); their status is README, Decision 46 (app/lib/order-status.ts).
import { and, eq } from "drizzle-orm";
import { formatDate } from "~/lib/format";
import { isUuid } from "~/lib/ids";
import { ORDER_STATUS_CHANGES } from "~/lib/legal-codes";
import type { OrderInput, OrderStatusInput } from "~/lib/schemas/legal-case";
import { courtOrders } from "~db/schema";
import { assertCan } from "../../access/permissions.server";
import { FieldRefused } from "../../access/refusals.server";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";
import { removeTimelineFacts } from "../timeline/timeline.server";
import { assertCurrent, updateVersioned } from "../versioned-update.server";
import { findCaseProceeding, findProceeding, syncProceedingTimeline } from "./proceedings.server";

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

/**
 * Records where an order stands now (set aside on a date by a proceeding of the same case, say),
 * audited and on the timeline; false when the case, proceeding or order is not this council's.
 * Refuses, changing nothing, a date before the order was made, a changed status without a date,
 * a proceeding of another case and a form loaded before someone else's change.
 */
export async function changeOrderStatus(
  scope: TenantScope,
  caseReference: string,
  proceedingId: string,
  orderId: string,
  input: OrderStatusInput & { version: number },
): Promise<boolean> {
  assertCan(scope, "legal-case:write");
  return withTenant(scope, async (tx) => {
    const found = await findCaseProceeding(tx, scope, caseReference, proceedingId);
    if (!found || !isUuid(orderId)) return false;
    const { legalCase, proceeding } = found;
    const [before] = await tx
      .select()
      .from(courtOrders)
      .where(
        and(
          eq(courtOrders.tenantId, scope.tenantId),
          eq(courtOrders.proceedingId, proceeding.id),
          eq(courtOrders.id, orderId),
        ),
      )
      .limit(1);
    if (!before) return false;
    assertCurrent(before, input.version, "order");
    const change = ORDER_STATUS_CHANGES[input.status];
    if (input.status !== "in_force" && !input.statusOn) {
      throw new FieldRefused("statusOn", `Enter the date the order ${change}`);
    }
    if (input.statusOn && input.statusOn < before.madeOn) {
      throw new FieldRefused(
        "statusOn",
        `The date the order ${change} cannot be before the order was made, on ${formatDate(before.madeOn)}`,
      );
    }
    if (input.statusByProceedingId && !(await findProceeding(tx, scope, legalCase.id, input.statusByProceedingId))) {
      throw new FieldRefused("statusByProceedingId", "Choose the proceeding from this case's list");
    }
    const { version, ...changes } = input;
    await updateVersioned(
      tx,
      scope,
      courtOrders,
      { before, version, what: "order", action: "order.status_changed", entityType: "order" },
      changes,
    );
    await syncProceedingTimeline(tx, scope, legalCase, proceeding);
    return true;
  });
}
