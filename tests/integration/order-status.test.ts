// A court order's status: the legal team records that an order was set aside (on a date, by a
// proceeding of the case), audited and on the timeline; from then its deadline is never due or
// overdue: the deadlines page and the dashboard show it struck through beside the words, the
// calendar feed cancels it, and the chronology (page, CSV, print) says so. Bad input is refused in
// words and changes nothing; so are another case's proceeding, another council's, a stale form
// and members who may not edit orders.
import { and, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ChronologyPage } from "~/components/chronology-page";
import { addDays, todayInLondon } from "~/lib/dates";
import { formatDate } from "~/lib/format";
import { DeadlineTable as DashboardTable, loader as dashboardLoader } from "~/routes/c.$slug._index";
import { loader as caseLoader } from "~/routes/c.$slug.cases.$reference._index/route";
import { action as chronologyAction } from "~/routes/c.$slug.cases.$reference.chronology";
import { action as chronologyCsvAction } from "~/routes/c.$slug.cases.$reference.chronology[.csv]";
import {
  action as proceedingAction,
  loader as proceedingLoader,
} from "~/routes/c.$slug.cases.$reference.proceedings.$proceedingId/route";
import { DeadlineTable, loader as deadlinesLoader } from "~/routes/c.$slug.deadlines";
import { calendarFeedText } from "~/server/council/deadlines/calendar-feed.server";
import { markDeadlineDone, NOT_LIVE } from "~/server/council/deadlines/deadlines.server";
import { changeOrderStatus } from "~/server/council/legal/orders.server";
import { getDb } from "~db/client";
import { auditEvents, courtOrders, timelineEvents } from "~db/schema";
import { refusalOf } from "../helpers/db-errors";
import {
  type CouncilWithOfficer,
  councilWithOfficer,
  insertCaseWithProceeding,
  insertOrder,
  insertProceeding,
  memberCookie,
  memberScope,
} from "../helpers/factories";
import { dateFields, formRequest, getRequest, ORIGIN, run } from "../helpers/http";

const CITATION = "[2025] EWCA Civ 1134";

let c: CouncilWithOfficer;
let legalCookie: string;
let viewerCookie: string;
const today = todayInLondon();

/** A running case with a High Court proceeding, a Court of Appeal proceeding from it, and an order due in 3 days. */
async function caseWithOrder(requires = "Stop using the hotel to house asylum seekers") {
  const legalCase = await insertCaseWithProceeding(c.council, { title: "Council v Hotel Owner Ltd" });
  const appealId = await insertProceeding(c.council, legalCase.caseId, {
    parentId: legalCase.proceedingId,
    relation: "appeal_from",
    court: "court_of_appeal_civil",
    kind: "appeal",
    neutralCitation: CITATION,
    decidedOn: addDays(today, -1),
    outcome: "allowed",
  });
  const orderId = await insertOrder(c.council, legalCase.proceedingId, {
    madeOn: addDays(today, -10),
    requires,
    dueOn: addDays(today, 3),
    dueAt: "16:00",
  });
  return { ...legalCase, appealId, orderId };
}

type Case = Awaited<ReturnType<typeof caseWithOrder>>;

function postStatus(
  legalCase: Case,
  fields: Record<string, string>,
  { cookie = legalCookie, slug = c.council.slug }: { cookie?: string; slug?: string } = {},
) {
  return run(() =>
    proceedingAction({
      request: formRequest(
        `/c/${slug}/cases/${legalCase.reference}/proceedings/${legalCase.proceedingId}`,
        { intent: "order-status", orderId: legalCase.orderId, version: "1", ...fields },
        { cookie },
      ),
      params: { slug, reference: legalCase.reference, proceedingId: legalCase.proceedingId },
      context: {},
    }),
  );
}

function setAside(legalCase: Case, on = addDays(today, -1)) {
  return postStatus(legalCase, {
    status: "set_aside",
    ...dateFields("statusOn", on),
    statusByProceedingId: legalCase.appealId,
  });
}

async function orderRow(orderId: string) {
  const [order] = await getDb().select().from(courtOrders).where(eq(courtOrders.id, orderId));
  if (!order) throw new Error("order missing");
  return order;
}

async function auditOf(orderId: string) {
  return getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.tenantId, c.council.id), eq(auditEvents.entityId, orderId)));
}

const errorsOf = (body: unknown) => JSON.stringify(body);

beforeAll(async () => {
  c = await councilWithOfficer({ referencePrefix: "OS" });
  legalCookie = await memberCookie(c.council, "legal");
  viewerCookie = await memberCookie(c.council, "viewer");
});

describe("setting an order aside", () => {
  let legalCase: Case;
  const words = `Set aside on ${formatDate(addDays(today, -1))} by the Court of Appeal ${CITATION}`;

  beforeAll(async () => {
    legalCase = await caseWithOrder();
    const outcome = await setAside(legalCase);
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(
      `/c/${c.council.slug}/cases/${legalCase.reference}/proceedings/${legalCase.proceedingId}?done=order-status-changed#order-${legalCase.orderId}`,
    );
  });

  it("records the status, the date and the proceeding, audited", async () => {
    expect(await orderRow(legalCase.orderId)).toMatchObject({
      status: "set_aside",
      statusOn: addDays(today, -1),
      statusByProceedingId: legalCase.appealId,
      version: 2,
    });
    const entries = await auditOf(legalCase.orderId);
    expect(entries.map((entry) => entry.action)).toEqual(["order.status_changed"]);
    expect(entries[0]?.before).toMatchObject({ status: "in_force", statusOn: null });
    expect(entries[0]?.after).toMatchObject({ status: "set_aside", statusByProceedingId: legalCase.appealId });
    expect(entries[0]?.actorUserId).not.toBeNull();
  });

  it("shows the status in words on the case page and the proceeding page", async () => {
    const casePage = await run(() =>
      caseLoader({
        request: getRequest(`/c/${c.council.slug}/cases/${legalCase.reference}`, viewerCookie),
        params: { slug: c.council.slug, reference: legalCase.reference },
        context: {},
      }),
    );
    const [order] = (casePage.body as Awaited<ReturnType<typeof caseLoader>>).chains[0]?.orders ?? [];
    expect(order).toMatchObject({ statusWords: words, live: false });
    const proceedingPage = await run(() =>
      proceedingLoader({
        request: getRequest(
          `/c/${c.council.slug}/cases/${legalCase.reference}/proceedings/${legalCase.proceedingId}`,
          legalCookie,
        ),
        params: { slug: c.council.slug, reference: legalCase.reference, proceedingId: legalCase.proceedingId },
        context: {},
      }),
    );
    expect((proceedingPage.body as Awaited<ReturnType<typeof proceedingLoader>>).orders[0]).toMatchObject({
      statusWords: words,
      live: false,
    });
  });

  it("takes the deadline off the deadlines page as due, and lists it struck through with the words", async () => {
    const outcome = await run(() =>
      deadlinesLoader({
        request: getRequest(`/c/${c.council.slug}/deadlines`, viewerCookie),
        params: { slug: c.council.slug },
        context: {},
      }),
    );
    const page = outcome.body as Awaited<ReturnType<typeof deadlinesLoader>>;
    for (const section of [page.overdue, page.thisWeek, page.nextDays, page.recentlyDone]) {
      expect(section.items.map((item) => item.sourceId)).not.toContain(legalCase.orderId);
    }
    const item = page.noLongerDue.items.find((deadline) => deadline.sourceId === legalCase.orderId);
    expect(item?.orderStatus).toMatchObject({ status: "set_aside", words, live: false });
    if (!item) return;

    const html = renderToStaticMarkup(
      createElement(DeadlineTable, { caption: "No longer due", deadlines: [item], canMark: true, struck: true }),
    );
    expect(html).toContain(`<del>${formatDate(addDays(today, 3))} by 16:00</del>`);
    expect(html).toContain("<del>Order: Stop using the hotel to house asylum seekers</del>");
    expect(html).toContain(`<strong>${words}</strong>: no longer due`);
    // Nothing to mark done.
    expect(html).not.toContain("Mark done");
  });

  it("never counts it as due or overdue on the dashboard, and shows it struck through with the words", async () => {
    const outcome = await run(() =>
      dashboardLoader({
        request: getRequest(`/c/${c.council.slug}`, viewerCookie),
        params: { slug: c.council.slug },
        context: {},
      }),
    );
    const dashboard = outcome.body as Awaited<ReturnType<typeof dashboardLoader>>;
    const key = `${legalCase.orderId}-order-due`;
    expect([...dashboard.overdue, ...dashboard.dueSoon].map((item) => item.key)).not.toContain(key);
    const shown = dashboard.noLongerDue.find((item) => item.key === key);
    expect(shown).toMatchObject({
      status: words,
      label: "Order: Stop using the hotel to house asylum seekers (by 16:00)",
    });
    if (!shown) return;
    const html = renderToStaticMarkup(createElement(DashboardTable, { deadlines: [shown], kind: "noLongerDue" }));
    expect(html).toContain(`<del>${formatDate(addDays(today, 3))}</del>`);
    expect(html).toContain(`<strong>${words}</strong>: no longer due`);
    expect(html).not.toContain("Overdue");
  });

  it("cancels it in the calendar feed, its summary beginning with the status", async () => {
    const scope = await memberScope(c.council, "viewer");
    const calendar = new ICAL.Component(ICAL.parse(await calendarFeedText(scope, ORIGIN)));
    const event = calendar
      .getAllSubcomponents("vevent")
      .find((vevent) => String(vevent.getFirstPropertyValue("uid")).startsWith(`court_order-${legalCase.orderId}-`));
    expect(event?.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(String(event?.getFirstPropertyValue("summary"))).toMatch(/^Set aside: Order: Stop using the hotel/);
    expect(String(event?.getFirstPropertyValue("description"))).toContain(`${words}. No longer due.`);
  });

  it("refuses to mark the deadline done, changing nothing", async () => {
    const scope = await memberScope(c.council, "officer", "deadline:done");
    await expect(
      markDeadlineDone(scope, { sourceType: "court_order", sourceId: legalCase.orderId, deadlineKey: "order-due" }),
    ).rejects.toMatchObject({ status: 409, message: NOT_LIVE });
  });

  it("puts the change on the timeline, and the chronology (page, print and CSV) says it", async () => {
    const events = await getDb()
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.subjectType, "order"), eq(timelineEvents.subjectId, legalCase.orderId)));
    const byFact = new Map(events.map((event) => [event.fact, event]));
    expect(byFact.get("status")).toMatchObject({
      occurredOn: addDays(today, -1),
      title: `Order set aside by the Court of Appeal ${CITATION} (the order of ${formatDate(addDays(today, -10))}, High Court, King's Bench Division, claim KB-2025-000123)`,
      sourceUrl: "https://caselaw.nationalarchives.gov.uk/ewca/civ/2025/1134",
    });
    expect(byFact.get("due")).toMatchObject({ noLongerDue: true });
    expect(byFact.get("due")?.title).toContain(`: no longer due, set aside on ${formatDate(addDays(today, -1))}`);
    expect(byFact.get("made")?.description).toContain(`${words}.`);

    const path = `/c/${c.council.slug}/cases/${legalCase.reference}/chronology`;
    const params = { slug: c.council.slug, reference: legalCase.reference };
    const page = await run(() =>
      chronologyAction({
        request: formRequest(path, { internal: "on" }, { cookie: legalCookie }),
        params,
        context: {},
      }),
    );
    const shown = page.body as Parameters<typeof ChronologyPage>[0];
    // The chronology's events are the timeline's rows.
    const rows = (shown.result?.events ?? []) as unknown as (typeof timelineEvents.$inferSelect)[];
    const due = rows.find((event) => event.fact === "due" && event.subjectId === legalCase.orderId);
    expect(due?.noLongerDue).toBe(true);
    const html = renderToStaticMarkup(createElement(ChronologyPage, shown));
    expect(html).toContain(`<del>${formatDate(addDays(today, 3))}, 16:00</del>`);
    expect(html).toContain(`no longer due, set aside on ${formatDate(addDays(today, -1))} by the Court of Appeal`);
    expect(html).toContain("Order set aside by the Court of Appeal");

    const csv = await run(() =>
      chronologyCsvAction({
        request: formRequest(`${path}.csv`, { internal: "on" }, { cookie: legalCookie }),
        params,
        context: {},
      }),
    );
    const body = String(csv.body);
    // A title with commas in it is quoted.
    expect(body).toMatch(
      new RegExp(
        `${addDays(today, -1)},${formatDate(addDays(today, -1))},,"?Order set aside by the Court of Appeal \\[2025\\] EWCA Civ 1134`,
      ),
    );
    expect(body).toContain(`no longer due, set aside on ${formatDate(addDays(today, -1))}`);
  });
});

describe("other statuses", () => {
  it("keeps a varied order's deadline live, with 'varied' noted; a stayed or complied-with order's is not live", async () => {
    const varied = await caseWithOrder("File the evidence");
    expect(
      (
        await postStatus(varied, {
          status: "varied",
          ...dateFields("statusOn", addDays(today, -2)),
          statusByProceedingId: varied.proceedingId,
          statusNote: "Time extended by the judge",
        })
      ).status,
    ).toBe(302);
    const stayed = await caseWithOrder("Close the car park");
    expect((await postStatus(stayed, { status: "stayed", ...dateFields("statusOn", addDays(today, -2)) })).status).toBe(
      302,
    );
    const complied = await caseWithOrder("Remove the fencing");
    expect((await postStatus(complied, { status: "complied_with", ...dateFields("statusOn", today) })).status).toBe(
      302,
    );

    const outcome = await run(() =>
      deadlinesLoader({
        request: getRequest(`/c/${c.council.slug}/deadlines`, viewerCookie),
        params: { slug: c.council.slug },
        context: {},
      }),
    );
    const page = outcome.body as Awaited<ReturnType<typeof deadlinesLoader>>;
    expect(page.thisWeek.items.find((item) => item.sourceId === varied.orderId)?.orderStatus).toMatchObject({
      status: "varied",
      live: true,
      words: `Varied on ${formatDate(addDays(today, -2))} by the High Court (claim KB-2025-000123)`,
    });
    const notLive = page.noLongerDue.items.map((item) => [item.sourceId, item.orderStatus?.words]);
    expect(notLive).toEqual(
      expect.arrayContaining([
        [stayed.orderId, `Stayed on ${formatDate(addDays(today, -2))}`],
        [complied.orderId, `Complied with on ${formatDate(today)}`],
      ]),
    );
    expect(page.thisWeek.items.map((item) => item.sourceId)).not.toContain(stayed.orderId);

    // The stay lifted: in force again, and due again.
    expect(
      (await postStatus(stayed, { status: "in_force", ...dateFields("statusOn", today), version: "2" })).status,
    ).toBe(302);
    const again = await run(() =>
      deadlinesLoader({
        request: getRequest(`/c/${c.council.slug}/deadlines`, viewerCookie),
        params: { slug: c.council.slug },
        context: {},
      }),
    );
    const thisWeek = (again.body as Awaited<ReturnType<typeof deadlinesLoader>>).thisWeek.items;
    expect(thisWeek.find((item) => item.sourceId === stayed.orderId)?.orderStatus).toMatchObject({
      live: true,
      words: `In force again from ${formatDate(today)}`,
    });
  });
});

describe("bad input", () => {
  let legalCase: Case;

  beforeAll(async () => {
    legalCase = await caseWithOrder();
  });

  async function refused(fields: Record<string, string>, status: number, message: string) {
    const before = { order: await orderRow(legalCase.orderId), audit: await auditOf(legalCase.orderId) };
    const outcome = await postStatus(legalCase, fields);
    expect(outcome.status).toBe(status);
    expect(errorsOf(outcome.body)).toContain(message);
    expect({ order: await orderRow(legalCase.orderId), audit: await auditOf(legalCase.orderId) }).toEqual(before);
  }

  it("refuses a set-aside without a date", async () => {
    await refused(
      { status: "set_aside", statusByProceedingId: legalCase.appealId },
      400,
      "Enter the date the order was set aside",
    );
  });

  it("refuses a date before the order was made", async () => {
    await refused(
      { status: "set_aside", ...dateFields("statusOn", addDays(today, -11)) },
      400,
      `The date the order was set aside cannot be before the order was made, on ${formatDate(addDays(today, -10))}`,
    );
  });

  it("refuses a proceeding of another case, and of another council, in the same words", async () => {
    const other = await caseWithOrder();
    await refused(
      { status: "set_aside", ...dateFields("statusOn", today), statusByProceedingId: other.appealId },
      400,
      "Choose the proceeding from this case's list",
    );
    const elsewhere = await councilWithOfficer({ referencePrefix: "OX" });
    const theirs = await insertCaseWithProceeding(elsewhere.council);
    await refused(
      { status: "set_aside", ...dateFields("statusOn", today), statusByProceedingId: theirs.proceedingId },
      400,
      "Choose the proceeding from this case's list",
    );
  });

  it("refuses a status that is not one of the list, and a form loaded before someone else's change", async () => {
    await refused({ status: "quashed", ...dateFields("statusOn", today) }, 400, "Choose where the order stands");
    await refused(
      { status: "discharged", ...dateFields("statusOn", today), version: "7" },
      409,
      "Someone else changed this order since you opened the page",
    );
  });

  it("gives 404 for an order that is not in this proceeding, and for another council's case", async () => {
    const other = await caseWithOrder();
    const before = await orderRow(other.orderId);
    const wrongProceeding = await postStatus(
      { ...legalCase, orderId: other.orderId },
      { status: "set_aside", ...dateFields("statusOn", today) },
    );
    expect(wrongProceeding.status).toBe(404);
    expect(await orderRow(other.orderId)).toEqual(before);

    const elsewhere = await councilWithOfficer({ referencePrefix: "OY" });
    const theirLegalCookie = await memberCookie(elsewhere.council, "legal");
    const fromThere = await postStatus(
      legalCase,
      { status: "set_aside", ...dateFields("statusOn", today) },
      { cookie: theirLegalCookie, slug: elsewhere.council.slug },
    );
    expect(fromThere.status).toBe(404);
    const theirScope = await memberScope(elsewhere.council, "legal", "legal-case:write");
    expect(
      await changeOrderStatus(theirScope, legalCase.reference, legalCase.proceedingId, legalCase.orderId, {
        status: "set_aside",
        statusOn: today,
        statusByProceedingId: null,
        statusNote: null,
        version: 1,
      }),
    ).toBe(false);
    expect((await orderRow(legalCase.orderId)).status).toBe("in_force");
  });

  it("lets only the legal team change it (as it does orders): a viewer and an officer get 403", async () => {
    for (const role of ["viewer", "officer"] as const) {
      const outcome = await postStatus(
        legalCase,
        { status: "set_aside", ...dateFields("statusOn", today) },
        { cookie: await memberCookie(c.council, role) },
      );
      expect(outcome.status, role).toBe(403);
    }
    const officerScope = await memberScope(c.council, "officer");
    await expect(
      changeOrderStatus(officerScope, legalCase.reference, legalCase.proceedingId, legalCase.orderId, {
        status: "set_aside",
        statusOn: today,
        statusByProceedingId: null,
        statusNote: null,
        version: 1,
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect((await orderRow(legalCase.orderId)).status).toBe("in_force");
  });

  it("is refused by the database too: no date, a date before the order, another council's proceeding", async () => {
    const order = eq(courtOrders.id, legalCase.orderId);
    expect(await refusalOf(getDb().update(courtOrders).set({ status: "set_aside" }).where(order))).toContain(
      "court_orders_status_needs_date",
    );
    expect(
      await refusalOf(
        getDb()
          .update(courtOrders)
          .set({ status: "expired", statusOn: addDays(today, -30) })
          .where(order),
      ),
    ).toContain("court_orders_status_after_made");
    const elsewhere = await councilWithOfficer({ referencePrefix: "OZ" });
    const theirs = await insertCaseWithProceeding(elsewhere.council);
    expect(
      await refusalOf(
        getDb()
          .update(courtOrders)
          .set({ status: "set_aside", statusOn: today, statusByProceedingId: theirs.proceedingId })
          .where(order),
      ),
    ).toContain("court_orders_status_by_proceeding_fk");
  });
});
