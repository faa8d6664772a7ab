// Council B against council A's deadlines and calendar feed: B cannot mark A's deadline done or
// reopen it, sees none of A's deadlines on its page or in its feed, and A's feed address gives
// only A's data; row-level security hides A's completions and feeds from B's transactions.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { action as calendarAction, loader as calendarLoader } from "~/routes/c.$slug.calendar";
import { action as deadlinesAction, loader as deadlinesLoader } from "~/routes/c.$slug.deadlines";
import { loader as feedLoader } from "~/routes/calendar.$token[.ics]";
import { withTenant } from "~/server/access/tenancy.server";
import { createCalendarFeed } from "~/server/council/deadlines/calendar-feed.server";
import { listDeadlines, markDeadlineDone, reopenDeadline } from "~/server/council/deadlines/deadlines.server";
import { getDb } from "~db/client";
import { auditEvents, calendarFeeds, deadlineCompletions } from "~db/schema";
import {
  type CouncilWithOfficer,
  completionsOf,
  councilWithOfficer,
  insertCaseWithProceeding,
  insertHearing,
  insertOrder,
  insertPlanningRecord,
  insertSite,
  memberScope,
} from "../../helpers/factories";
import { formRequest, getRequest, ORIGIN, run } from "../../helpers/http";

let a: CouncilWithOfficer;
let b: CouncilWithOfficer;
let recordA: string;
let orderA: string;
let hearingA: string;
let feedA: string;
let feedB: string;

async function snapshotOfA() {
  return {
    completions: await completionsOf(a.council),
    feeds: await getDb().select().from(calendarFeeds).where(eq(calendarFeeds.tenantId, a.council.id)),
    audit: await getDb().select().from(auditEvents).where(eq(auditEvents.tenantId, a.council.id)),
  };
}

async function feedText(token: string) {
  const response = await feedLoader({
    request: new Request(`${ORIGIN}/calendar/${token}.ics`),
    params: { token },
    context: {},
  });
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  a = await councilWithOfficer({ referencePrefix: "AD", name: "Council A" });
  b = await councilWithOfficer({ referencePrefix: "BD", name: "Council B" });
  const siteA = await insertSite(a.council, { name: "Council A's Hotel" });
  recordA = await insertPlanningRecord(a.council, siteA.id, {
    kind: "planning_contravention_notice",
    reference: "A-PCN",
    servedOn: "2025-08-09",
  });
  const caseA = await insertCaseWithProceeding(a.council, { title: "Council A v Owner" });
  orderA = await insertOrder(a.council, caseA.proceedingId, {
    madeOn: "2025-08-19",
    requires: "A's order",
    dueOn: "2025-09-12",
    dueAt: "16:00",
  });
  hearingA = await insertHearing(a.council, caseA.proceedingId, { heldOn: "2025-08-15", kind: "A's hearing" });
  await markDeadlineDone(a.scope, { sourceType: "court_order", sourceId: orderA, deadlineKey: "order-due" });

  const siteB = await insertSite(b.council, { name: "Council B's Hotel" });
  await insertPlanningRecord(b.council, siteB.id, {
    kind: "planning_contravention_notice",
    reference: "B-PCN",
    servedOn: "2025-08-09",
  });
  feedA = (await createCalendarFeed(a.scope)).token;
  feedB = (await createCalendarFeed(b.scope)).token;
});

describe("council B against council A's deadlines", () => {
  it.each([
    ["mark A's planning deadline done", "done", "planning_record", () => recordA, "response-due"],
    ["mark A's hearing done", "done", "hearing", () => hearingA, "hearing"],
    ["reopen A's order", "reopen", "court_order", () => orderA, "order-due"],
  ])("cannot %s through B's page: 404, nothing changes", async (_, intent, sourceType, sourceId, deadlineKey) => {
    const before = await snapshotOfA();
    const outcome = await run(() =>
      deadlinesAction({
        request: formRequest(
          `/c/${b.council.slug}/deadlines`,
          { intent, sourceType, sourceId: sourceId(), deadlineKey },
          { cookie: b.cookie },
        ),
        params: { slug: b.council.slug },
        context: {},
      }),
    );
    expect(outcome.status).toBe(404);
    expect(await snapshotOfA()).toEqual(before);
  });

  it("cannot reach A's deadlines page or calendar page at all (404)", async () => {
    const deadlinesPage = await run(() =>
      deadlinesLoader({
        request: getRequest(`/c/${a.council.slug}/deadlines`, b.cookie),
        params: { slug: a.council.slug },
        context: {},
      }),
    );
    expect(deadlinesPage.status).toBe(404);
    const calendarPage = await run(() =>
      calendarLoader({
        request: getRequest(`/c/${a.council.slug}/calendar`, b.cookie),
        params: { slug: a.council.slug },
        context: {},
      }),
    );
    expect(calendarPage.status).toBe(404);
    const before = await snapshotOfA();
    const post = await run(() =>
      deadlinesAction({
        request: formRequest(
          `/c/${a.council.slug}/deadlines`,
          { intent: "done", sourceType: "planning_record", sourceId: recordA, deadlineKey: "response-due" },
          { cookie: b.cookie },
        ),
        params: { slug: a.council.slug },
        context: {},
      }),
    );
    expect(post.status).toBe(404);
    const feed = await run(() =>
      calendarAction({
        request: formRequest(`/c/${a.council.slug}/calendar`, { intent: "create-address" }, { cookie: b.cookie }),
        params: { slug: a.council.slug },
        context: {},
      }),
    );
    expect(feed.status).toBe(404);
    expect(await snapshotOfA()).toEqual(before);
  });

  it("gets nothing from the domain functions with A's ids, and changes nothing", async () => {
    const before = await snapshotOfA();
    expect(
      await markDeadlineDone(b.scope, {
        sourceType: "planning_record",
        sourceId: recordA,
        deadlineKey: "response-due",
      }),
    ).toBeUndefined();
    expect(
      await reopenDeadline(b.scope, { sourceType: "court_order", sourceId: orderA, deadlineKey: "order-due" }),
    ).toBe(false);
    const listed = JSON.stringify(await listDeadlines(b.scope));
    expect(listed).not.toContain(recordA);
    expect(listed).not.toContain("Council A");
    expect(listed).toContain("B-PCN");
    expect(await snapshotOfA()).toEqual(before);
  });

  it("row-level security hides A's completions and feed addresses from B's transactions", async () => {
    const seen = await withTenant(b.scope, (tx) =>
      Promise.all([tx.select().from(deadlineCompletions), tx.select().from(calendarFeeds)]),
    );
    expect(seen[0].filter((row) => row.tenantId === a.council.id)).toEqual([]);
    expect(seen[1].filter((row) => row.tenantId === a.council.id)).toEqual([]);
    // Nor can B write a completion for A's record, even naming A's council.
    await expect(
      withTenant(b.scope, (tx) =>
        tx.insert(deadlineCompletions).values({
          tenantId: a.council.id,
          sourceType: "planning_record",
          sourceId: recordA,
          deadlineKey: "response-due",
          dueOn: "2025-08-29",
        }),
      ),
    ).rejects.toThrow();
  });

  it("a colleague in the same council cannot see another member's feed address", async () => {
    const scope = await memberScope(a.council, "council_admin");
    const rows = await withTenant(scope, (tx) =>
      tx
        .select()
        .from(calendarFeeds)
        .where(and(eq(calendarFeeds.tenantId, a.council.id), eq(calendarFeeds.userId, a.officer.user.id))),
    );
    expect(rows).toEqual([]);
  });
});

describe("the calendar feeds of two councils", () => {
  it("B's feed has none of A's events; A's feed has only A's", async () => {
    const fromB = await feedText(feedB);
    expect(fromB.status).toBe(200);
    for (const id of [recordA, orderA, hearingA]) expect(fromB.text).not.toContain(id);
    expect(fromB.text).not.toContain("AD-");
    expect(fromB.text).toContain("BD-S-");

    const fromA = await feedText(feedA);
    expect(fromA.status).toBe(200);
    for (const id of [recordA, orderA, hearingA]) expect(fromA.text).toContain(id);
    expect(fromA.text).not.toContain("BD-");
    expect(fromA.text).toContain("X-WR-CALNAME:Council A");
  });

  it("a made-up address gives 404 with no detail", async () => {
    const madeUp = await feedText("x".repeat(43));
    expect(madeUp).toEqual({ status: 404, text: "Not found" });
    // A's address with one character changed is just as unknown.
    const altered = await feedText(`${feedA.slice(0, -1)}${feedA.endsWith("A") ? "B" : "A"}`);
    expect(altered).toEqual({ status: 404, text: "Not found" });
  });
});
