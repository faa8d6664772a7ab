// The calendar feed: a member makes a secret address, the feed at it parses as iCalendar with
// hearings, order deadlines and planning deadlines at the right instants (GMT and BST), carries
// nothing privileged or personal, and stops working when regenerated or when the member goes.
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { action as calendarAction, loader as calendarLoader } from "~/routes/c.$slug.calendar";
import { loader as feedLoader } from "~/routes/calendar.$token[.ics]";
import { markDeadlineDone, reopenDeadline } from "~/server/council/deadlines/deadlines.server";
import { getDb } from "~db/client";
import { auditEvents, calendarFeeds, memberships, users } from "~db/schema";
import {
  type CouncilWithOfficer,
  councilWithOfficer,
  insertCaseWithProceeding,
  insertComplainantContact,
  insertComplaint,
  insertHearing,
  insertOrder,
  insertParty,
  insertPlanningRecord,
  insertPrivilegedNote,
  insertSite,
  signedInMember,
} from "../helpers/factories";
import { formRequest, getRequest, ORIGIN, run } from "../helpers/http";

let c: CouncilWithOfficer;
let ids: { pcn: string; bstHearing: string; gmtHearing: string; order: string; caseReference: string };

const SECRETS = {
  siteName: "The Quiet Harbour Hotel",
  caseTitle: "Council v Jonathan Example",
  privilegedNote: "Counsel advises the evidence on harm is thin",
  hearingNotes: "Judge asked about the residents' welfare",
  partyName: "Jonathan Example",
  complainantEmail: "worried.neighbour@example.org",
  complainantName: "Pat Neighbour",
  complaintSummary: "Shouting outside the hotel at night",
};

beforeAll(async () => {
  c = await councilWithOfficer({ referencePrefix: "CF", name: "Calendar District Council, Testshire" });
  const site = await insertSite(c.council, { name: SECRETS.siteName });
  const pcn = await insertPlanningRecord(c.council, site.id, {
    kind: "planning_contravention_notice",
    reference: "PCN/24/001",
    description: "Use as hostel without permission",
    servedOn: "2025-08-09",
  });
  const legalCase = await insertCaseWithProceeding(c.council, { title: SECRETS.caseTitle, siteId: site.id });
  await insertPrivilegedNote(c.council, legalCase.caseId, SECRETS.privilegedNote);
  await insertParty(c.council, legalCase.proceedingId, {
    name: SECRETS.partyName,
    role: "defendant",
    kind: "resident",
  });
  const bstHearing = await insertHearing(c.council, legalCase.proceedingId, {
    heldOn: "2025-08-15",
    startsAt: "10:30",
    kind: "Interim injunction hearing",
    notes: SECRETS.hearingNotes,
  });
  const gmtHearing = await insertHearing(c.council, legalCase.proceedingId, {
    heldOn: "2025-12-01",
    startsAt: "10:30",
    kind: "Trial",
  });
  const order = await insertOrder(c.council, legalCase.proceedingId, {
    madeOn: "2025-08-19",
    requires: "Occupants to leave the hotel",
    dueOn: "2025-09-12",
    dueAt: "16:00",
  });
  const complaint = await insertComplaint(c.council, {
    reference: "CF-C-0001",
    receivedOn: "2025-08-01",
    channel: "email",
    category: "noise",
    summary: SECRETS.complaintSummary,
    siteId: site.id,
  });
  await insertComplainantContact(c.council, complaint.id, {
    name: SECRETS.complainantName,
    email: SECRETS.complainantEmail,
  });
  ids = { pcn, bstHearing, gmtHearing, order, caseReference: legalCase.reference };
});

function calendarPage(cookie: string) {
  return run(() =>
    calendarLoader({
      request: getRequest(`/c/${c.council.slug}/calendar`, cookie),
      params: { slug: c.council.slug },
      context: {},
    }),
  );
}

/** Presses "Create calendar address" (or "Regenerate"); returns the address shown once. */
async function createAddress(cookie: string): Promise<{ url: string; token: string; regenerated: boolean }> {
  const outcome = await run(() =>
    calendarAction({
      request: formRequest(`/c/${c.council.slug}/calendar`, { intent: "create-address" }, { cookie }),
      params: { slug: c.council.slug },
      context: {},
    }),
  );
  expect(outcome.status).toBe(200);
  const body = outcome.body as unknown as { feedUrl: string; regenerated: boolean };
  const token = new URL(body.feedUrl).pathname.match(/^\/calendar\/([A-Za-z0-9_-]+)\.ics$/)?.[1];
  if (!token) throw new Error(`unexpected feed address ${body.feedUrl}`);
  return { url: body.feedUrl, token, regenerated: body.regenerated };
}

/** What a calendar app gets: no cookie, only the address. */
async function fetchFeed(token: string) {
  const response = await feedLoader({
    request: new Request(`${ORIGIN}/calendar/${token}.ics`),
    params: { token },
    context: {},
  });
  return { response, text: await response.text() };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
  return { calendar, events };
}

describe("the calendar feed", () => {
  it("creates a secret address, stores only its hash, audits it, and shows it only once", async () => {
    const before = await calendarPage(c.cookie);
    expect((before.body as { createdAt: Date | null }).createdAt).toBeNull();
    const { url, token, regenerated } = await createAddress(c.cookie);
    expect(url).toBe(`${ORIGIN}/calendar/${token}.ics`);
    expect(regenerated).toBe(false);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);

    const [stored] = await getDb().select().from(calendarFeeds).where(eq(calendarFeeds.userId, c.officer.user.id));
    expect(stored?.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token);

    const [entry] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, c.council.id), eq(auditEvents.action, "calendar_feed.created")));
    expect(entry?.actorUserId).toBe(c.officer.user.id);
    expect(JSON.stringify(entry)).not.toContain(token);
    expect(JSON.stringify(entry)).not.toContain(stored?.tokenHash);

    const after = await calendarPage(c.cookie);
    expect((after.body as { createdAt: Date | null }).createdAt).toBeInstanceOf(Date);
    expect(JSON.stringify(after.body)).not.toContain(token);
  });

  it("is valid iCalendar with the hearings, the order and the planning deadline at the right times", async () => {
    const { token } = await createAddress(c.cookie);
    const { response, text } = await fetchFeed(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");

    const { calendar, events } = parse(text);
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBeTruthy();
    // The council's name, escaped as TEXT (RFC 5545 3.3.11); ical.js leaves X- values as written.
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Calendar District Council\\, Testshire");
    for (const event of events) {
      expect(event.uid).toMatch(/^(planning_record|court_order|hearing)-[0-9a-f-]{36}-[a-z-]+@localhost$/);
      expect(event.component.getFirstPropertyValue("dtstamp")).toBeTruthy();
      expect(event.startDate).toBeTruthy();
    }
    const byUid = new Map(events.map((event) => [event.uid, event]));

    // 15 August 2025 is in British Summer Time: 10:30 in London is 09:30 UTC.
    const bst = byUid.get(`hearing-${ids.bstHearing}-hearing@localhost`);
    expect(bst?.startDate.isDate).toBe(false);
    expect(bst?.startDate.toJSDate().toISOString()).toBe("2025-08-15T09:30:00.000Z");
    expect(bst?.summary).toBe(`Hearing: Interim injunction hearing (${ids.caseReference})`);
    // 1 December 2025 is in Greenwich Mean Time: 10:30 in London is 10:30 UTC.
    const gmt = byUid.get(`hearing-${ids.gmtHearing}-hearing@localhost`);
    expect(gmt?.startDate.toJSDate().toISOString()).toBe("2025-12-01T10:30:00.000Z");

    const order = byUid.get(`court_order-${ids.order}-order-due@localhost`);
    expect(order?.startDate.toJSDate().toISOString()).toBe("2025-09-12T15:00:00.000Z");
    expect(order?.summary).toBe(`Order: Occupants to leave the hotel (${ids.caseReference})`);

    // Served 9 August 2025: the response is due on 29 August, an all-day event.
    const pcn = byUid.get(`planning_record-${ids.pcn}-response-due@localhost`);
    expect(pcn?.startDate.isDate).toBe(true);
    expect(pcn?.startDate.toString()).toBe("2025-08-29");
    expect(pcn?.endDate.toString()).toBe("2025-08-30");
    expect(pcn?.summary).toMatch(/^Response due: Planning contravention notice \(PCN\) PCN\/24\/001 \(CF-S-\w+\)$/);
    expect(pcn?.description).toContain("Planning contravention notice (PCN) PCN/24/001");
    expect(pcn?.description).toContain("Town and Country Planning Act 1990 s.171D(1)");
    expect(pcn?.component.getFirstPropertyValue("url")).toMatch(
      new RegExp(`^http://localhost/c/${c.council.slug}/sites/CF-S-\\w+#record-${ids.pcn}$`),
    );

    // The same address gives the same events next time: calendars update rather than duplicate.
    const again = parse((await fetchFeed(token)).text).events.map((event) => event.uid);
    expect(again.sort()).toEqual([...byUid.keys()].sort());
  });

  it("marks a deadline that is done as done", async () => {
    await markDeadlineDone(c.scope, { sourceType: "court_order", sourceId: ids.order, deadlineKey: "order-due" });
    const { token } = await createAddress(c.cookie);
    const order = parse((await fetchFeed(token)).text).events.find(
      (event) => event.uid === `court_order-${ids.order}-order-due@localhost`,
    );
    expect(order?.summary).toBe(`Done: Order: Occupants to leave the hotel (${ids.caseReference})`);
    await reopenDeadline(c.scope, { sourceType: "court_order", sourceId: ids.order, deadlineKey: "order-due" });
  });

  it("carries nothing privileged and no personal data", async () => {
    const { token } = await createAddress(c.cookie);
    const { text } = await fetchFeed(token);
    const unfolded = text.replace(/\r\n[ \t]/g, "");
    for (const secret of Object.values(SECRETS)) expect(unfolded).not.toContain(secret);
    expect(unfolded).not.toContain("Use as hostel without permission");
    expect(unfolded).not.toContain(c.officer.user.email);
  });

  it("stops working at the old address once regenerated; the new one works", async () => {
    const first = await createAddress(c.cookie);
    expect((await fetchFeed(first.token)).response.status).toBe(200);
    const second = await createAddress(c.cookie);
    expect(second.regenerated).toBe(true);
    expect(second.token).not.toBe(first.token);
    const old = await fetchFeed(first.token);
    expect(old.response.status).toBe(404);
    expect(old.text).toBe("Not found");
    expect((await fetchFeed(second.token)).response.status).toBe(200);
    const regenerated = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, c.council.id), eq(auditEvents.action, "calendar_feed.regenerated")));
    expect(regenerated.length).toBeGreaterThan(0);
  });

  it("stops working for a member who is removed, or whose account is deactivated", async () => {
    const leaver = await signedInMember(c.council, "viewer");
    const leaverFeed = await createAddress(leaver.cookie);
    expect((await fetchFeed(leaverFeed.token)).response.status).toBe(200);
    await getDb().delete(memberships).where(eq(memberships.id, leaver.membership.id));
    expect((await fetchFeed(leaverFeed.token)).response.status).toBe(404);

    const deactivated = await signedInMember(c.council, "legal");
    const deactivatedFeed = await createAddress(deactivated.cookie);
    expect((await fetchFeed(deactivatedFeed.token)).response.status).toBe(200);
    await getDb().update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, deactivated.user.id));
    expect((await fetchFeed(deactivatedFeed.token)).response.status).toBe(404);
  });

  it("gives 404 for a made-up or malformed address", async () => {
    for (const token of ["A".repeat(43), "not-a-token", "", `${"A".repeat(43)}/../x`]) {
      const { response } = await fetchFeed(token);
      expect(response.status).toBe(404);
    }
  });

  it("refuses a form sent from another site, or without the button, and makes no address", async () => {
    const { user, cookie } = await signedInMember(c.council, "officer");
    const crossSite = await run(() =>
      calendarAction({
        request: formRequest(
          `/c/${c.council.slug}/calendar`,
          { intent: "create-address" },
          { cookie, origin: "https://evil.example" },
        ),
        params: { slug: c.council.slug },
        context: {},
      }),
    );
    expect(crossSite.status).toBe(403);
    const noIntent = await run(() =>
      calendarAction({
        request: formRequest(`/c/${c.council.slug}/calendar`, { intent: "something-else" }, { cookie }),
        params: { slug: c.council.slug },
        context: {},
      }),
    );
    expect(noIntent.status).toBe(400);
    expect((noIntent.body as unknown as { errors: string[] }).errors).toEqual([
      "Use the button on this page to create your calendar address.",
    ]);
    expect(await getDb().select().from(calendarFeeds).where(eq(calendarFeeds.userId, user.id))).toEqual([]);
  });
});
