// The deadlines page: planning dates, court orders and hearings in one list, sorted into overdue,
// this week and the next 30 days; marking one done (audited), reopening it, a changed date
// reopening it by itself; who may do that; bad input; and a fixed number of queries.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInLondon } from "~/lib/dates";
import { loader as dashboardLoader } from "~/routes/c.$slug._index";
import { action as deadlinesAction, loader as deadlinesLoader } from "~/routes/c.$slug.deadlines";
import {
  type DeadlineItem,
  groupDeadlines,
  listDeadlines,
  markDeadlineDone,
} from "~/server/council/deadlines/deadlines.server";
import { getDb } from "~db/client";
import { auditEvents, legalCases, planningRecords, sites } from "~db/schema";
import {
  type CouncilWithOfficer,
  completionsOf,
  councilWithOfficer,
  insertCaseWithProceeding,
  insertComplianceSteps,
  insertHearing,
  insertOrder,
  insertPlanningRecord,
  insertPlanningRecords,
  insertSite,
  memberCookie,
  memberScope,
} from "../helpers/factories";
import { formRequest, getRequest, run } from "../helpers/http";
import { countQueries } from "../helpers/queries";

let c: CouncilWithOfficer;
let viewerCookie: string;
let legalCookie: string;
let siteId: string;
/** Fixed for the grouping tests; the routes use the real clock, so their dates count from today. */
const now = new Date("2025-08-19T09:00:00Z");

beforeAll(async () => {
  c = await councilWithOfficer({ referencePrefix: "DL" });
  viewerCookie = await memberCookie(c.council, "viewer");
  legalCookie = await memberCookie(c.council, "legal");
  siteId = (await insertSite(c.council, { name: "Deadline Hotel" })).id;
});

type PageData = Awaited<ReturnType<typeof deadlinesLoader>>;

async function page(cookie = c.cookie): Promise<PageData> {
  const outcome = await run(() =>
    deadlinesLoader({
      request: getRequest(`/c/${c.council.slug}/deadlines`, cookie),
      params: { slug: c.council.slug },
      context: {},
    }),
  );
  expect(outcome.status).toBe(200);
  return outcome.body as PageData;
}

function post(fields: Record<string, string>, cookie = c.cookie, origin?: string) {
  return run(() =>
    deadlinesAction({
      request: formRequest(`/c/${c.council.slug}/deadlines`, fields, { cookie, origin }),
      params: { slug: c.council.slug },
      context: {},
    }),
  );
}

const formOf = (deadline: Pick<DeadlineItem, "sourceType" | "sourceId" | "deadlineKey" | "dueOn">) => ({
  sourceType: deadline.sourceType,
  sourceId: deadline.sourceId,
  deadlineKey: deadline.deadlineKey,
  dueOn: deadline.dueOn,
});

const labelsOf = (items: { label: string; sourceId: string }[], sourceId: string) =>
  items.filter((item) => item.sourceId === sourceId).map((item) => item.label);

async function auditOf(action: string) {
  return getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.tenantId, c.council.id), eq(auditEvents.action, action)));
}

describe("the list", () => {
  it("puts a PCN's response date under overdue, this week or the next 30 days by when it falls", async () => {
    const today = todayInLondon(now);
    // The response is due on the 21st day counting the day of service (served + 20).
    const overdue = await insertPlanningRecord(c.council, siteId, {
      kind: "planning_contravention_notice",
      reference: "PCN/OVERDUE",
      servedOn: addDays(today, -30),
    });
    const thisWeek = await insertPlanningRecord(c.council, siteId, {
      kind: "planning_contravention_notice",
      reference: "PCN/WEEK",
      servedOn: addDays(today, -17),
    });
    const servedTenDaysAgo = await insertPlanningRecord(c.council, siteId, {
      kind: "planning_contravention_notice",
      reference: "PCN/10",
      servedOn: addDays(today, -10),
    });
    const beyond = await insertPlanningRecord(c.council, siteId, {
      kind: "planning_contravention_notice",
      reference: "PCN/LATER",
      servedOn: addDays(today, 20),
    });
    const closed = await insertPlanningRecord(c.council, siteId, {
      kind: "planning_contravention_notice",
      reference: "PCN/CLOSED",
      status: "closed",
      servedOn: addDays(today, -10),
    });

    const groups = groupDeadlines(await listDeadlines(c.scope), now);
    expect(groups.today).toBe("2025-08-19");
    expect(labelsOf(groups.overdue, overdue)).toEqual(["Response due"]);
    expect(labelsOf(groups.thisWeek, thisWeek)).toEqual(["Response due"]);
    expect(groups.thisWeek.find((item) => item.sourceId === thisWeek)?.dueOn).toBe("2025-08-22");
    expect(labelsOf(groups.nextDays, servedTenDaysAgo)).toEqual(["Response due"]);
    const tenDays = groups.nextDays.find((item) => item.sourceId === servedTenDaysAgo);
    expect(tenDays).toMatchObject({
      dueOn: "2025-08-29",
      dueAt: null,
      deadlineKey: "response-due",
      source: "Town and Country Planning Act 1990 s.171D(1)",
      done: null,
      belongsTo: {
        type: "site",
        siteName: "Deadline Hotel",
        record: "Planning contravention notice (PCN) PCN/10",
      },
    });
    expect(tenDays?.belongsTo.href).toMatch(
      new RegExp(`^/c/${c.council.slug}/sites/DL-S-\\w+#record-${servedTenDaysAgo}$`),
    );
    const everywhere = [...groups.overdue, ...groups.thisWeek, ...groups.nextDays];
    expect(everywhere.map((item) => item.sourceId)).not.toContain(beyond);
    expect(everywhere.map((item) => item.sourceId)).not.toContain(closed);
  });

  it("lists court orders with their time of day and hearings of running cases, not of concluded ones", async () => {
    const today = todayInLondon(now);
    const running = await insertCaseWithProceeding(c.council, { title: "Council v Running Ltd" });
    const order = await insertOrder(c.council, running.proceedingId, {
      madeOn: today,
      requires: "Occupants to leave the site",
      dueOn: addDays(today, 3),
      dueAt: "16:00",
    });
    const hearing = await insertHearing(c.council, running.proceedingId, {
      heldOn: addDays(today, 12),
      startsAt: "10:30",
      kind: "Return date hearing",
    });
    const pastHearing = await insertHearing(c.council, running.proceedingId, {
      heldOn: addDays(today, -5),
      kind: "Without-notice hearing",
    });
    const concluded = await insertCaseWithProceeding(c.council, { status: "concluded" });
    const oldOrder = await insertOrder(c.council, concluded.proceedingId, {
      madeOn: addDays(today, -40),
      requires: "Stop the use",
      dueOn: addDays(today, -2),
    });

    const list = await listDeadlines(c.scope);
    const groups = groupDeadlines(list, now);
    expect(groups.thisWeek.find((item) => item.sourceId === order)).toMatchObject({
      sourceType: "court_order",
      label: "Order: Occupants to leave the site",
      dueOn: "2025-08-22",
      dueAt: "16:00",
      belongsTo: {
        type: "case",
        caseReference: running.reference,
        proceeding: "Application for an interim injunction, High Court, King's Bench Division (KB-2025-000123)",
        href: `/c/${c.council.slug}/cases/${running.reference}#proceeding-${running.proceedingId}`,
      },
    });
    expect(groups.nextDays.find((item) => item.sourceId === hearing)).toMatchObject({
      sourceType: "hearing",
      label: "Hearing: Return date hearing",
      dueAt: "10:30",
    });
    // A hearing that has happened is not "overdue"; an order of a concluded case is not listed.
    expect(list.map((item) => item.sourceId)).toContain(pastHearing);
    expect(groups.overdue.map((item) => item.sourceId)).not.toContain(pastHearing);
    expect(list.map((item) => item.sourceId)).not.toContain(oldOrder);
    // One list in date order, then time of day.
    const keys = list.map((item) => `${item.dueOn} ${item.dueAt ?? ""}`);
    expect(keys).toEqual([...keys].sort());
  });

  it("leaves out the records of an archived site", async () => {
    const archived = await insertSite(c.council, { name: "Archived Hotel", archivedAt: new Date() });
    const record = await insertPlanningRecord(c.council, archived.id, {
      kind: "temporary_stop_notice",
      displayedOn: todayInLondon(),
    });
    expect((await listDeadlines(c.scope)).map((item) => item.sourceId)).not.toContain(record);
  });

  it("shows dates and times on the page, with forms for members who may mark them done", async () => {
    const today = todayInLondon();
    const running = await insertCaseWithProceeding(c.council);
    const order = await insertOrder(c.council, running.proceedingId, {
      madeOn: today,
      requires: "File evidence",
      dueOn: addDays(today, 2),
      dueAt: "16:00",
    });
    const data = await page();
    expect(data.canMark).toBe(true);
    expect(data.thisWeek.items.find((item) => item.sourceId === order)).toMatchObject({ dueAt: "16:00", done: null });
    expect((await page(viewerCookie)).canMark).toBe(false);
  });

  it("costs the same number of queries for one record as for many", async () => {
    const small = await councilWithOfficer({ referencePrefix: "SM" });
    const smallSite = await insertSite(small.council);
    await insertPlanningRecord(small.council, smallSite.id, {
      kind: "planning_contravention_notice",
      servedOn: "2025-08-01",
    });
    const few = await countQueries(() => listDeadlines(small.scope));

    const big = await councilWithOfficer({ referencePrefix: "BG" });
    for (let index = 0; index < 5; index++) {
      const bigSite = await insertSite(big.council);
      const notices = await insertPlanningRecords(
        big.council,
        bigSite.id,
        Array.from({ length: 20 }, (_, n) => ({
          kind: "enforcement_notice" as const,
          issuedOn: "2025-08-01",
          effectiveOn: addDays("2025-09-01", n),
        })),
      );
      for (const notice of notices) {
        await insertComplianceSteps(big.council, notice, [{ compliancePeriod: 3, compliancePeriodUnit: "months" }]);
      }
      const bigCase = await insertCaseWithProceeding(big.council);
      await insertOrder(big.council, bigCase.proceedingId, {
        madeOn: "2025-08-01",
        requires: "x",
        dueOn: "2025-09-01",
      });
      await insertHearing(big.council, bigCase.proceedingId, { heldOn: "2025-09-02", kind: "Trial" });
    }
    const many = await countQueries(() => listDeadlines(big.scope));
    expect(few.result).toHaveLength(1);
    expect(many.result.length).toBeGreaterThan(400);
    expect(many.queries.length).toBe(few.queries.length);
    // The scope's settings, then planning records, their steps, orders, hearings, confirmed court
    // clocks and completions.
    expect(many.queries.length).toBeLessThanOrEqual(7);
  });
});

describe("long lists", () => {
  it("shows 50 deadlines a section with pages of their own, and the dashboard the 10 longest overdue", async () => {
    const long = await councilWithOfficer({ referencePrefix: "LL" });
    const site = await insertSite(long.council, { name: "Busy Hotel" });
    const today = todayInLondon();
    // 55 PCNs served 40 to 94 days ago: each response (21 days) is overdue.
    await insertPlanningRecords(
      long.council,
      site.id,
      Array.from({ length: 55 }, (_, n) => ({
        kind: "planning_contravention_notice" as const,
        reference: `PCN/${n}`,
        servedOn: addDays(today, -40 - n),
      })),
    );
    const at = async (query: string) => {
      const outcome = await run(() =>
        deadlinesLoader({
          request: getRequest(`/c/${long.council.slug}/deadlines${query}`, long.cookie),
          params: { slug: long.council.slug },
          context: {},
        }),
      );
      return outcome.body as PageData;
    };
    const first = await at("");
    expect(first.overdue).toMatchObject({ total: 55, page: 1, pageCount: 2 });
    expect(first.overdue.items).toHaveLength(50);
    // The longest overdue first: the PCN served 94 days ago.
    expect(first.overdue.items[0]?.belongsTo).toMatchObject({ recordReference: "PCN/54" });
    const second = await at("?overdue=2");
    expect(second.overdue).toMatchObject({ total: 55, page: 2, pageCount: 2 });
    expect(second.overdue.items.map((item) => item.belongsTo)).toEqual(
      ["PCN/4", "PCN/3", "PCN/2", "PCN/1", "PCN/0"].map((reference) =>
        expect.objectContaining({ recordReference: reference }),
      ),
    );
    // A page past the end shows the last; another section's page number leaves this one alone.
    expect((await at("?overdue=9")).overdue.page).toBe(2);
    expect((await at("?this-week=2")).overdue.page).toBe(1);

    const dashboard = await run(() =>
      dashboardLoader({
        request: getRequest(`/c/${long.council.slug}`, long.cookie),
        params: { slug: long.council.slug },
        context: {},
      }),
    );
    const body = dashboard.body as { overdue: { name: string }[]; overdueCount: number };
    expect(body.overdueCount).toBe(55);
    expect(body.overdue.map((item) => item.name)).toEqual(
      Array.from({ length: 10 }, (_, n) => `Planning contravention notice (PCN) PCN/${54 - n}`),
    );
  });
});

describe("marking a deadline done", () => {
  it("moves it to done with who and when, audits it, and a change of date reopens it", async () => {
    const today = todayInLondon();
    const recordId = await insertPlanningRecord(c.council, siteId, {
      kind: "planning_contravention_notice",
      reference: "PCN/DONE",
      servedOn: addDays(today, -25),
    });
    const before = await page();
    const overdue = before.overdue.items.find((item) => item.sourceId === recordId);
    expect(overdue).toBeDefined();
    if (!overdue) return;

    const marked = await post({ intent: "done", ...formOf(overdue) });
    expect(marked.status).toBe(302);
    expect(marked.location).toBe(`/c/${c.council.slug}/deadlines?done=marked-done`);
    const after = await page();
    expect(after.overdue.items.map((item) => item.sourceId)).not.toContain(recordId);
    const done = after.recentlyDone.items.find((item) => item.sourceId === recordId);
    expect(done?.done?.byName).toBe(c.officer.user.name);
    const [entry] = (await auditOf("deadline.done")).filter(
      (event) => (event.after as { sourceId?: string }).sourceId === recordId,
    );
    expect(entry).toMatchObject({ actorUserId: c.officer.user.id, entityType: "deadline" });
    expect(entry?.after).toMatchObject({ deadlineKey: "response-due", dueOn: overdue.dueOn, label: "Response due" });

    // The dashboard no longer counts it as overdue.
    const dashboard = await run(() =>
      dashboardLoader({
        request: getRequest(`/c/${c.council.slug}`, c.cookie),
        params: { slug: c.council.slug },
        context: {},
      }),
    );
    expect(JSON.stringify((dashboard.body as { overdue: unknown }).overdue)).not.toContain("PCN/DONE");

    // The notice was in fact served a day later: a new date is a new deadline, open again.
    await getDb()
      .update(planningRecords)
      .set({ servedOn: addDays(today, -24) })
      .where(eq(planningRecords.id, recordId));
    const moved = await page();
    expect(moved.overdue.items.find((item) => item.sourceId === recordId)).toMatchObject({
      dueOn: addDays(overdue.dueOn, 1),
      done: null,
    });
    // Put back, the date it was marked done for counts as done again.
    await getDb()
      .update(planningRecords)
      .set({ servedOn: addDays(today, -25) })
      .where(eq(planningRecords.id, recordId));
    expect((await page()).recentlyDone.items.map((item) => item.sourceId)).toContain(recordId);
  });

  it("reopens a deadline marked done, audited", async () => {
    const today = todayInLondon();
    const running = await insertCaseWithProceeding(c.council);
    const order = await insertOrder(c.council, running.proceedingId, {
      madeOn: today,
      requires: "Serve the order",
      dueOn: addDays(today, 1),
      dueAt: "12:00",
    });
    const item = (await page()).thisWeek.items.find((deadline) => deadline.sourceId === order);
    if (!item) throw new Error("order missing");
    expect((await post({ intent: "done", ...formOf(item) }, legalCookie)).status).toBe(302);
    expect((await page()).thisWeek.items.find((deadline) => deadline.sourceId === order)?.done).not.toBeNull();
    const reopened = await post({ intent: "reopen", ...formOf(item) }, legalCookie);
    expect(reopened.location).toBe(`/c/${c.council.slug}/deadlines?done=reopened`);
    expect((await page()).thisWeek.items.find((deadline) => deadline.sourceId === order)?.done).toBeNull();
    expect(
      (await auditOf("deadline.reopened")).map((event) => (event.before as { sourceId: string }).sourceId),
    ).toContain(order);
    // Reopening what is not done is a 404.
    expect((await post({ intent: "reopen", ...formOf(item) }, legalCookie)).status).toBe(404);
  });

  it("refuses a deadline whose date changed since the page was loaded, and changes nothing", async () => {
    const today = todayInLondon();
    const running = await insertCaseWithProceeding(c.council);
    const hearing = await insertHearing(c.council, running.proceedingId, { heldOn: addDays(today, 4), kind: "Trial" });
    const before = await completionsOf(c.council);
    const outcome = await post({
      intent: "done",
      sourceType: "hearing",
      sourceId: hearing,
      deadlineKey: "hearing",
      dueOn: addDays(today, 3),
    });
    expect(outcome.status).toBe(409);
    expect(JSON.stringify(outcome.body)).toContain("The date of this deadline changed since you opened the page");
    expect(await completionsOf(c.council)).toEqual(before);
  });

  it.each([
    [
      "a record that does not exist",
      { sourceType: "planning_record", sourceId: "5f0c6a8e-0000-4000-8000-000000000000" },
    ],
    ["a deadline the record does not have", { sourceType: "planning_record", deadlineKey: "compliance-due" }],
    ["a record given as the wrong kind of source", { sourceType: "hearing" }],
  ])("gives 404 for %s and changes nothing", async (_, overrides) => {
    const recordId = await insertPlanningRecord(c.council, siteId, {
      kind: "planning_contravention_notice",
      servedOn: todayInLondon(),
    });
    const before = { completions: await completionsOf(c.council), audit: await auditOf("deadline.done") };
    const fields = { intent: "done", sourceType: "planning_record", sourceId: recordId, deadlineKey: "response-due" };
    const outcome = await post({ ...fields, ...overrides });
    expect(outcome.status).toBe(404);
    expect({ completions: await completionsOf(c.council), audit: await auditOf("deadline.done") }).toEqual(before);
  });

  it("explains bad input in words and changes nothing", async () => {
    const before = await completionsOf(c.council);
    const outcome = await post({ intent: "done", sourceType: "meeting", sourceId: "not-an-id", deadlineKey: "" });
    expect(outcome.status).toBe(400);
    expect((outcome.body as unknown as { errors: string[] }).errors).toEqual([
      "This deadline could not be read from the form. Reload the deadlines page and try again.",
    ]);
    expect(await completionsOf(c.council)).toEqual(before);
  });

  it("refuses a viewer (403) and a form sent from another site, changing nothing", async () => {
    const recordId = await insertPlanningRecord(c.council, siteId, {
      kind: "planning_contravention_notice",
      servedOn: todayInLondon(),
    });
    const fields = { intent: "done", sourceType: "planning_record", sourceId: recordId, deadlineKey: "response-due" };
    const before = await completionsOf(c.council);
    const viewer = await post(fields, viewerCookie);
    expect(viewer.status).toBe(403);
    expect(String(viewer.body)).toContain("You need the officer, legal or council admin role");
    expect((await post(fields, c.cookie, "https://evil.example")).status).toBe(403);
    expect(await completionsOf(c.council)).toEqual(before);
  });

  it("is refused by the domain function too, for a viewer's scope", async () => {
    const scope = await memberScope(c.council, "viewer");
    const recordId = await insertPlanningRecord(c.council, siteId, {
      kind: "stop_notice",
      effectiveOn: todayInLondon(),
    });
    await expect(
      markDeadlineDone(scope, { sourceType: "planning_record", sourceId: recordId, deadlineKey: "takes-effect" }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe("what the page leaves out", () => {
  it("ends when a case concludes or a site is archived", async () => {
    const today = todayInLondon();
    const running = await insertCaseWithProceeding(c.council);
    const order = await insertOrder(c.council, running.proceedingId, {
      madeOn: today,
      requires: "Pay costs",
      dueOn: addDays(today, 5),
    });
    const site = await insertSite(c.council);
    const record = await insertPlanningRecord(c.council, site.id, { kind: "stop_notice", effectiveOn: today });
    const ids = (data: PageData) => [...data.thisWeek.items, ...data.nextDays.items].map((item) => item.sourceId);
    expect(ids(await page())).toEqual(expect.arrayContaining([order, record]));
    await getDb().update(legalCases).set({ status: "concluded" }).where(eq(legalCases.id, running.caseId));
    await getDb().update(sites).set({ archivedAt: new Date() }).where(eq(sites.id, site.id));
    const after = ids(await page());
    expect(after).not.toContain(order);
    expect(after).not.toContain(record);
  });
});
