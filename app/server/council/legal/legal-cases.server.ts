// Legal cases and their court proceedings (with the appeal chain) and parties: create, change,
// read. Privileged notes reach only the council's legal team, officers and council admins.
//
// README, Decision 21: Court proceedings form an explicit chain. A proceeding may name the
// proceeding it appeals from, or asks permission to appeal from (`parent_id` with a `relation`), so
// High Court → Court of Appeal → Supreme Court is a tree the case page draws with each appeal
// indented below its source, and navigable both ways. The database refuses a proceeding that is its
// own parent; the domain function refuses one that would appeal from its own appeal. Parties belong
// to a proceeding, not the case, because they change between levels (the Home Secretary was refused
// joinder in the High Court and made an intervener by the Court of Appeal).
//
// README, Decision 23: Legal cases are written by the legal team; privileged material is hidden
// from viewers twice. `requireTenantScope(…, "legal-case:write")` guards every change to a case.
// Every member can read a case, but its privileged notes (the `privileged_notes` table), privileged
// documents and privileged timeline events reach only the legal team, officers and council admins:
// the domain functions leave them out for viewers, and row-level-security policies on the role do
// too. Privileged material is never public (database checks), never in the calendar feed, and in a
// chronology only when a member of the legal team ticks the box, which the chronology then says at
// its top.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { todayInLondon } from "~/lib/dates";
import { isUuid } from "~/lib/ids";
import { CASE_STATUS_LABELS } from "~/lib/legal-codes";
import type { HearingInput, LegalCaseInput, OrderInput, PartyInput, ProceedingInput } from "~/lib/schemas/legal-case";
import { caseFacts, caseStatusTitle, hearingFacts, orderFacts, proceedingFacts } from "~/lib/timeline-facts";
import type { Transaction } from "~db/client";
import { courtOrders, hearings, legalCases, privilegedNotes, proceedingParties, proceedings, sites } from "~db/schema";
import { can } from "../../access/permissions.server";
import { ChangeRefused, FieldRefused, staleMessage } from "../../access/refusals.server";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";
import { nextReference } from "../references.server";
import {
  appendTimeline,
  moveCaseTimeline,
  removeTimelineFacts,
  syncTimeline,
  type TimelineSubject,
} from "../timeline/timeline.server";

type LegalCaseRow = typeof legalCases.$inferSelect;
type ProceedingRow = typeof proceedings.$inferSelect;

function caseSubject(legalCase: LegalCaseRow): TimelineSubject {
  return {
    type: "legal_case",
    id: legalCase.id,
    siteId: legalCase.siteId,
    legalCaseId: legalCase.id,
    path: `cases/${legalCase.reference}`,
  };
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

async function syncCaseTimeline(tx: Transaction, scope: TenantScope, legalCase: LegalCaseRow) {
  await syncTimeline(tx, scope, caseSubject(legalCase), caseFacts(legalCase));
}

/** A proceeding's own dates, and its hearings' and orders' (whose titles name the proceeding). */
async function syncProceedingTimeline(
  tx: Transaction,
  scope: TenantScope,
  legalCase: LegalCaseRow,
  proceeding: ProceedingRow,
) {
  const { hearings: hearingRows, orders } = await detailsOf(tx, scope, [proceeding.id]);
  await syncTimeline(
    tx,
    scope,
    childSubject("proceeding", proceeding.id, legalCase, proceeding.id),
    proceedingFacts(
      proceeding,
      hearingRows.map((hearing) => hearing.heldOn),
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
  for (const order of orders) {
    await syncTimeline(
      tx,
      scope,
      childSubject("order", order.id, legalCase, proceeding.id),
      orderFacts(order, proceeding),
    );
  }
}

async function checkSite(tx: Transaction, scope: TenantScope, siteId: string | null) {
  if (siteId === null) return;
  const [site] = isUuid(siteId)
    ? await tx
        .select({ id: sites.id })
        .from(sites)
        .where(and(eq(sites.tenantId, scope.tenantId), eq(sites.id, siteId)))
    : [];
  if (!site) throw new FieldRefused("siteId", "Choose a site from the list");
}

/** Writes, replaces or clears a case's privileged notes (audited; only roles that may read them). */
async function savePrivilegedNotes(tx: Transaction, scope: TenantScope, legalCaseId: string, body: string | null) {
  const [before] = await tx
    .select()
    .from(privilegedNotes)
    .where(and(eq(privilegedNotes.tenantId, scope.tenantId), eq(privilegedNotes.legalCaseId, legalCaseId)));
  if ((before?.body ?? null) === body) return;
  let after: typeof privilegedNotes.$inferSelect | undefined;
  if (body === null) {
    await tx
      .delete(privilegedNotes)
      .where(and(eq(privilegedNotes.tenantId, scope.tenantId), eq(privilegedNotes.legalCaseId, legalCaseId)));
  } else {
    [after] = await tx
      .insert(privilegedNotes)
      .values({ tenantId: scope.tenantId, legalCaseId, body, updatedByUserId: scope.userId })
      .onConflictDoUpdate({
        target: privilegedNotes.legalCaseId,
        set: { body, updatedByUserId: scope.userId, updatedAt: new Date() },
      })
      .returning();
  }
  await recordAudit(tx, scope, {
    action: "privileged_note.updated",
    entityType: "privileged_note",
    entityId: legalCaseId,
    before,
    after,
  });
}

async function findCase(tx: Transaction, scope: TenantScope, reference: string) {
  const [legalCase] = await tx
    .select()
    .from(legalCases)
    .where(and(eq(legalCases.tenantId, scope.tenantId), eq(legalCases.reference, reference)))
    .limit(1);
  return legalCase;
}

export async function createLegalCase(scope: TenantScope, input: LegalCaseInput): Promise<string> {
  return withTenant(scope, async (tx) => {
    await checkSite(tx, scope, input.siteId);
    const reference = await nextReference(tx, scope, "L");
    const { privilegedNotes: notes, ...fields } = input;
    const [legalCase] = await tx
      .insert(legalCases)
      .values({ ...fields, tenantId: scope.tenantId, reference })
      .returning();
    if (!legalCase) throw new Error("The case was not saved.");
    await recordAudit(tx, scope, {
      action: "legal_case.created",
      entityType: "legal_case",
      entityId: legalCase.id,
      after: legalCase,
    });
    await savePrivilegedNotes(tx, scope, legalCase.id, notes);
    await syncCaseTimeline(tx, scope, legalCase);
    return reference;
  });
}

export async function updateLegalCase(
  scope: TenantScope,
  reference: string,
  input: LegalCaseInput & { version: number },
) {
  return withTenant(scope, async (tx) => {
    const before = await findCase(tx, scope, reference);
    if (!before) return false;
    if (before.version !== input.version) throw new ChangeRefused(staleMessage("case"));
    await checkSite(tx, scope, input.siteId);
    const { version, privilegedNotes: notes, ...changes } = input;
    const [after] = await tx
      .update(legalCases)
      .set({ ...changes, version: version + 1, updatedAt: new Date() })
      .where(
        and(eq(legalCases.tenantId, scope.tenantId), eq(legalCases.id, before.id), eq(legalCases.version, version)),
      )
      .returning();
    if (!after) throw new ChangeRefused(staleMessage("case"));
    await recordAudit(tx, scope, {
      action: "legal_case.updated",
      entityType: "legal_case",
      entityId: after.id,
      before,
      after,
    });
    if (can(scope.role, "privileged:read")) await savePrivilegedNotes(tx, scope, after.id, notes);
    if (after.siteId !== before.siteId) await moveCaseTimeline(tx, scope, after.id, after.siteId);
    await syncCaseTimeline(tx, scope, after);
    if (after.status !== before.status) {
      await appendTimeline(tx, scope, caseSubject(after), {
        occurredOn: todayInLondon(),
        kind: "case",
        title: caseStatusTitle(after.status),
        description: `Was: ${CASE_STATUS_LABELS[before.status].toLowerCase()}.`,
      });
    }
    return true;
  });
}

export async function listLegalCases(scope: TenantScope) {
  return withTenant(scope, (tx) =>
    tx
      .select({
        reference: legalCases.reference,
        title: legalCases.title,
        legalBasis: legalCases.legalBasis,
        status: legalCases.status,
        siteReference: sites.reference,
        siteName: sites.name,
        updatedAt: legalCases.updatedAt,
      })
      .from(legalCases)
      .leftJoin(sites, and(eq(sites.id, legalCases.siteId), eq(sites.tenantId, scope.tenantId)))
      .where(eq(legalCases.tenantId, scope.tenantId))
      .orderBy(desc(legalCases.reference)),
  );
}

export interface ProceedingNode {
  proceeding: typeof proceedings.$inferSelect;
  parties: (typeof proceedingParties.$inferSelect)[];
  hearings: (typeof hearings.$inferSelect)[];
  orders: (typeof courtOrders.$inferSelect)[];
  children: ProceedingNode[];
}

interface ProceedingDetails {
  parties: (typeof proceedingParties.$inferSelect)[];
  hearings: (typeof hearings.$inferSelect)[];
  orders: (typeof courtOrders.$inferSelect)[];
}

/** Proceedings as trees: each first-instance proceeding with its appeals and permission applications below it. */
function chainOf(rows: (typeof proceedings.$inferSelect)[], details: ProceedingDetails): ProceedingNode[] {
  const nodes = new Map<string, ProceedingNode>(
    rows.map((proceeding) => [
      proceeding.id,
      {
        proceeding,
        parties: details.parties.filter((party) => party.proceedingId === proceeding.id),
        hearings: details.hearings.filter((hearing) => hearing.proceedingId === proceeding.id),
        orders: details.orders.filter((order) => order.proceedingId === proceeding.id),
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

/** The parties, hearings and orders of some proceedings: three queries however many there are. */
async function detailsOf(tx: Transaction, scope: TenantScope, proceedingIds: string[]): Promise<ProceedingDetails> {
  if (proceedingIds.length === 0) return { parties: [], hearings: [], orders: [] };
  const [parties, hearingRows, orders] = await Promise.all([
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
  ]);
  return { parties, hearings: hearingRows, orders };
}

/** The case with its proceedings (as chains), parties, hearings and orders; undefined if not this council's. */
export async function getLegalCase(scope: TenantScope, reference: string) {
  return withTenant(scope, async (tx) => {
    const legalCase = await findCase(tx, scope, reference);
    if (!legalCase) return undefined;
    const [siteRows, proceedingRows] = await Promise.all([
      legalCase.siteId
        ? tx
            .select({ reference: sites.reference, name: sites.name })
            .from(sites)
            .where(and(eq(sites.tenantId, scope.tenantId), eq(sites.id, legalCase.siteId)))
        : Promise.resolve([]),
      tx
        .select()
        .from(proceedings)
        .where(and(eq(proceedings.tenantId, scope.tenantId), eq(proceedings.caseId, legalCase.id)))
        .orderBy(asc(proceedings.issuedOn), asc(proceedings.decidedOn), asc(proceedings.createdAt)),
    ]);
    const details = await detailsOf(
      tx,
      scope,
      proceedingRows.map((row) => row.id),
    );
    const [notes] = can(scope.role, "privileged:read")
      ? await tx
          .select({ body: privilegedNotes.body })
          .from(privilegedNotes)
          .where(and(eq(privilegedNotes.tenantId, scope.tenantId), eq(privilegedNotes.legalCaseId, legalCase.id)))
      : [];
    return {
      legalCase: { ...legalCase, privilegedNotes: notes?.body ?? null },
      site: siteRows[0] ?? null,
      proceedings: proceedingRows,
      chains: chainOf(proceedingRows, details),
      canEdit: can(scope.role, "legal-case:write"),
    };
  });
}

async function findProceeding(tx: Transaction, scope: TenantScope, caseId: string, proceedingId: string | null) {
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

/** Returns the new proceeding's id, or undefined when the case is not this council's. */
export async function addProceeding(scope: TenantScope, caseReference: string, input: ProceedingInput) {
  return withTenant(scope, async (tx) => {
    const legalCase = await findCase(tx, scope, caseReference);
    if (!legalCase) return undefined;
    if (input.parentId && !(await findProceeding(tx, scope, legalCase.id, input.parentId))) {
      throw new FieldRefused("parentId", "Choose the earlier proceeding from this case's list");
    }
    const [proceeding] = await tx
      .insert(proceedings)
      .values({ ...input, tenantId: scope.tenantId, caseId: legalCase.id })
      .returning();
    if (!proceeding) throw new Error("The proceeding was not saved.");
    await recordAudit(tx, scope, {
      action: "proceeding.created",
      entityType: "proceeding",
      entityId: proceeding.id,
      after: proceeding,
    });
    await syncProceedingTimeline(tx, scope, legalCase, proceeding);
    return proceeding.id;
  });
}

export async function getProceeding(scope: TenantScope, caseReference: string, proceedingId: string) {
  return withTenant(scope, async (tx) => {
    const legalCase = await findCase(tx, scope, caseReference);
    if (!legalCase) return undefined;
    const proceeding = await findProceeding(tx, scope, legalCase.id, proceedingId);
    if (!proceeding) return undefined;
    const [details, others] = await Promise.all([
      detailsOf(tx, scope, [proceeding.id]),
      tx
        .select()
        .from(proceedings)
        .where(and(eq(proceedings.tenantId, scope.tenantId), eq(proceedings.caseId, legalCase.id))),
    ]);
    return { legalCase: { reference: legalCase.reference, title: legalCase.title }, proceeding, ...details, others };
  });
}

export async function updateProceeding(
  scope: TenantScope,
  caseReference: string,
  proceedingId: string,
  input: ProceedingInput & { version: number },
): Promise<boolean> {
  return withTenant(scope, async (tx) => {
    const legalCase = await findCase(tx, scope, caseReference);
    if (!legalCase) return false;
    const before = await findProceeding(tx, scope, legalCase.id, proceedingId);
    if (!before) return false;
    if (before.version !== input.version) throw new ChangeRefused(staleMessage("proceeding"));
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
    const { version, ...changes } = input;
    const [after] = await tx
      .update(proceedings)
      .set({ ...changes, version: version + 1, updatedAt: new Date() })
      .where(
        and(eq(proceedings.tenantId, scope.tenantId), eq(proceedings.id, before.id), eq(proceedings.version, version)),
      )
      .returning();
    if (!after) throw new ChangeRefused(staleMessage("proceeding"));
    await recordAudit(tx, scope, {
      action: "proceeding.updated",
      entityType: "proceeding",
      entityId: after.id,
      before,
      after,
    });
    await syncProceedingTimeline(tx, scope, legalCase, after);
    return true;
  });
}

export async function addParty(scope: TenantScope, caseReference: string, proceedingId: string, input: PartyInput) {
  return withTenant(scope, async (tx) => {
    const legalCase = await findCase(tx, scope, caseReference);
    const proceeding = legalCase ? await findProceeding(tx, scope, legalCase.id, proceedingId) : undefined;
    if (!proceeding) return false;
    const [party] = await tx
      .insert(proceedingParties)
      .values({ ...input, tenantId: scope.tenantId, proceedingId: proceeding.id })
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

export async function removeParty(scope: TenantScope, caseReference: string, proceedingId: string, partyId: string) {
  return withTenant(scope, async (tx) => {
    const legalCase = await findCase(tx, scope, caseReference);
    const proceeding = legalCase ? await findProceeding(tx, scope, legalCase.id, proceedingId) : undefined;
    if (!proceeding || !isUuid(partyId)) return false;
    const [removed] = await tx
      .delete(proceedingParties)
      .where(
        and(
          eq(proceedingParties.tenantId, scope.tenantId),
          eq(proceedingParties.proceedingId, proceeding.id),
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

type Attachment = "hearing" | "order";

/** Adds a hearing or an order to a proceeding of this council's case; false when not found. */
export async function addCourtEvent(
  scope: TenantScope,
  caseReference: string,
  proceedingId: string,
  event: { type: "hearing"; input: HearingInput } | { type: "order"; input: OrderInput },
): Promise<boolean> {
  return withTenant(scope, async (tx) => {
    const legalCase = await findCase(tx, scope, caseReference);
    const proceeding = legalCase ? await findProceeding(tx, scope, legalCase.id, proceedingId) : undefined;
    if (!proceeding) return false;
    const values = { tenantId: scope.tenantId, proceedingId: proceeding.id };
    const [row] =
      event.type === "hearing"
        ? await tx
            .insert(hearings)
            .values({ ...event.input, ...values })
            .returning()
        : await tx
            .insert(courtOrders)
            .values({ ...event.input, ...values })
            .returning();
    if (!row || !legalCase) throw new Error("The hearing or order was not saved.");
    await recordAudit(tx, scope, {
      action: `${event.type}.added`,
      entityType: event.type,
      entityId: row.id,
      after: row,
    });
    await syncProceedingTimeline(tx, scope, legalCase, proceeding);
    return true;
  });
}

export async function removeCourtEvent(
  scope: TenantScope,
  caseReference: string,
  proceedingId: string,
  type: Attachment,
  eventId: string,
): Promise<boolean> {
  return withTenant(scope, async (tx) => {
    const legalCase = await findCase(tx, scope, caseReference);
    const proceeding = legalCase ? await findProceeding(tx, scope, legalCase.id, proceedingId) : undefined;
    if (!proceeding || !isUuid(eventId)) return false;
    const [removed] =
      type === "hearing"
        ? await tx
            .delete(hearings)
            .where(
              and(
                eq(hearings.tenantId, scope.tenantId),
                eq(hearings.proceedingId, proceeding.id),
                eq(hearings.id, eventId),
              ),
            )
            .returning()
        : await tx
            .delete(courtOrders)
            .where(
              and(
                eq(courtOrders.tenantId, scope.tenantId),
                eq(courtOrders.proceedingId, proceeding.id),
                eq(courtOrders.id, eventId),
              ),
            )
            .returning();
    if (!removed) return false;
    await removeTimelineFacts(tx, scope, type, removed.id);
    if (legalCase) await syncProceedingTimeline(tx, scope, legalCase, proceeding);
    await recordAudit(tx, scope, {
      action: `${type}.removed`,
      entityType: type,
      entityId: removed.id,
      before: removed,
    });
    return true;
  });
}
