// Court clocks on a case: the time limits its proceedings' decisions start (app/lib/court-clocks.ts
// says which, from the records), each shown on its proceeding as a suggestion until the legal team
// confirms it (it then becomes a deadline: court-clock-deadlines.server.ts) or dismisses it (it
// disappears); both are stored with who and when, and audited. Legal and council admins decide
// ("court-clock:decide"); everyone else reads.
//
// A decision stands for the day the clock ran from when it was taken (`from_on`): if the
// proceeding's decision date is corrected, or it stops being known to the day, the clock is a
// suggestion again, as a deadline marked done reopens when its date changes (README, Decision 28).
// A confirmation may carry the last day the court directed instead of the rule's (CPR 52.12(2)(a));
// the rule's own date is always worked out afresh (README, Decision 15).
import { and, eq, inArray } from "drizzle-orm";
import { COURT_CLOCK_RULES, type CourtClock, courtClocksOf, type SuggestedClock } from "~/lib/court-clocks";
import { type IsoDate, todayInLondon } from "~/lib/dates";
import { formatDate } from "~/lib/format";
import type { LegalBasis } from "~/lib/legal-codes";
import type { Transaction } from "~db/client";
import { courtClockDecisions, type proceedings, users } from "~db/schema";
import { assertCan } from "../../access/permissions.server";
import { ChangeRefused, FieldRefused } from "../../access/refusals.server";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";
import { findCaseProceeding, findProceeding, type ProceedingNode } from "./proceedings.server";

type ProceedingRow = typeof proceedings.$inferSelect;

/** A clock as its proceeding shows it: suggested, or confirmed with its deadline, who and when. */
export interface CourtClockView extends SuggestedClock {
  confirmed: {
    /** The deadline: the date the court directed, else the rule's. */
    dueOn: IsoDate;
    /** Whether the court directed it (instead of the rule's `dueOn`). */
    directed: boolean;
    byName: string | null;
    at: Date;
  } | null;
}

/** The 403 for a member who may not confirm or dismiss a court clock. */
export const MAY_NOT_DECIDE_CLOCKS =
  "You need the legal or council admin role to confirm or dismiss a suggested time limit.";

export const CLOCK_NO_LONGER_APPLIES =
  "This time limit no longer applies to the proceeding (its court, kind or outcome has changed), so nothing has been saved. Reload the case page.";

export const CLOCK_DATE_CHANGED =
  "The decision this time limit runs from has changed since you opened the page, so nothing has been saved. Check the new date and try again.";

/**
 * The clocks of a case's proceedings with what the legal team decided about each: one query for
 * the decisions, however many proceedings. Dismissed clocks are left out.
 */
export async function courtClockViews(
  tx: Transaction,
  scope: TenantScope,
  legalBasis: LegalBasis,
  caseProceedings: readonly ProceedingRow[],
): Promise<CourtClockView[]> {
  const byId = new Map(caseProceedings.map((row) => [row.id, row]));
  const suggested = caseProceedings.flatMap((proceeding) =>
    courtClocksOf(proceeding, {
      parent: proceeding.parentId ? (byId.get(proceeding.parentId) ?? null) : null,
      legalBasis,
    }),
  );
  if (suggested.length === 0) return [];
  const decisions = await tx
    .select({
      proceedingId: courtClockDecisions.proceedingId,
      clock: courtClockDecisions.clock,
      decision: courtClockDecisions.decision,
      fromOn: courtClockDecisions.fromOn,
      directedDueOn: courtClockDecisions.directedDueOn,
      decidedAt: courtClockDecisions.decidedAt,
      byName: users.name,
    })
    .from(courtClockDecisions)
    .leftJoin(users, eq(users.id, courtClockDecisions.decidedByUserId))
    .where(
      and(
        eq(courtClockDecisions.tenantId, scope.tenantId),
        inArray(
          courtClockDecisions.proceedingId,
          suggested.map((clock) => clock.proceedingId),
        ),
      ),
    );
  return suggested.flatMap((clock): CourtClockView[] => {
    const decided = decisions.find(
      (row) =>
        row.proceedingId === clock.proceedingId &&
        row.clock === clock.clock &&
        clock.dueOn !== null &&
        row.fromOn === clock.from,
    );
    if (!decided || !clock.dueOn) return [{ ...clock, confirmed: null }];
    if (decided.decision === "dismissed") return [];
    return [
      {
        ...clock,
        confirmed: {
          dueOn: decided.directedDueOn ?? clock.dueOn,
          directed: decided.directedDueOn !== null,
          byName: decided.byName,
          at: decided.decidedAt,
        },
      },
    ];
  });
}

/** The case's chains with each proceeding's clocks on it. */
export function withClocks(chains: readonly ProceedingNode[], clocks: readonly CourtClockView[]): ProceedingNode[] {
  return chains.map((node) => ({
    ...node,
    clocks: clocks.filter((clock) => clock.proceedingId === node.proceeding.id),
    children: withClocks(node.children, clocks),
  }));
}

export interface CourtClockDecisionInput {
  proceedingId: string;
  clock: CourtClock;
  /** The day the clock ran from on the page the person saw. */
  from: IsoDate;
  decision: "confirmed" | "dismissed";
  /** The last day the court directed instead of the rule's (confirming only). */
  directedDueOn: IsoDate | null;
}

/**
 * Confirms or dismisses a clock a proceeding of this council's case starts, for the day it runs
 * from now (audited, with who and when). False when the case or proceeding is not this council's.
 * Refused, changing nothing, when the clock no longer applies, has no date, runs from another day
 * than the page showed, or was already decided for that day.
 */
export async function decideCourtClock(
  scope: TenantScope,
  caseReference: string,
  input: CourtClockDecisionInput,
): Promise<boolean> {
  assertCan(scope, "court-clock:decide", MAY_NOT_DECIDE_CLOCKS);
  return withTenant(scope, async (tx) => {
    const found = await findCaseProceeding(tx, scope, caseReference, input.proceedingId);
    if (!found) return false;
    const { legalCase, proceeding } = found;
    const parent = await findProceeding(tx, scope, legalCase.id, proceeding.parentId);
    const clock = courtClocksOf(proceeding, { parent: parent ?? null, legalBasis: legalCase.legalBasis }).find(
      (suggested) => suggested.clock === input.clock,
    );
    if (!clock) throw new ChangeRefused(CLOCK_NO_LONGER_APPLIES);
    if (!clock.dueOn || !clock.from) throw new ChangeRefused(clock.noDate ?? CLOCK_DATE_CHANGED);
    if (clock.from !== input.from) throw new ChangeRefused(CLOCK_DATE_CHANGED);
    if (input.decision === "confirmed" && input.directedDueOn && input.directedDueOn < clock.from) {
      throw new FieldRefused(
        "directedDueOn",
        `The date the court directed must be the same as or after the decision it runs from, ${formatDate(clock.from)}`,
      );
    }
    const key = and(
      eq(courtClockDecisions.tenantId, scope.tenantId),
      eq(courtClockDecisions.proceedingId, proceeding.id),
      eq(courtClockDecisions.clock, input.clock),
    );
    const [before] = await tx.select().from(courtClockDecisions).where(key);
    if (before && before.fromOn === clock.from) {
      throw new ChangeRefused(
        `This time limit was already ${before.decision} on ${formatDate(todayInLondon(before.decidedAt))}, so nothing has been saved. Reload the case page.`,
      );
    }
    const values = {
      decision: input.decision,
      fromOn: clock.from,
      directedDueOn: input.decision === "confirmed" ? input.directedDueOn : null,
      decidedByUserId: scope.userId,
      decidedAt: new Date(),
    };
    const [after] = await tx
      .insert(courtClockDecisions)
      .values({ ...values, tenantId: scope.tenantId, proceedingId: proceeding.id, clock: input.clock })
      .onConflictDoUpdate({
        target: [courtClockDecisions.tenantId, courtClockDecisions.proceedingId, courtClockDecisions.clock],
        set: values,
      })
      .returning();
    await recordAudit(tx, scope, {
      action: `court_clock.${input.decision}`,
      entityType: "court_clock",
      entityId: after?.id ?? null,
      before,
      after: after && {
        ...after,
        label: COURT_CLOCK_RULES[input.clock].label,
        source: COURT_CLOCK_RULES[input.clock].source,
        ruleDueOn: clock.dueOn,
      },
    });
    return true;
  });
}
