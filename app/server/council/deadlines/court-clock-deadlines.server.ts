// Confirmed court clocks as deadlines: the fourth source of the deadlines list (after planning
// records, court orders and hearings), so they reach the deadlines page, the dashboard and the
// calendar feed, and can be marked done like any other. Kept apart from deadlines.server.ts, which
// calls it in two places (collectDeadlines, currentDeadline).
//
// A clock is a deadline only while the legal team's confirmation stands: the clock still applies to
// the proceeding (app/lib/court-clocks.ts, worked out afresh from its dates) and still runs from the
// day it was confirmed for (app/server/council/legal/court-clocks.server.ts). Its date is the one the
// court directed, when the legal team entered one, else the rule's. As with orders and hearings, a
// concluded case's clocks are not listed.
import { and, eq, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type ClockProceeding, courtClocksOf } from "~/lib/court-clocks";
import { formatDate } from "~/lib/format";
import type { Transaction } from "~db/client";
import { courtClockDecisions, legalCases, proceedings } from "~db/schema";
import type { TenantScope } from "../../access/tenancy.server";
import { caseOf, type DeadlineItem, proceedingColumns } from "./deadlines.server";

/** The proceeding a clock's proceeding appeals from or asks permission about. */
const parent = alias(proceedings, "clock_parent");

/** The council's confirmed clocks with what the rules read (one query); narrowed to one proceeding's by id. */
export function courtClockRows(tx: Transaction, scope: TenantScope, proceedingId?: string) {
  return tx
    .select({
      clock: courtClockDecisions.clock,
      fromOn: courtClockDecisions.fromOn,
      directedDueOn: courtClockDecisions.directedDueOn,
      legalBasis: legalCases.legalBasis,
      parentId: proceedings.parentId,
      relation: proceedings.relation,
      outcome: proceedings.outcome,
      decidedOn: proceedings.decidedOn,
      decidedOnPrecision: proceedings.decidedOnPrecision,
      parentParentId: parent.parentId,
      parentRelation: parent.relation,
      parentCourt: parent.court,
      parentKind: parent.kind,
      parentOutcome: parent.outcome,
      parentDecidedOn: parent.decidedOn,
      parentDecidedOnPrecision: parent.decidedOnPrecision,
      ...proceedingColumns,
    })
    .from(courtClockDecisions)
    .innerJoin(
      proceedings,
      and(eq(proceedings.id, courtClockDecisions.proceedingId), eq(proceedings.tenantId, scope.tenantId)),
    )
    .innerJoin(legalCases, and(eq(legalCases.id, proceedings.caseId), eq(legalCases.tenantId, scope.tenantId)))
    .leftJoin(parent, and(eq(parent.id, proceedings.parentId), eq(parent.tenantId, scope.tenantId)))
    .where(
      and(
        eq(courtClockDecisions.tenantId, scope.tenantId),
        eq(courtClockDecisions.decision, "confirmed"),
        ne(legalCases.status, "concluded"),
        proceedingId ? eq(courtClockDecisions.proceedingId, proceedingId) : undefined,
      ),
    );
}

type CourtClockRow = Awaited<ReturnType<typeof courtClockRows>>[number];

/** The deadlines of confirmed clocks that still stand. */
export function courtClockItems(rows: readonly CourtClockRow[], scope: TenantScope): DeadlineItem[] {
  return rows.flatMap((row): DeadlineItem[] => {
    const proceeding: ClockProceeding = {
      id: row.proceedingId,
      parentId: row.parentId,
      relation: row.relation,
      court: row.court,
      kind: row.proceedingKind,
      outcome: row.outcome,
      decidedOn: row.decidedOn,
      decidedOnPrecision: row.decidedOnPrecision,
    };
    const parentProceeding: ClockProceeding | null =
      row.parentId && row.parentCourt && row.parentKind && row.parentDecidedOnPrecision
        ? {
            id: row.parentId,
            parentId: row.parentParentId,
            relation: row.parentRelation,
            court: row.parentCourt,
            kind: row.parentKind,
            outcome: row.parentOutcome,
            decidedOn: row.parentDecidedOn,
            decidedOnPrecision: row.parentDecidedOnPrecision,
          }
        : null;
    const clock = courtClocksOf(proceeding, { parent: parentProceeding, legalBasis: row.legalBasis }).find(
      (suggested) => suggested.clock === row.clock,
    );
    // Confirmed for a day the clock no longer runs from (or it no longer applies): a suggestion again.
    if (!clock?.dueOn || clock.from !== row.fromOn) return [];
    const rule = row.directedDueOn
      ? `The date the court directed; the rule (${clock.rule.toLowerCase()}) gives ${formatDate(clock.dueOn)}`
      : `${clock.rule}${clock.caution ? `. ${clock.caution}` : ""}`;
    return [
      {
        sourceType: "court_clock",
        sourceId: row.proceedingId,
        deadlineKey: row.clock,
        label: clock.label,
        dueOn: row.directedDueOn ?? clock.dueOn,
        dueAt: null,
        rule,
        source: row.directedDueOn ? `Directed by the court, instead of ${clock.source}` : clock.source,
        belongsTo: caseOf(row, scope),
        done: null,
        orderStatus: null,
      },
    ];
  });
}
