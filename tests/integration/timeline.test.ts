// The stored timeline through its routes: events written when records change (and kept up to date,
// or appended as history), events added by hand, who may see what, and the chronology export with
// its choices. Bad input gets a message and changes nothing.
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { action as chronologyAction, loader as chronologyLoader } from "~/routes/c.$slug.cases.$reference.chronology";
import {
  action as chronologyCsvAction,
  loader as chronologyCsvLoader,
} from "~/routes/c.$slug.cases.$reference.chronology[.csv]";
import { loader as caseTimelineLoader } from "~/routes/c.$slug.cases.$reference.timeline";
import { loader as siteTimelineLoader } from "~/routes/c.$slug.sites.$reference.timeline";
import { action as eventAction } from "~/routes/c.$slug.timeline.$eventId";
import { action as newEventAction } from "~/routes/c.$slug.timeline.new";
import type { TenantScope } from "~/server/access/tenancy.server";
import { createComplaint } from "~/server/council/complaints/complaints.server";
import { addHearing } from "~/server/council/legal/hearings.server";
import { createLegalCase } from "~/server/council/legal/legal-cases.server";
import { addOrder } from "~/server/council/legal/orders.server";
import { addProceeding, updateProceeding } from "~/server/council/legal/proceedings.server";
import { createPlanningRecord, updatePlanningRecord } from "~/server/council/sites/planning.server";
import { updateSite } from "~/server/council/sites/sites.server";
import { getDb } from "~db/client";
import { auditEvents, sites, timelineEvents } from "~db/schema";
import {
  addSite,
  type CouncilWithOfficer,
  complaintInput,
  councilWithOfficer,
  insertTimelineEvents,
  legalCaseInput,
  memberCookie,
  planningInput,
  scopeFor,
  siteIdOf,
} from "../helpers/factories";
import { dateFields, formRequest, getRequest, run } from "../helpers/http";
import { countQueries } from "../helpers/queries";

let c: CouncilWithOfficer;
let legalCookie: string;
let viewerCookie: string;
let legal: TenantScope;
let siteReference: string;
let siteId: string;
let caseReference: string;
let proceedingId: string;

const eventsOf = (subjectId: string) =>
  getDb()
    .select()
    .from(timelineEvents)
    .where(and(eq(timelineEvents.tenantId, c.council.id), eq(timelineEvents.subjectId, subjectId)));

const proceedingInput = {
  parentId: null,
  relation: null,
  court: "high_court_kb" as const,
  courtOther: null,
  claimNumber: "KB-2025-000001",
  neutralCitation: null,
  judge: "Smith J",
  kind: "interim_injunction_application" as const,
  reliefs: [{ kind: "interim_injunction" as const, outcome: null, note: null }],
  issuedOn: "2025-08-11",
  heardOn: null,
  decidedOn: null,
  judgmentPublishedOn: null,
  outcome: null,
  summary: null,
};

beforeAll(async () => {
  c = await councilWithOfficer({ referencePrefix: "TL" });
  legalCookie = await memberCookie(c.council, "legal");
  viewerCookie = await memberCookie(c.council, "viewer");
  legal = await scopeFor(c.council, legalCookie, "legal-case:write");
  siteReference = await addSite(c.scope, { name: "Timeline Hotel" });
  siteId = await siteIdOf(c.council, siteReference);
  caseReference = await createLegalCase(
    legal,
    legalCaseInput({
      title: "Council v Timeline Hotel Ltd",
      siteId,
      decidedToLitigateOn: "2025-08-01",
      decisionTakenBy: "Head of Legal",
    }),
  );
  proceedingId = (await addProceeding(legal, caseReference, proceedingInput)) ?? "";
});

async function caseTimeline(cookie = legalCookie, search = "") {
  const outcome = await run(() =>
    caseTimelineLoader({
      request: getRequest(`/c/${c.council.slug}/cases/${caseReference}/timeline${search}`, cookie),
      params: { slug: c.council.slug, reference: caseReference },
      context: {},
    }),
  );
  return outcome.body as Awaited<ReturnType<typeof caseTimelineLoader>>;
}

function addEvent(fields: Record<string, string>, cookie = legalCookie, home = `case=${caseReference}`) {
  return run(() =>
    newEventAction({
      request: formRequest(`/c/${c.council.slug}/timeline/new?${home}`, fields, { cookie }),
      params: { slug: c.council.slug },
      context: {},
    }),
  );
}

describe("events written from records", () => {
  it("keeps one event per dated fact, moved when the record's date changes and removed when it is cleared", async () => {
    const before = await eventsOf(proceedingId);
    expect(before.map((event) => [event.fact, event.occurredOn])).toEqual([["issued", "2025-08-11"]]);
    expect(before[0]?.title).toBe(
      "High Court, King's Bench Division: application for an interim injunction issued (claim KB-2025-000001)",
    );
    await updateProceeding(legal, caseReference, proceedingId, {
      ...proceedingInput,
      issuedOn: "2025-08-12",
      decidedOn: "2025-08-19",
      outcome: "granted",
      version: 1,
    });
    const after = await eventsOf(proceedingId);
    expect(after.map((event) => [event.fact, event.occurredOn]).sort()).toEqual([
      ["decided", "2025-08-19"],
      ["issued", "2025-08-12"],
    ]);
    expect(after.find((event) => event.fact === "issued")?.id).toBe(before[0]?.id);
    await updateProceeding(legal, caseReference, proceedingId, { ...proceedingInput, issuedOn: null, version: 2 });
    expect((await eventsOf(proceedingId)).map((event) => event.fact)).toEqual([]);
    await updateProceeding(legal, caseReference, proceedingId, { ...proceedingInput, version: 3 });
  });

  it("writes a hearing with its time and an order's deadline to the hour, and drops the proceeding's own hearing date when a hearing is recorded", async () => {
    await updateProceeding(legal, caseReference, proceedingId, {
      ...proceedingInput,
      heardOn: "2025-08-15",
      version: 4,
    });
    expect((await eventsOf(proceedingId)).map((event) => event.fact).sort()).toEqual(["heard", "issued"]);
    await addHearing(legal, caseReference, proceedingId, {
      heldOn: "2025-08-15",
      startsAt: "10:30",
      kind: "Return date hearing",
      notes: null,
    });
    expect((await eventsOf(proceedingId)).map((event) => event.fact)).toEqual(["issued"]);
    await addOrder(legal, caseReference, proceedingId, {
      madeOn: "2025-08-19",
      requires: "Stop the use",
      dueOn: "2025-09-12",
      dueAt: "16:00",
    });
    const page = await caseTimeline();
    const titles = page.events.map((event) => `${event.occurredOn} ${event.occurredAt ?? "-"} ${event.title}`);
    expect(titles).toContain("2025-08-15 10:30:00 High Court, King's Bench Division: Return date hearing");
    expect(titles).toContain(
      "2025-09-12 16:00:00 Deadline under the order of 19 August 2025 (High Court, King's Bench Division, claim KB-2025-000001)",
    );
  });

  it("appends a status change as history that later edits leave alone", async () => {
    const [site] = await getDb().select().from(sites).where(eq(sites.reference, siteReference));
    if (!site) throw new Error("no site");
    const stored = new Set([
      "id",
      "tenantId",
      "reference",
      "createdAt",
      "updatedAt",
      "archivedAt",
      "version",
      "postcodeKey",
      "searchText",
    ]);
    const fields = Object.fromEntries(Object.entries(site).filter(([key]) => !stored.has(key))) as Omit<
      Parameters<typeof updateSite>[2],
      "version" | "status"
    >;
    const version = site.version;
    await updateSite(c.scope, siteReference, { ...fields, status: "ceased", version });
    await updateSite(c.scope, siteReference, { ...fields, status: "in_use", version: version + 1 });
    const history = (await eventsOf(site.id)).map((event) => event.title);
    expect(history).toEqual(["Site status changed: Use ceased", "Site status changed: In use as asylum accommodation"]);
  });

  it("puts a planning record's statutory dates on the site's timeline and the case's, and follows an edit", async () => {
    const recordId =
      (await createPlanningRecord(
        c.scope,
        siteReference,
        planningInput({ kind: "planning_contravention_notice", reference: "PCN/9", servedOn: "2025-06-02" }),
      )) ?? "";
    const facts = async () => (await eventsOf(recordId)).map((event) => [event.occurredOn, event.title]).sort();
    expect(await facts()).toEqual([
      ["2025-06-02", "Planning contravention notice (PCN) PCN/9 served"],
      ["2025-06-22", "Planning contravention notice (PCN) PCN/9: response due"],
    ]);
    await updatePlanningRecord(c.scope, siteReference, recordId, {
      ...planningInput({ kind: "planning_contravention_notice", reference: "PCN/9", servedOn: "2025-06-09" }),
      version: 1,
    });
    expect(await facts()).toEqual([
      ["2025-06-09", "Planning contravention notice (PCN) PCN/9 served"],
      ["2025-06-29", "Planning contravention notice (PCN) PCN/9: response due"],
    ]);
    const page = await caseTimeline();
    expect(page.events.map((event) => event.title)).toContain("Planning contravention notice (PCN) PCN/9 served");
  });

  it("keeps complaints internal: they cannot be made public", async () => {
    const complaint = await createComplaint(
      c.scope,
      complaintInput({
        receivedOn: "2025-07-01",
        channel: "email",
        category: "noise",
        summary: "Coaches at night",
        siteId,
        contactName: "A Resident",
        contactEmail: "resident@example.org",
      }),
    );
    const page = await caseTimeline(c.cookie);
    const event = page.events.find((item) => item.title === `Complaint ${complaint} received`);
    expect(event?.visibility).toBe("internal");
    expect(JSON.stringify(page.events)).not.toContain("resident@example.org");
    const outcome = await run(() =>
      eventAction({
        request: formRequest(
          `/c/${c.council.slug}/timeline/${event?.id}`,
          { intent: "public", version: String(event?.version) },
          { cookie: c.cookie },
        ),
        params: { slug: c.council.slug, eventId: event?.id ?? "" },
        context: {},
      }),
    );
    expect(outcome.status).toBe(409);
    expect(JSON.stringify(outcome.body)).toContain("Complaints are never published");
    expect((await eventsOf(event?.subjectId ?? ""))[0]?.visibility).toBe("internal");
  });
});

describe("events added by hand", () => {
  const meeting = {
    ...dateFields("occurredOn", "2025-07-20"),
    kind: "meeting",
    title: "Cabinet agrees to seek an injunction",
    description: "Minutes item 7.",
    sourceUrl: "https://example.org/minutes",
    visibility: "public",
  };

  it("refuses bad input with messages and saves nothing", async () => {
    const before = await getDb().select().from(timelineEvents).where(eq(timelineEvents.tenantId, c.council.id));
    const missing = await addEvent({ kind: "meeting", title: "", visibility: "internal" });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain("Enter the date of the event");
    expect(JSON.stringify(missing.body)).toContain("Enter a short title for the event");
    const badDate = await addEvent({ ...meeting, "occurredOn.month": "13" });
    expect(badDate.status).toBe(400);
    const privilegedPublic = await addEvent({ ...meeting, privileged: "on" });
    expect(JSON.stringify(privilegedPublic.body)).toContain("A legally privileged event cannot be public");
    const badLink = await addEvent({ ...meeting, sourceUrl: "javascript:alert(1)" });
    expect(JSON.stringify(badLink.body)).toContain("must be a web address starting with https://");
    const after = await getDb().select().from(timelineEvents).where(eq(timelineEvents.tenantId, c.council.id));
    expect(after.length).toBe(before.length);
  });

  it("adds, changes and deletes an event, each audited; viewers may not add", async () => {
    const added = await addEvent(meeting);
    expect(added.status).toBe(302);
    expect(added.location).toBe(`/c/${c.council.slug}/cases/${caseReference}/timeline?done=event-added`);
    const event = (await caseTimeline()).events.find((item) => item.title === meeting.title);
    expect(event).toMatchObject({ occurredOn: "2025-07-20", kind: "meeting", visibility: "public", subjectType: null });
    const change = (fields: Record<string, string>) =>
      run(() =>
        eventAction({
          request: formRequest(`/c/${c.council.slug}/timeline/${event?.id}`, fields, { cookie: legalCookie }),
          params: { slug: c.council.slug, eventId: event?.id ?? "" },
          context: {},
        }),
      );
    expect((await change({ ...meeting, title: "Cabinet meeting", version: "1" })).status).toBe(302);
    const stale = await change({ ...meeting, title: "Stale edit", version: "1" });
    expect(stale.status).toBe(409);
    expect((await change({ intent: "delete", version: "2" })).status).toBe(302);
    expect((await caseTimeline()).events.some((item) => item.id === event?.id)).toBe(false);
    const actions = await getDb()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, c.council.id), eq(auditEvents.entityId, event?.id ?? "")))
      .orderBy(asc(auditEvents.occurredAt));
    expect(actions.map((row) => row.action)).toEqual([
      "timeline_event.created",
      "timeline_event.updated",
      "timeline_event.deleted",
    ]);
    const asViewer = await addEvent(meeting, viewerCookie);
    expect(asViewer.status).toBe(403);
  });

  it("refuses to edit an event written from a record", async () => {
    const derived = (await caseTimeline()).events.find((item) => item.subjectType === "hearing");
    const outcome = await run(() =>
      eventAction({
        request: formRequest(
          `/c/${c.council.slug}/timeline/${derived?.id}`,
          { ...meeting, version: String(derived?.version) },
          { cookie: legalCookie },
        ),
        params: { slug: c.council.slug, eventId: derived?.id ?? "" },
        context: {},
      }),
    );
    expect(outcome.status).toBe(409);
    expect(JSON.stringify(outcome.body)).toContain("This event comes from a record");
  });

  it("filters by kind, and a site's timeline includes its cases' events", async () => {
    const hearingsOnly = await caseTimeline(legalCookie, "?kind=hearing");
    expect(hearingsOnly.events.every((event) => event.kind === "hearing")).toBe(true);
    expect(hearingsOnly.events.length).toBe(1);
    const site = await run(() =>
      siteTimelineLoader({
        request: getRequest(`/c/${c.council.slug}/sites/${siteReference}/timeline`, c.cookie),
        params: { slug: c.council.slug, reference: siteReference },
        context: {},
      }),
    );
    const body = site.body as Awaited<ReturnType<typeof siteTimelineLoader>>;
    expect(body.events.map((event) => event.kind)).toContain("hearing");
    expect(body.events.map((event) => event.kind)).toContain("planning");
  });
});

describe("privileged events and the chronology", () => {
  const advice = {
    ...dateFields("occurredOn", "2025-08-08"),
    kind: "correspondence",
    title: "Counsel's advice on prospects received",
    visibility: "internal",
    privileged: "on",
  };

  beforeAll(async () => {
    expect((await addEvent(advice)).status).toBe(302);
  });

  it("hides privileged events from viewers, by code and by the database's policy", async () => {
    expect((await caseTimeline(legalCookie)).events.map((event) => event.title)).toContain(advice.title);
    expect((await caseTimeline(viewerCookie)).events.map((event) => event.title)).not.toContain(advice.title);
  });

  const chronologyPath = () => `/c/${c.council.slug}/cases/${caseReference}/chronology`;
  const params = () => ({ slug: c.council.slug, reference: caseReference });

  function chronologyCsv(fields: Record<string, string>, cookie = legalCookie, origin?: string | null) {
    return run(() =>
      chronologyCsvAction({
        request: formRequest(`${chronologyPath()}.csv`, fields, { cookie, origin }),
        params: params(),
        context: {},
      }),
    );
  }

  function chronologyPage(fields: Record<string, string>, cookie = legalCookie, origin?: string | null) {
    return run(() =>
      chronologyAction({
        request: formRequest(chronologyPath(), fields, { cookie, origin }),
        params: params(),
        context: {},
      }),
    );
  }

  const exportsAudited = () =>
    getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, c.council.id), eq(auditEvents.action, "chronology.exported")))
      .orderBy(asc(auditEvents.occurredAt));

  it("leaves privileged material out unless the legal team includes it, and says so at the top", async () => {
    const internal = String((await chronologyCsv({ internal: "on" })).body);
    expect(internal).toContain("Legally privileged material is excluded.");
    expect(internal).toContain("Includes internal events.");
    expect(internal).not.toContain(advice.title);
    const withPrivileged = String((await chronologyCsv({ internal: "on", privileged: "on" })).body);
    expect(withPrivileged).toContain("PRIVILEGED AND CONFIDENTIAL");
    expect(withPrivileged).toContain(advice.title);
    // An officer asking for privileged material does not get it.
    const officer = String((await chronologyCsv({ internal: "on", privileged: "on" }, c.cookie)).body);
    expect(officer).not.toContain(advice.title);
    expect(officer).toContain("Legally privileged material is excluded.");
  });

  it("keeps to the date range, public events unless asked, and refuses a range that ends before it starts", async () => {
    const august = String(
      (
        await chronologyCsv({
          internal: "on",
          ...dateFields("from", "2025-08-13"),
          ...dateFields("to", "2025-08-31"),
        })
      ).body,
    );
    expect(august).toContain("Dates: 13 August 2025 to 31 August 2025.");
    expect(august).toContain("Return date hearing");
    expect(august).not.toContain("2025-08-11");
    expect(august).not.toContain("2025-09-12");
    const publicOnly = String((await chronologyCsv({})).body);
    expect(publicOnly).not.toContain("Return date hearing");
    const before = await exportsAudited();
    const backwards = await chronologyCsv({ ...dateFields("from", "2025-09-01"), ...dateFields("to", "2025-08-01") });
    expect(backwards.status).toBe(400);
    expect(String(backwards.body)).toContain("The end date must be the same as or after the start date");
    const backwardsPage = await chronologyPage({
      ...dateFields("from", "2025-09-01"),
      ...dateFields("to", "2025-08-01"),
    });
    expect(backwardsPage.status).toBe(400);
    const refused = backwardsPage.body as Awaited<ReturnType<typeof chronologyLoader>>;
    expect(refused.result).toBeNull();
    expect(refused.submission?.error?.to).toEqual(["The end date must be the same as or after the start date"]);
    expect((await exportsAudited()).length).toBe(before.length);
  });

  it("shows the print page with the same heading from the POSTed choices, and audits each export", async () => {
    const before = await exportsAudited();
    const outcome = await chronologyPage({ internal: "on", privileged: "on", ...dateFields("from", "2025-08-01") });
    expect(outcome.status).toBe(200);
    const page = outcome.body as Awaited<ReturnType<typeof chronologyLoader>>;
    expect(page.result?.heading[0]).toBe(
      `${c.council.name}: chronology of ${caseReference} Council v Timeline Hotel Ltd`,
    );
    expect(page.result?.heading[2]).toMatch(/^PRIVILEGED AND CONFIDENTIAL/);
    expect(page.result?.events.map((event) => event.title)).toContain(advice.title);
    // The choices the CSV form beside the chronology repeats, so the file matches the screen.
    expect(page.result?.options).toEqual({
      from: "2025-08-01",
      to: null,
      includeInternal: true,
      includePrivileged: true,
    });
    const after = await exportsAudited();
    expect(after.length).toBe(before.length + 1);
    // A viewer's GET offers the choices, without the privileged one, and exports nothing.
    const choices = await run(() =>
      chronologyLoader({ request: getRequest(chronologyPath(), viewerCookie), params: params(), context: {} }),
    );
    const choicesPage = choices.body as Awaited<ReturnType<typeof chronologyLoader>>;
    expect(choicesPage.result).toBeNull();
    expect(choicesPage.offerPrivileged).toBe(false);
    expect((await exportsAudited()).length).toBe(after.length);
  });

  it("writes exactly one audit entry, saying privileged material was included, when the legal team posts it", async () => {
    const before = await exportsAudited();
    const outcome = await chronologyPage({ internal: "on", privileged: "on" });
    expect(outcome.status).toBe(200);
    const added = (await exportsAudited()).filter((entry) => !before.some((earlier) => earlier.id === entry.id));
    expect(added).toHaveLength(1);
    const entry = added[0];
    expect(entry?.actorUserId).toBe(legal.userId);
    expect(entry?.after).toMatchObject({
      of: `case ${caseReference}`,
      includeInternal: true,
      includePrivileged: true,
    });
  });

  it("computes and audits nothing on a GET of the page, whatever its address asks for", async () => {
    const before = await exportsAudited();
    const outcome = await run(() =>
      chronologyLoader({
        request: getRequest(`${chronologyPath()}?show=1&internal=on&privileged=on`, legalCookie),
        params: params(),
        context: {},
      }),
    );
    expect(outcome.status).toBe(200);
    const page = outcome.body as Awaited<ReturnType<typeof chronologyLoader>>;
    expect(page.result).toBeNull();
    expect(page.submission).toBeNull();
    expect(page.offerPrivileged).toBe(true);
    expect(JSON.stringify(page)).not.toContain(advice.title);
    expect(await exportsAudited()).toEqual(before);
  });

  it("produces no file on a GET of the CSV's address: 405, Allow: POST, nothing audited", async () => {
    const before = await exportsAudited();
    const response = await chronologyCsvLoader({
      request: getRequest(`${chronologyPath()}.csv?show=1&internal=on&privileged=on`, legalCookie),
      params: params(),
      context: {},
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("POST");
    expect(response.headers.get("Content-Type")).not.toContain("text/csv");
    expect(response.headers.get("Content-Disposition")).toBeNull();
    const body = await response.text();
    expect(body).not.toContain(advice.title);
    expect(body).not.toContain("PRIVILEGED AND CONFIDENTIAL");
    expect(await exportsAudited()).toEqual(before);
  });

  it("refuses a POST from another site (403) for the page and the CSV, and audits nothing", async () => {
    const before = await exportsAudited();
    const fields = { internal: "on", privileged: "on" };
    const page = await chronologyPage(fields, legalCookie, "https://evil.example");
    expect(page.status).toBe(403);
    expect(JSON.stringify(page.body ?? "")).not.toContain(advice.title);
    const csv = await chronologyCsv(fields, legalCookie, "https://evil.example");
    expect(csv.status).toBe(403);
    expect(String(csv.body)).not.toContain(advice.title);
    // No Origin and no Referer is refused too.
    expect((await chronologyPage(fields, legalCookie, null)).status).toBe(403);
    expect(await exportsAudited()).toEqual(before);
  });

  it("reads a timeline of 3 or 300 events with the same number of queries", async () => {
    const measure = async () => (await countQueries(() => caseTimeline())).queries.length;
    const few = await measure();
    await insertTimelineEvents(
      c.council,
      Array.from({ length: 300 }, (_, index) => ({
        siteId,
        occurredOn: `2024-01-${String((index % 28) + 1).padStart(2, "0")}`,
        kind: "other" as const,
        title: `Bulk event ${index}`,
      })),
    );
    expect(await measure()).toBe(few);
  });
});
