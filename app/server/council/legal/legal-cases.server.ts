// Legal cases: create, change, list, read (with their proceedings as chains). Privileged notes
// reach only the council's legal team, officers and council admins. The proceedings (the appeal
// chain) are proceedings.server.ts; their parties, hearings and orders are parties.server.ts,
// hearings.server.ts and orders.server.ts; all find their case with find-case.server.ts.
//
// README, Decision 23: Legal cases are written by the legal team; privileged material is hidden
// from viewers twice. `requireTenantScope(…, "legal-case:write")` guards every change to a case.
// Every member can read a case, but its privileged notes (the `privileged_notes` table), privileged
// documents and privileged timeline events reach only the legal team, officers and council admins:
// the domain functions leave them out for viewers, and row-level-security policies on the role do
// too. Privileged material is never public (database checks), never in the calendar feed, and in a
// chronology only when a member of the legal team ticks the box, which the chronology then says at
// its top.
import { and, desc, eq } from "drizzle-orm";
import { todayInLondon } from "~/lib/dates";
import { isUuid } from "~/lib/ids";
import { CASE_STATUS_LABELS } from "~/lib/legal-codes";
import type { LegalCaseInput } from "~/lib/schemas/legal-case";
import { caseFacts, caseStatusTitle } from "~/lib/timeline-facts";
import type { Transaction } from "~db/client";
import { legalCases, privilegedNotes, sites } from "~db/schema";
import { can } from "../../access/permissions.server";
import { FieldRefused } from "../../access/refusals.server";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";
import { nextReference } from "../references.server";
import { appendTimeline, moveCaseTimeline, syncTimeline, type TimelineSubject } from "../timeline/timeline.server";
import { assertCurrent, updateVersioned } from "../versioned-update.server";
import { courtClockViews, withClocks } from "./court-clocks.server";
import { findCase, type LegalCaseRow } from "./find-case.server";
import { proceedingsOfCase } from "./proceedings.server";

function caseSubject(legalCase: LegalCaseRow): TimelineSubject {
  return {
    type: "legal_case",
    id: legalCase.id,
    siteId: legalCase.siteId,
    legalCaseId: legalCase.id,
    path: `cases/${legalCase.reference}`,
  };
}

async function syncCaseTimeline(tx: Transaction, scope: TenantScope, legalCase: LegalCaseRow) {
  await syncTimeline(tx, scope, caseSubject(legalCase), caseFacts(legalCase));
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
    assertCurrent(before, input.version, "case");
    await checkSite(tx, scope, input.siteId);
    const { version, privilegedNotes: notes, ...changes } = input;
    const after = await updateVersioned(
      tx,
      scope,
      legalCases,
      { before, version, what: "case", action: "legal_case.updated", entityType: "legal_case" },
      changes,
    );
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

/**
 * The case with its proceedings (as chains), their reliefs, parties, hearings, orders and findings,
 * and the time limits their decisions start (court clocks); undefined if not this council's.
 */
export async function getLegalCase(scope: TenantScope, reference: string) {
  return withTenant(scope, async (tx) => {
    const legalCase = await findCase(tx, scope, reference);
    if (!legalCase) return undefined;
    const [siteRows, { proceedings, chains }] = await Promise.all([
      legalCase.siteId
        ? tx
            .select({ reference: sites.reference, name: sites.name })
            .from(sites)
            .where(and(eq(sites.tenantId, scope.tenantId), eq(sites.id, legalCase.siteId)))
        : Promise.resolve([]),
      proceedingsOfCase(tx, scope, legalCase.id),
    ]);
    const [[notes], clocks] = await Promise.all([
      can(scope.role, "privileged:read")
        ? tx
            .select({ body: privilegedNotes.body })
            .from(privilegedNotes)
            .where(and(eq(privilegedNotes.tenantId, scope.tenantId), eq(privilegedNotes.legalCaseId, legalCase.id)))
        : Promise.resolve([]),
      courtClockViews(tx, scope, legalCase.legalBasis, proceedings),
    ]);
    return {
      legalCase: { ...legalCase, privilegedNotes: notes?.body ?? null },
      site: siteRows[0] ?? null,
      proceedings,
      chains: withClocks(chains, clocks),
      canEdit: can(scope.role, "legal-case:write"),
      canDecideClocks: can(scope.role, "court-clock:decide"),
    };
  });
}
