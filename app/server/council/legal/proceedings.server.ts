// A legal case's court proceedings, the appeal chain: add, change, read; each proceeding's details
// (its reliefs, parties, hearings, orders and findings, read together in five queries); and the
// proceeding's timeline, which carries its hearings' and orders' dates too. A proceeding's reliefs
// (each kind sought with its own outcome) are written here, with the proceeding, in its
// transaction and its audit entry; parties, hearings and orders are written by parties.server.ts,
// hearings.server.ts and orders.server.ts. `chainOf` only arranges
// rows it is given, so a reader of other councils' proceedings (the precedents library) can draw
// the same chains.
//
// README, Decision 21: Court proceedings form an explicit chain. A proceeding may name the
// proceeding it appeals from, or asks permission to appeal from (`parent_id` with a `relation`), so
// High Court → Court of Appeal → Supreme Court is a tree the case page draws with each appeal
// indented below its source, and navigable both ways. The database refuses a proceeding that is its
// own parent; the domain function refuses one that would appeal from its own appeal. Parties belong
// to a proceeding, not the case, because they change between levels (the Home Secretary was refused
// joinder in the High Court and made an intervener by the Court of Appeal).
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { isUuid } from "~/lib/ids";
import { isOrderLive, orderStatusWords } from "~/lib/order-status";
import type { ProceedingInput, ReliefInput } from "~/lib/schemas/legal-case";
import { hearingFacts, orderFacts, proceedingFacts } from "~/lib/timeline-facts";
import type { Transaction } from "~db/client";
import {
  courtOrders,
  hearings,
  proceedingFindings,
  proceedingParties,
  proceedingReliefs,
  proceedings,
} from "~db/schema";
import { ChangeRefused, FieldRefused } from "../../access/refusals.server";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";
import { syncTimeline, type TimelineSubject } from "../timeline/timeline.server";
import { assertCurrent, updateVersioned } from "../versioned-update.server";
import type { CourtClockView } from "./court-clocks.server";
import { findCase, type LegalCaseRow } from "./find-case.server";

type ProceedingRow = typeof proceedings.$inferSelect;
type OrderRow = typeof courtOrders.$inferSelect;
type ReliefRow = typeof proceedingReliefs.$inferSelect;

/** An order with its status in words ("Set aside on 29 August 2025 by the Court of Appeal …") and whether its deadline is live. */
export type OrderWithStatus = OrderRow & { statusWords: string | null; live: boolean };

export interface ProceedingNode {
  proceeding: typeof proceedings.$inferSelect;
  reliefs: ReliefRow[];
  parties: (typeof proceedingParties.$inferSelect)[];
  hearings: (typeof hearings.$inferSelect)[];
  orders: OrderWithStatus[];
  findings: (typeof proceedingFindings.$inferSelect)[];
  /** The time limits its decision starts, on a council's own case page (court-clocks.server.ts); none elsewhere. */
  clocks: CourtClockView[];
  children: ProceedingNode[];
}

/** Orders with their status in words, naming the proceeding that changed each from the case's proceedings given. */
export function ordersWithStatus(
  orders: readonly OrderRow[],
  caseProceedings: readonly ProceedingRow[],
): OrderWithStatus[] {
  const byId = new Map(caseProceedings.map((proceeding) => [proceeding.id, proceeding]));
  return orders.map((order) => ({
    ...order,
    statusWords: orderStatusWords(
      order,
      order.statusByProceedingId ? (byId.get(order.statusByProceedingId) ?? null) : null,
    ),
    live: isOrderLive(order.status),
  }));
}

export interface ProceedingDetails {
  reliefs: ReliefRow[];
  parties: (typeof proceedingParties.$inferSelect)[];
  hearings: (typeof hearings.$inferSelect)[];
  orders: (typeof courtOrders.$inferSelect)[];
  findings: (typeof proceedingFindings.$inferSelect)[];
}

/** Proceedings as trees: each first-instance proceeding with its appeals and permission applications below it. */
export function chainOf(rows: (typeof proceedings.$inferSelect)[], details: ProceedingDetails): ProceedingNode[] {
  const nodes = new Map<string, ProceedingNode>(
    rows.map((proceeding) => [
      proceeding.id,
      {
        proceeding,
        reliefs: details.reliefs.filter((relief) => relief.proceedingId === proceeding.id),
        parties: details.parties.filter((party) => party.proceedingId === proceeding.id),
        hearings: details.hearings.filter((hearing) => hearing.proceedingId === proceeding.id),
        orders: ordersWithStatus(
          details.orders.filter((order) => order.proceedingId === proceeding.id),
          rows,
        ),
        findings: details.findings.filter((finding) => finding.proceedingId === proceeding.id),
        clocks: [],
        children: [],
      },
    ]),
  );
  const roots: ProceedingNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.proceeding.parentId ? nodes.get(node.proceeding.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The reliefs, parties, hearings, orders and findings of some proceedings: five queries however many there are. */
async function detailsOf(tx: Transaction, scope: TenantScope, proceedingIds: string[]): Promise<ProceedingDetails> {
  if (proceedingIds.length === 0) return { reliefs: [], parties: [], hearings: [], orders: [], findings: [] };
  const [reliefs, parties, hearingRows, orders, findings] = await Promise.all([
    reliefsOf(tx, scope, proceedingIds),
    tx
      .select()
      .from(proceedingParties)
      .where(
        and(eq(proceedingParties.tenantId, scope.tenantId), inArray(proceedingParties.proceedingId, proceedingIds)),
      )
      .orderBy(asc(proceedingParties.createdAt)),
    tx
      .select()
      .from(hearings)
      .where(and(eq(hearings.tenantId, scope.tenantId), inArray(hearings.proceedingId, proceedingIds)))
      .orderBy(asc(hearings.heldOn), asc(hearings.startsAt)),
    tx
      .select()
      .from(courtOrders)
      .where(and(eq(courtOrders.tenantId, scope.tenantId), inArray(courtOrders.proceedingId, proceedingIds)))
      .orderBy(asc(courtOrders.madeOn), asc(courtOrders.createdAt)),
    tx
      .select()
      .from(proceedingFindings)
      .where(
        and(eq(proceedingFindings.tenantId, scope.tenantId), inArray(proceedingFindings.proceedingId, proceedingIds)),
      )
      .orderBy(asc(proceedingFindings.createdAt), asc(proceedingFindings.factor)),
  ]);
  return { reliefs, parties, hearings: hearingRows, orders, findings };
}

/** The reliefs of some proceedings, each proceeding's in the order listed. */
function reliefsOf(tx: Transaction, scope: TenantScope, proceedingIds: string[]) {
  return tx
    .select()
    .from(proceedingReliefs)
    .where(and(eq(proceedingReliefs.tenantId, scope.tenantId), inArray(proceedingReliefs.proceedingId, proceedingIds)))
    .orderBy(asc(proceedingReliefs.proceedingId), asc(proceedingReliefs.position));
}

/** A relief as its proceeding's audit entry keeps it. */
const auditedRelief = ({ kind, outcome, note }: ReliefRow) => ({ kind, outcome, note });

/**
 * Makes a proceeding's reliefs the ones given, in their order (the form sends them all), and
 * returns them as saved. Called in the proceeding's own transaction, before its audit entry.
 */
async function saveReliefs(
  tx: Transaction,
  scope: TenantScope,
  proceedingId: string,
  reliefs: readonly ReliefInput[],
): Promise<ReliefRow[]> {
  await tx
    .delete(proceedingReliefs)
    .where(and(eq(proceedingReliefs.tenantId, scope.tenantId), eq(proceedingReliefs.proceedingId, proceedingId)));
  if (reliefs.length === 0) return [];
  return tx
    .insert(proceedingReliefs)
    .values(reliefs.map((relief, position) => ({ ...relief, tenantId: scope.tenantId, proceedingId, position })))
    .returning();
}

/** A case's proceedings in date order, and the same as chains with their details (six queries). */
export async function proceedingsOfCase(tx: Transaction, scope: TenantScope, caseId: string) {
  const rows = await tx
    .select()
    .from(proceedings)
    .where(and(eq(proceedings.tenantId, scope.tenantId), eq(proceedings.caseId, caseId)))
    .orderBy(asc(proceedings.issuedOn), asc(proceedings.decidedOn), asc(proceedings.createdAt));
  const details = await detailsOf(
    tx,
    scope,
    rows.map((row) => row.id),
  );
  return { proceedings: rows, chains: chainOf(rows, details) };
}

/** A proceeding, or a hearing or order of one: all shown on the proceeding's page. */
function childSubject(type: string, id: string, legalCase: LegalCaseRow, proceedingId: string): TimelineSubject {
  return {
    type,
    id,
    siteId: legalCase.siteId,
    legalCaseId: legalCase.id,
    path: `cases/${legalCase.reference}/proceedings/${proceedingId}`,
  };
}

/**
 * A proceeding's own dates, its hearings' and orders' (whose titles name the proceeding), and those
 * of orders of other proceedings whose status it changed (their titles name it too).
 */
export async function syncProceedingTimeline(
  tx: Transaction,
  scope: TenantScope,
  legalCase: LegalCaseRow,
  proceeding: ProceedingRow,
) {
  const [{ reliefs, hearings: hearingRows, orders, findings }, caseProceedings, ordersChangedHere] = await Promise.all([
    detailsOf(tx, scope, [proceeding.id]),
    tx
      .select()
      .from(proceedings)
      .where(and(eq(proceedings.tenantId, scope.tenantId), eq(proceedings.caseId, legalCase.id))),
    tx
      .select()
      .from(courtOrders)
      .where(
        and(
          eq(courtOrders.tenantId, scope.tenantId),
          eq(courtOrders.statusByProceedingId, proceeding.id),
          ne(courtOrders.proceedingId, proceeding.id),
        ),
      ),
  ]);
  await syncTimeline(
    tx,
    scope,
    childSubject("proceeding", proceeding.id, legalCase, proceeding.id),
    proceedingFacts(
      proceeding,
      hearingRows.map((hearing) => hearing.heldOn),
      findings,
      reliefs,
    ),
  );
  for (const hearing of hearingRows) {
    await syncTimeline(
      tx,
      scope,
      childSubject("hearing", hearing.id, legalCase, proceeding.id),
      hearingFacts(hearing, proceeding),
    );
  }
  const byId = new Map(caseProceedings.map((row) => [row.id, row]));
  byId.set(proceeding.id, proceeding);
  for (const order of [...orders, ...ordersChangedHere]) {
    const ofProceeding = byId.get(order.proceedingId);
    if (!ofProceeding) continue;
    await syncTimeline(
      tx,
      scope,
      childSubject("order", order.id, legalCase, order.proceedingId),
      orderFacts(
        order,
        ofProceeding,
        order.statusByProceedingId ? (byId.get(order.statusByProceedingId) ?? null) : null,
      ),
    );
  }
}

/** This council's proceeding with this id in this case; undefined otherwise (or for an id that is not one). */
export async function findProceeding(tx: Transaction, scope: TenantScope, caseId: string, proceedingId: string | null) {
  if (!proceedingId || !isUuid(proceedingId)) return undefined;
  const [proceeding] = await tx
    .select()
    .from(proceedings)
    .where(
      and(eq(proceedings.tenantId, scope.tenantId), eq(proceedings.caseId, caseId), eq(proceedings.id, proceedingId)),
    )
    .limit(1);
  return proceeding;
}

/** This council's case with this reference and its proceeding with this id; undefined unless both are found. */
export async function findCaseProceeding(
  tx: Transaction,
  scope: TenantScope,
  caseReference: string,
  proceedingId: string,
): Promise<{ legalCase: LegalCaseRow; proceeding: ProceedingRow } | undefined> {
  const legalCase = await findCase(tx, scope, caseReference);
  const proceeding = legalCase ? await findProceeding(tx, scope, legalCase.id, proceedingId) : undefined;
  return legalCase && proceeding ? { legalCase, proceeding } : undefined;
}

/** Returns the new proceeding's id, or undefined when the case is not this council's. */
export async function addProceeding(scope: TenantScope, caseReference: string, input: ProceedingInput) {
  return withTenant(scope, async (tx) => {
    const legalCase = await findCase(tx, scope, caseReference);
    if (!legalCase) return undefined;
    if (input.parentId && !(await findProceeding(tx, scope, legalCase.id, input.parentId))) {
      throw new FieldRefused("parentId", "Choose the earlier proceeding from this case's list");
    }
    const { reliefs, ...values } = input;
    const [proceeding] = await tx
      .insert(proceedings)
      .values({ ...values, tenantId: scope.tenantId, caseId: legalCase.id })
      .returning();
    if (!proceeding) throw new Error("The proceeding was not saved.");
    const saved = await saveReliefs(tx, scope, proceeding.id, reliefs);
    await recordAudit(tx, scope, {
      action: "proceeding.created",
      entityType: "proceeding",
      entityId: proceeding.id,
      after: { ...proceeding, reliefs: saved.map(auditedRelief) },
    });
    await syncProceedingTimeline(tx, scope, legalCase, proceeding);
    return proceeding.id;
  });
}

export async function getProceeding(scope: TenantScope, caseReference: string, proceedingId: string) {
  return withTenant(scope, async (tx) => {
    const found = await findCaseProceeding(tx, scope, caseReference, proceedingId);
    if (!found) return undefined;
    const { legalCase, proceeding } = found;
    const [details, others] = await Promise.all([
      detailsOf(tx, scope, [proceeding.id]),
      tx
        .select()
        .from(proceedings)
        .where(and(eq(proceedings.tenantId, scope.tenantId), eq(proceedings.caseId, legalCase.id))),
    ]);
    return {
      legalCase: { reference: legalCase.reference, title: legalCase.title },
      proceeding,
      ...details,
      orders: ordersWithStatus(details.orders, others),
      others,
    };
  });
}

export async function updateProceeding(
  scope: TenantScope,
  caseReference: string,
  proceedingId: string,
  input: ProceedingInput & { version: number },
): Promise<boolean> {
  return withTenant(scope, async (tx) => {
    const found = await findCaseProceeding(tx, scope, caseReference, proceedingId);
    if (!found) return false;
    const { legalCase, proceeding: before } = found;
    assertCurrent(before, input.version, "proceeding");
    if (input.parentId) {
      // The earlier proceeding must be in this case and must not be this one or come after it in the chain.
      const all = await tx
        .select({ id: proceedings.id, parentId: proceedings.parentId })
        .from(proceedings)
        .where(and(eq(proceedings.tenantId, scope.tenantId), eq(proceedings.caseId, legalCase.id)));
      const parents = new Map(all.map((row) => [row.id, row.parentId]));
      if (!parents.has(input.parentId)) throw new ChangeRefused("Choose the earlier proceeding from this case's list");
      for (let cursor: string | null | undefined = input.parentId; cursor; cursor = parents.get(cursor)) {
        if (cursor === before.id)
          throw new ChangeRefused("A proceeding cannot be an appeal from itself or from its own appeal");
      }
    }
    const { version, reliefs, ...changes } = input;
    // The reliefs change with their proceeding: same transaction, same audit entry (before and after).
    const reliefsBefore = await reliefsOf(tx, scope, [before.id]);
    const reliefsAfter = await saveReliefs(tx, scope, before.id, reliefs);
    const after = await updateVersioned(
      tx,
      scope,
      proceedings,
      {
        before,
        version,
        what: "proceeding",
        action: "proceeding.updated",
        entityType: "proceeding",
        audited: (row, when) => ({
          ...row,
          reliefs: (when === "before" ? reliefsBefore : reliefsAfter).map(auditedRelief),
        }),
      },
      changes,
    );
    await syncProceedingTimeline(tx, scope, legalCase, after);
    return true;
  });
}
