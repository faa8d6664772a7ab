// Court clocks through the routes: the time limits a decision starts are suggested on its
// proceeding on the case page; the legal team or a council admin confirms one (with the date the
// court directed, if another) and it becomes a deadline on the deadlines page and in the calendar
// feed, or dismisses it and it disappears, each stored with who and when and audited. Viewers and
// officers read only. A corrected decision date makes a confirmed clock a suggestion again; a
// decision not known to the day gives no date; bad or stale forms change nothing. The seeded
// Epping trial (decided 11 November 2025) suggests an appellant's notice by 2 December 2025.
import { and, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, type IsoDate, todayInLondon } from "~/lib/dates";
import { action as calendarAction } from "~/routes/c.$slug.calendar";
import { action as caseAction, loader as caseLoader } from "~/routes/c.$slug.cases.$reference._index/route";
import { loader as deadlinesLoader } from "~/routes/c.$slug.deadlines";
import { loader as feedLoader } from "~/routes/calendar.$token[.ics]";
import { markDeadlineDone } from "~/server/council/deadlines/deadlines.server";
import { getDb } from "~db/client";
import { auditEvents, councils, courtClockDecisions, legalCases, proceedings } from "~db/schema";
import { seedDemo } from "~db/seed/demo";
import {
  type CouncilWithOfficer,
  councilWithOfficer,
  insertLegalCase,
  insertProceeding,
  memberCookie,
  scopeFor,
  signedInMember,
} from "../helpers/factories";
import { dateFields, formRequest, getRequest, ORIGIN, run } from "../helpers/http";

let c: CouncilWithOfficer;
let legal: Awaited<ReturnType<typeof signedInMember>>;
let adminCookie: string;
let viewerCookie: string;
const today = todayInLondon();

beforeAll(async () => {
  c = await councilWithOfficer({ referencePrefix: "CC" });
  legal = await signedInMember(c.council, "legal");
  adminCookie = await memberCookie(c.council, "council_admin");
  viewerCookie = await memberCookie(c.council, "viewer");
});

type CasePage = Awaited<ReturnType<typeof caseLoader>>;
type Node = CasePage["chains"][number];

async function casePage(reference: string, cookie = legal.cookie, slug = c.council.slug): Promise<CasePage> {
  const outcome = await run(() =>
    caseLoader({
      request: getRequest(`/c/${slug}/cases/${reference}`, cookie),
      params: { slug, reference },
      context: {},
    }),
  );
  expect(outcome.status).toBe(200);
  return outcome.body as CasePage;
}

function nodes(chains: Node[]): Node[] {
  return chains.flatMap((node) => [node, ...nodes(node.children)]);
}

function decide(reference: string, fields: Record<string, string>, cookie = legal.cookie) {
  return run(() =>
    caseAction({
      request: formRequest(`/c/${c.council.slug}/cases/${reference}`, fields, { cookie }),
      params: { slug: c.council.slug, reference },
      context: {},
    }),
  );
}

const clockForm = (intent: string, proceedingId: string, from: IsoDate, extra: Record<string, string> = {}) => ({
  intent,
  proceedingId,
  clock: "appellants_notice",
  from,
  ...extra,
});

/** A running case with a High Court decision on `decidedOn` (day-precise unless said). */
async function caseWithDecision(decidedOn: string, values: Partial<typeof proceedings.$inferInsert> = {}) {
  const legalCase = await insertLegalCase(c.council, { status: "issued" });
  const proceedingId = await insertProceeding(c.council, legalCase.id, {
    court: "high_court_kb",
    kind: "trial_final_injunction",
    claimNumber: "KB-2025-000777",
    decidedOn,
    outcome: "dismissed",
    ...values,
  });
  return { reference: legalCase.reference, proceedingId };
}

const errorsOf = (body: unknown) => body as { result?: { error?: Record<string, string[]> } };
const stored = (proceedingId: string) =>
  getDb().select().from(courtClockDecisions).where(eq(courtClockDecisions.proceedingId, proceedingId));

async function deadlines(cookie = viewerCookie) {
  const outcome = await run(() =>
    deadlinesLoader({
      request: getRequest(`/c/${c.council.slug}/deadlines`, cookie),
      params: { slug: c.council.slug },
      context: {},
    }),
  );
  return outcome.body as Awaited<ReturnType<typeof deadlinesLoader>>;
}

async function calendarEvents(cookie: string) {
  const created = await run(() =>
    calendarAction({
      request: formRequest(`/c/${c.council.slug}/calendar`, { intent: "create-address" }, { cookie }),
      params: { slug: c.council.slug },
      context: {},
    }),
  );
  const feedUrl = (created.body as unknown as { feedUrl: string }).feedUrl;
  const token = new URL(feedUrl).pathname.match(/^\/calendar\/(.+)\.ics$/)?.[1] ?? "";
  const response = await feedLoader({
    request: new Request(`${ORIGIN}/calendar/${token}.ics`),
    params: { token },
    context: {},
  });
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  return calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
}

describe("the seeded Epping case", () => {
  it("suggests an appellant's notice by 2 December 2025 on Mould J's decision, unconfirmed, and only the clocks its dates support", async () => {
    await seedDemo(getDb(), "demo password 123");
    const [epping] = await getDb().select().from(councils).where(eq(councils.slug, "epping-forest"));
    if (!epping) throw new Error("no Epping");
    const page = await casePage("EF-L-0001", await memberCookie(epping, "legal"), "epping-forest");
    const clocks = nodes(page.chains).flatMap((node) =>
      node.clocks.map((clock) => [node.proceeding.neutralCitation ?? node.proceeding.court, clock.clock, clock.dueOn]),
    );
    expect(clocks).toEqual([
      // Eyre J's interim decision of 19 August 2025.
      ["[2025] EWHC 2183 (KB)", "appellants_notice", "2025-09-09"],
      // The Court of Appeal refused permission to go to the Supreme Court (early September 2025):
      // 28 days from its decision of 29 August 2025.
      ["court_of_appeal_civil", "supreme_court_permission", "2025-09-26"],
      // Mould J, 11 November 2025: the trial.
      ["[2025] EWHC 2937 (KB)", "appellants_notice", "2025-12-02"],
    ]);
    const trial = nodes(page.chains).find((node) => node.proceeding.neutralCitation === "[2025] EWHC 2937 (KB)");
    expect(trial?.clocks[0]).toMatchObject({ source: "CPR 52.12(2)(b)", confirmed: null });
    expect(page.canDecideClocks).toBe(true);
    expect(await getDb().select().from(courtClockDecisions).where(eq(courtClockDecisions.tenantId, epping.id))).toEqual(
      [],
    );
  });
});

describe("confirming a suggested clock", () => {
  it("makes it a deadline on the deadlines page and in the calendar feed, with who and when; viewers and officers only read", async () => {
    const decidedOn = addDays(today, -5);
    const due = addDays(today, 16);
    const { reference, proceedingId } = await caseWithDecision(decidedOn);

    const seen = await casePage(reference, viewerCookie);
    expect(seen.canDecideClocks).toBe(false);
    expect(seen.chains[0]?.clocks).toEqual([
      expect.objectContaining({ clock: "appellants_notice", from: decidedOn, dueOn: due, confirmed: null }),
    ]);
    for (const cookie of [viewerCookie, c.cookie]) {
      const refused = await decide(reference, clockForm("confirm-clock", proceedingId, decidedOn), cookie);
      expect(refused.status).toBe(403);
      expect(String(refused.body)).toContain(
        "You need the legal or council admin role to confirm or dismiss a suggested time limit.",
      );
    }
    expect(await stored(proceedingId)).toEqual([]);

    const confirmed = await decide(reference, clockForm("confirm-clock", proceedingId, decidedOn));
    expect(confirmed.status).toBe(302);
    expect(confirmed.location).toBe(
      `/c/${c.council.slug}/cases/${reference}?done=clock-confirmed#proceeding-${proceedingId}`,
    );
    const [row] = await stored(proceedingId);
    expect(row).toMatchObject({
      clock: "appellants_notice",
      decision: "confirmed",
      fromOn: decidedOn,
      directedDueOn: null,
      decidedByUserId: legal.user.id,
    });
    const [entry] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, row?.id ?? ""), eq(auditEvents.action, "court_clock.confirmed")));
    expect(entry).toMatchObject({ actorUserId: legal.user.id, entityType: "court_clock" });
    expect(entry?.after).toMatchObject({ label: "Appellant's notice due", ruleDueOn: due });

    const after = await casePage(reference, viewerCookie);
    expect(after.chains[0]?.clocks[0]?.confirmed).toMatchObject({
      dueOn: due,
      directed: false,
      byName: legal.user.name,
    });

    // On the deadlines page, in the next 30 days, with its rule and source.
    const page = await deadlines();
    expect(page.nextDays.items).toContainEqual(
      expect.objectContaining({
        sourceType: "court_clock",
        sourceId: proceedingId,
        deadlineKey: "appellants_notice",
        label: "Appellant's notice due",
        dueOn: due,
        source: "CPR 52.12(2)(b)",
        belongsTo: expect.objectContaining({
          caseReference: reference,
          proceeding: "Trial (final injunction), High Court, King's Bench Division (KB-2025-000777)",
        }),
      }),
    );

    // In the calendar feed, as an all-day event on its last day.
    const events = await calendarEvents(legal.cookie);
    const event = events.find((candidate) =>
      candidate.uid.startsWith(`court_clock-${proceedingId}-appellants_notice@`),
    );
    expect(event?.startDate.toString()).toBe(due);
    expect(event?.summary).toBe(`Appellant's notice due (${reference})`);
    expect(event?.description).toContain("Source: CPR 52.12(2)(b)");

    // It can be marked done like any other deadline.
    const scope = await scopeFor(c.council, legal.cookie, "deadline:done");
    const done = await markDeadlineDone(scope, {
      sourceType: "court_clock",
      sourceId: proceedingId,
      deadlineKey: "appellants_notice",
      expectedDueOn: due,
    });
    expect(done?.done).not.toBeNull();

    // Confirming it again changes nothing.
    const again = await decide(reference, clockForm("confirm-clock", proceedingId, decidedOn));
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain("This time limit was already confirmed on");

    // A corrected decision date: no longer a deadline, a suggestion again from the new date.
    await getDb()
      .update(proceedings)
      .set({ decidedOn: addDays(decidedOn, 1) })
      .where(eq(proceedings.id, proceedingId));
    expect((await deadlines()).nextDays.items.map((item) => item.sourceId)).not.toContain(proceedingId);
    expect((await casePage(reference)).chains[0]?.clocks[0]).toMatchObject({
      from: addDays(decidedOn, 1),
      dueOn: addDays(due, 1),
      confirmed: null,
    });
    // The form from before the correction is refused.
    const stale = await decide(reference, clockForm("confirm-clock", proceedingId, decidedOn));
    expect(stale.status).toBe(409);
    expect(JSON.stringify(stale.body)).toContain(
      "The decision this time limit runs from has changed since you opened the page",
    );
  });

  it("takes the date the court directed instead, if it is not before the decision", async () => {
    const decidedOn = addDays(today, -3);
    const { reference, proceedingId } = await caseWithDecision(decidedOn);
    const backwards = await decide(
      reference,
      clockForm("confirm-clock", proceedingId, decidedOn, dateFields("directedDueOn", addDays(decidedOn, -1))),
      adminCookie,
    );
    expect(backwards.status).toBe(400);
    expect(errorsOf(backwards.body).result?.error?.directedDueOn?.[0]).toMatch(
      /^The date the court directed must be the same as or after the decision it runs from, /,
    );
    const unreal = await decide(
      reference,
      clockForm("confirm-clock", proceedingId, decidedOn, {
        "directedDueOn.day": "31",
        "directedDueOn.month": "2",
        "directedDueOn.year": "2026",
      }),
      adminCookie,
    );
    expect(errorsOf(unreal.body).result?.error?.directedDueOn).toEqual([
      "The date the court directed must be a real date, like 19 8 2025",
    ]);
    expect(await stored(proceedingId)).toEqual([]);

    const directed = addDays(today, 25);
    const confirmed = await decide(
      reference,
      clockForm("confirm-clock", proceedingId, decidedOn, dateFields("directedDueOn", directed)),
      adminCookie,
    );
    expect(confirmed.status).toBe(302);
    const item = (await deadlines()).nextDays.items.find((candidate) => candidate.sourceId === proceedingId);
    expect(item).toMatchObject({
      dueOn: directed,
      source: "Directed by the court, instead of CPR 52.12(2)(b)",
    });
    expect((await casePage(reference)).chains[0]?.clocks[0]?.confirmed).toMatchObject({
      dueOn: directed,
      directed: true,
    });
  });
});

describe("dismissing a suggested clock", () => {
  it("removes it from the proceeding, records who and when, and never makes it a deadline", async () => {
    const decidedOn = addDays(today, -2);
    const { reference, proceedingId } = await caseWithDecision(decidedOn);
    const dismissed = await decide(reference, clockForm("dismiss-clock", proceedingId, decidedOn));
    expect(dismissed.status).toBe(302);
    expect(dismissed.location).toContain("done=clock-dismissed");
    expect((await casePage(reference)).chains[0]?.clocks).toEqual([]);
    const [row] = await stored(proceedingId);
    expect(row).toMatchObject({ decision: "dismissed", decidedByUserId: legal.user.id, fromOn: decidedOn });
    expect(row?.decidedAt).toBeInstanceOf(Date);
    const actions = await getDb()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, row?.id ?? ""));
    expect(actions.map((entry) => entry.action)).toEqual(["court_clock.dismissed"]);
    expect((await deadlines()).nextDays.items.map((item) => item.sourceId)).not.toContain(proceedingId);
  });
});

describe("what is refused, changing nothing", () => {
  it("a decision known only to the month, a clock the proceeding does not start, a form not ours, another case's proceeding", async () => {
    const monthOnly = await caseWithDecision("2026-03-01", { decidedOnPrecision: "month" });
    const page = await casePage(monthOnly.reference);
    expect(page.chains[0]?.clocks).toEqual([
      expect.objectContaining({
        dueOn: null,
        noDate:
          "The decision is recorded as March 2026, not to the day. Enter the exact day of the decision to get the date.",
      }),
    ]);
    const noDate = await decide(monthOnly.reference, clockForm("confirm-clock", monthOnly.proceedingId, "2026-03-01"));
    expect(noDate.status).toBe(409);
    expect(JSON.stringify(noDate.body)).toContain("not to the day");

    const decided = await caseWithDecision(addDays(today, -1));
    const wrongClock = await decide(decided.reference, {
      ...clockForm("confirm-clock", decided.proceedingId, addDays(today, -1)),
      clock: "supreme_court_permission",
    });
    expect(wrongClock.status).toBe(409);
    expect(JSON.stringify(wrongClock.body)).toContain("This time limit no longer applies to the proceeding");
    for (const fields of [
      { ...clockForm("confirm-clock", decided.proceedingId, addDays(today, -1)), clock: "costs" },
      { ...clockForm("confirm-clock", decided.proceedingId, "yesterday") },
      { ...clockForm("postpone-clock", decided.proceedingId, addDays(today, -1)) },
      { ...clockForm("confirm-clock", "not-an-id", addDays(today, -1)) },
    ]) {
      const outcome = await decide(decided.reference, fields);
      expect(outcome.status, JSON.stringify(fields)).toBe(400);
      expect(JSON.stringify(outcome.body)).toContain(
        "This time limit could not be read from the form. Reload the case page and try again.",
      );
    }
    // Another case's proceeding, through this case's address: not found.
    const other = await decide(decided.reference, clockForm("confirm-clock", monthOnly.proceedingId, "2026-03-01"));
    expect(other.status).toBe(404);
    for (const proceedingId of [monthOnly.proceedingId, decided.proceedingId]) {
      expect(await stored(proceedingId)).toEqual([]);
    }
  });

  it("a concluded case's confirmed clock is not on the deadlines page", async () => {
    const decidedOn = addDays(today, -4);
    const { reference, proceedingId } = await caseWithDecision(decidedOn);
    expect((await decide(reference, clockForm("confirm-clock", proceedingId, decidedOn))).status).toBe(302);
    expect((await deadlines()).nextDays.items.map((item) => item.sourceId)).toContain(proceedingId);
    const [caseRow] = await getDb()
      .select({ caseId: proceedings.caseId })
      .from(proceedings)
      .where(eq(proceedings.id, proceedingId));
    await getDb()
      .update(legalCases)
      .set({ status: "concluded" })
      .where(eq(legalCases.id, caseRow?.caseId ?? ""));
    expect((await deadlines()).nextDays.items.map((item) => item.sourceId)).not.toContain(proceedingId);
  });
});
