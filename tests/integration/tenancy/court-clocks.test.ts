// Council B against council A's court clocks: B's legal team cannot confirm or dismiss a clock of
// A's proceeding (404 through either council's address, nothing written), its scope decides
// nothing of A's, its deadlines and feed never show A's confirmed clock, and row-level security
// hides A's decisions from B's transactions and refuses one of B's that names A's proceeding.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInLondon } from "~/lib/dates";
import { action as caseAction } from "~/routes/c.$slug.cases.$reference._index/route";
import { withTenant } from "~/server/access/tenancy.server";
import { listDeadlines } from "~/server/council/deadlines/deadlines.server";
import { decideCourtClock } from "~/server/council/legal/court-clocks.server";
import { getDb } from "~db/client";
import { auditEvents, courtClockDecisions } from "~db/schema";
import { refusalOf } from "../../helpers/db-errors";
import {
  type CouncilWithOfficer,
  councilWithOfficer,
  insertLegalCase,
  insertProceeding,
  memberCookie,
  scopeFor,
} from "../../helpers/factories";
import { formRequest, run } from "../../helpers/http";

let a: CouncilWithOfficer;
let b: CouncilWithOfficer;
let caseA: string;
let proceedingA: string;
let legalBCookie: string;
const decidedOn = addDays(todayInLondon(), -5);

async function snapshotOfA() {
  return {
    decisions: await getDb().select().from(courtClockDecisions).where(eq(courtClockDecisions.tenantId, a.council.id)),
    audit: await getDb().select().from(auditEvents).where(eq(auditEvents.tenantId, a.council.id)),
  };
}

beforeAll(async () => {
  a = await councilWithOfficer({ referencePrefix: "AK" });
  b = await councilWithOfficer({ referencePrefix: "BK" });
  legalBCookie = await memberCookie(b.council, "legal");
  const legalCase = await insertLegalCase(a.council, { status: "issued" });
  caseA = legalCase.reference;
  proceedingA = await insertProceeding(a.council, legalCase.id, {
    court: "high_court_kb",
    kind: "trial_final_injunction",
    decidedOn,
    outcome: "dismissed",
  });
  // One of A's clocks confirmed by A's own legal team: a deadline of A's.
  const scopeA = await scopeFor(a.council, await memberCookie(a.council, "legal"), "court-clock:decide");
  await decideCourtClock(scopeA, caseA, {
    proceedingId: proceedingA,
    clock: "appellants_notice",
    from: decidedOn,
    decision: "confirmed",
    directedDueOn: null,
  });
});

describe("council B's legal team against council A's court clocks", () => {
  it("cannot confirm or dismiss one, through A's address or B's", async () => {
    const before = await snapshotOfA();
    expect(before.decisions).toHaveLength(1);
    for (const slug of [a.council.slug, b.council.slug]) {
      for (const intent of ["confirm-clock", "dismiss-clock"]) {
        const outcome = await run(() =>
          caseAction({
            request: formRequest(
              `/c/${slug}/cases/${caseA}`,
              { intent, proceedingId: proceedingA, clock: "appellants_notice", from: decidedOn },
              { cookie: legalBCookie },
            ),
            params: { slug, reference: caseA },
            context: {},
          }),
        );
        expect(outcome.status, `${slug} ${intent}`).toBe(404);
      }
    }
    const scopeB = await scopeFor(b.council, legalBCookie, "court-clock:decide");
    expect(
      await decideCourtClock(scopeB, caseA, {
        proceedingId: proceedingA,
        clock: "appellants_notice",
        from: decidedOn,
        decision: "dismissed",
        directedDueOn: null,
      }),
    ).toBe(false);
    expect(await snapshotOfA()).toEqual(before);
  });

  it("never sees A's confirmed clock, and the database refuses B a decision naming A's proceeding", async () => {
    const scopeB = await scopeFor(b.council, legalBCookie, "court-clock:decide");
    expect((await listDeadlines(scopeB)).map((item) => item.sourceId)).not.toContain(proceedingA);
    expect(
      await withTenant(scopeB, (tx) => tx.select({ id: courtClockDecisions.id }).from(courtClockDecisions)),
    ).toEqual([]);
    for (const tenantId of [b.council.id, a.council.id]) {
      expect(
        await refusalOf(
          withTenant(scopeB, (tx) =>
            tx.insert(courtClockDecisions).values({
              tenantId,
              proceedingId: proceedingA,
              clock: "appellants_notice",
              decision: "dismissed",
              fromOn: decidedOn,
            }),
          ),
        ),
      ).toMatch(/court_clock_decisions_proceeding_fk|row-level security/);
    }
  });
});
