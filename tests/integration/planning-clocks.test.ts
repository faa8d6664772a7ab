// The statutory clocks of planning and enforcement records through the pages an officer uses: the
// record forms (bad input refused with the rule named, nothing written), the site page's card, the
// deadlines page and the calendar feed, for a council in England and one in Wales. Dates count
// from today, so the deadlines land in the page's sections.
import { and, count, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, addMonths, type IsoDate, todayInLondon } from "~/lib/dates";
import { formatDate } from "~/lib/format";
import { action as calendarAction } from "~/routes/c.$slug.calendar";
import { loader as deadlinesLoader } from "~/routes/c.$slug.deadlines";
import {
  PlanningRecordCard,
  type PlanningRecordView,
} from "~/routes/c.$slug.sites.$reference._index/planning-record-card";
import { loader as siteLoader } from "~/routes/c.$slug.sites.$reference._index/route";
import { action as chronologyCsvAction } from "~/routes/c.$slug.sites.$reference.chronology[.csv]";
import { action as editRecordAction } from "~/routes/c.$slug.sites.$reference.records.$recordId";
import { action as newRecordAction, loader as newRecordLoader } from "~/routes/c.$slug.sites.$reference.records.new";
import { loader as feedLoader } from "~/routes/calendar.$token[.ics]";
import { getDb } from "~db/client";
import { auditEvents, enforcementNoticeSteps, planningRecords } from "~db/schema";
import { addSite, type CouncilWithOfficer, councilWithOfficer } from "../helpers/factories";
import { dateFields, formRequest, getRequest, ORIGIN, run } from "../helpers/http";

const today = todayInLondon();
const day = (offset: number): IsoDate => addDays(today, offset);

let england: CouncilWithOfficer;
let wales: CouncilWithOfficer;
let englishSite: string;
let otherEnglishSite: string;
let welshSite: string;

beforeAll(async () => {
  england = await councilWithOfficer({ referencePrefix: "CK" });
  wales = await councilWithOfficer({ referencePrefix: "CW", nation: "wales", gssCode: null });
  englishSite = await addSite(england.scope, { name: "Clock Hotel" });
  otherEnglishSite = await addSite(england.scope, { name: "Other Clock Hotel" });
  welshSite = await addSite(wales.scope, { name: "Gwesty Clock" });
});

type Fields = Record<string, string>;

function postNew(c: CouncilWithOfficer, site: string, fields: Fields) {
  return run(() =>
    newRecordAction({
      request: formRequest(
        `/c/${c.council.slug}/sites/${site}/records/new`,
        { status: "open", ...fields },
        {
          cookie: c.cookie,
        },
      ),
      params: { slug: c.council.slug, reference: site },
      context: {},
    }),
  );
}

function postEdit(c: CouncilWithOfficer, site: string, id: string, fields: Fields) {
  return run(() =>
    editRecordAction({
      request: formRequest(
        `/c/${c.council.slug}/sites/${site}/records/${id}`,
        { status: "open", ...fields },
        {
          cookie: c.cookie,
        },
      ),
      params: { slug: c.council.slug, reference: site, recordId: id },
      context: {},
    }),
  );
}

const idOf = (outcome: { location: string | null }) => outcome.location?.match(/#record-(.+)$/)?.[1] ?? "";
const errorsOf = (body: unknown) => (body as { error?: Record<string, string[]> }).error ?? {};

/** What a refused request must not have changed: the council's records and its audit trail. */
async function writes(c: CouncilWithOfficer) {
  const [records] = await getDb()
    .select({ n: count() })
    .from(planningRecords)
    .where(eq(planningRecords.tenantId, c.council.id));
  const [audits] = await getDb().select({ n: count() }).from(auditEvents).where(eq(auditEvents.tenantId, c.council.id));
  return { records: records?.n, audits: audits?.n };
}

/** The deadlines page's data, as the council's officer. */
async function deadlinesPageData(c: CouncilWithOfficer) {
  const outcome = await run(() =>
    deadlinesLoader({
      request: getRequest(`/c/${c.council.slug}/deadlines`, c.cookie),
      params: { slug: c.council.slug },
      context: {},
    }),
  );
  expect(outcome.status).toBe(200);
  return outcome.body as Awaited<ReturnType<typeof deadlinesLoader>>;
}

async function deadlinesPage(c: CouncilWithOfficer) {
  const page = await deadlinesPageData(c);
  return [...page.overdue.items, ...page.thisWeek.items, ...page.nextDays.items];
}

/** The deadlines of one record on the deadlines page, as "label: date". */
async function listed(c: CouncilWithOfficer, recordId: string) {
  return (await deadlinesPage(c))
    .filter((item) => item.sourceId === recordId)
    .map((item) => `${item.label}: ${item.dueOn}`)
    .sort();
}

async function feedEvents(c: CouncilWithOfficer) {
  const made = await run(() =>
    calendarAction({
      request: formRequest(`/c/${c.council.slug}/calendar`, { intent: "create-address" }, { cookie: c.cookie }),
      params: { slug: c.council.slug },
      context: {},
    }),
  );
  const token = new URL((made.body as unknown as { feedUrl: string }).feedUrl).pathname.match(
    /^\/calendar\/(.+)\.ics$/,
  )?.[1];
  if (!token) throw new Error("no calendar address");
  const response = await feedLoader({
    request: new Request(`${ORIGIN}/calendar/${token}.ics`),
    params: { token },
    context: {},
  });
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  return calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
}

async function sitePage(c: CouncilWithOfficer, site: string) {
  const outcome = await run(() =>
    siteLoader({
      request: getRequest(`/c/${c.council.slug}/sites/${site}`, c.cookie),
      params: { slug: c.council.slug, reference: site },
      context: {},
    }),
  );
  return outcome.body as Awaited<ReturnType<typeof siteLoader>>;
}

const steps = (...rows: [string, string, "days" | "months"][]): Fields =>
  Object.fromEntries(
    rows.flatMap(([text, period, unit], index) => [
      [`complianceSteps[${index}].steps`, text],
      [`complianceSteps[${index}].compliancePeriod`, period],
      [`complianceSteps[${index}].compliancePeriodUnit`, unit],
    ]),
  );

describe("an enforcement notice, its steps and its appeal", () => {
  let notice: string;
  let appeal: string;
  const effective = day(-5);

  it("saves several steps, each with its own compliance date on the deadlines page and in the calendar", async () => {
    const created = await postNew(england, englishSite, {
      kind: "enforcement_notice",
      reference: "EN/CK/1",
      ...dateFields("issuedOn", day(-40)),
      ...dateFields("servedOn", day(-39)),
      ...dateFields("effectiveOn", effective),
      ...steps(["Cease the use as a hostel", "1", "months"], ["Remove the security fencing", "20", "days"]),
      // The empty rows the form adds are not steps.
      "complianceSteps[2].steps": "",
      "complianceSteps[2].compliancePeriod": "",
    });
    expect(created.status).toBe(302);
    notice = idOf(created);
    const stored = await getDb()
      .select()
      .from(enforcementNoticeSteps)
      .where(eq(enforcementNoticeSteps.planningRecordId, notice))
      .orderBy(enforcementNoticeSteps.position);
    expect(stored.map((step) => [step.position, step.steps, step.compliancePeriod, step.compliancePeriodUnit])).toEqual(
      [
        [1, "Cease the use as a hostel", 1, "months"],
        [2, "Remove the security fencing", 20, "days"],
      ],
    );
    expect(await listed(england, notice)).toEqual(
      [
        `Appeal must be lodged by: ${day(-6)}`,
        `Compliance due (step 1): ${addMonths(effective, 1)}`,
        `Compliance due (step 2): ${addDays(effective, 20)}`,
        `Takes effect: ${effective}`,
      ].sort(),
    );
    const events = await feedEvents(england);
    const step2 = events.find((event) => event.uid.startsWith(`planning_record-${notice}-compliance-due-2@`));
    expect(step2?.startDate.toString()).toBe(addDays(effective, 20));
    expect(step2?.description).toContain("Town and Country Planning Act 1990 s.173(9)");
  });

  it("an appeal linked to it suspends it: its dates leave the deadlines page and the calendar", async () => {
    const created = await postNew(england, englishSite, {
      kind: "enforcement_appeal",
      reference: "APP/CK/1",
      enforcementNoticeId: notice,
      ...dateFields("lodgedOn", day(-10)),
    });
    expect(created.status).toBe(302);
    appeal = idOf(created);
    expect(await listed(england, notice)).toEqual([]);
    expect((await feedEvents(england)).filter((event) => event.uid.includes(notice))).toEqual([]);
    const card = (await sitePage(england, englishSite)).planningRecords.find((record) => record.id === notice);
    expect(card?.deadlines.map((deadline) => [deadline.label, deadline.noLongerDue])).toEqual([
      [
        "Would have taken effect (suspended by the appeal)",
        `suspended while the appeal is pending (enforcement appeal APP/CK/1, lodged ${formatDate(day(-10))})`,
      ],
    ]);
  });

  it("the appeal dismissed: the notice takes effect that day and each compliance period restarts from it", async () => {
    const decided = day(-2);
    const outcome = await postEdit(england, englishSite, appeal, {
      kind: "enforcement_appeal",
      reference: "APP/CK/1",
      enforcementNoticeId: notice,
      ...dateFields("lodgedOn", day(-10)),
      decision: "dismissed",
      ...dateFields("decidedOn", decided),
      version: "1",
    });
    expect(outcome.status).toBe(302);
    expect(await listed(england, notice)).toEqual(
      [
        `Compliance due (step 1): ${addMonths(decided, 1)}`,
        `Compliance due (step 2): ${addDays(decided, 20)}`,
        `Takes effect (after the appeal): ${decided}`,
      ].sort(),
    );
  });

  it("changing the steps replaces them, audited with the notice in one entry", async () => {
    const [record] = await getDb().select().from(planningRecords).where(eq(planningRecords.id, notice));
    const outcome = await postEdit(england, englishSite, notice, {
      kind: "enforcement_notice",
      reference: "EN/CK/1",
      ...dateFields("issuedOn", day(-40)),
      ...dateFields("servedOn", day(-39)),
      ...dateFields("effectiveOn", effective),
      ...steps(["Cease the use as a hostel", "2", "months"]),
      version: String(record?.version),
    });
    expect(outcome.status).toBe(302);
    const [entry] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, notice), eq(auditEvents.action, "planning_record.updated")));
    expect((entry?.before as { steps: unknown[] }).steps).toHaveLength(2);
    expect((entry?.after as { steps: unknown[] }).steps).toEqual([
      { position: 1, steps: "Cease the use as a hostel", compliancePeriod: 2, compliancePeriodUnit: "months" },
    ]);
  });

  it("refuses to link an enforcement notice of another site, and to delete a notice an appeal names", async () => {
    const before = await writes(england);
    const elsewhere = await postNew(england, otherEnglishSite, {
      kind: "enforcement_appeal",
      enforcementNoticeId: notice,
    });
    expect(elsewhere.status).toBe(400);
    expect(errorsOf(elsewhere.body).enforcementNoticeId).toEqual([
      "Choose an enforcement notice recorded on this site",
    ]);
    const [record] = await getDb().select().from(planningRecords).where(eq(planningRecords.id, notice));
    const deleted = await run(() =>
      editRecordAction({
        request: formRequest(
          `/c/${england.council.slug}/sites/${englishSite}/records/${notice}`,
          { intent: "delete", version: String(record?.version) },
          { cookie: england.cookie },
        ),
        params: { slug: england.council.slug, reference: englishSite, recordId: notice },
        context: {},
      }),
    );
    expect(deleted.status).toBe(409);
    expect(JSON.stringify(deleted.body)).toContain("An appeal or a stop notice is linked to this enforcement notice");
    expect(await writes(england)).toEqual(before);
  });
});

describe("stop notices", () => {
  let notice: string;

  beforeAll(async () => {
    const created = await postNew(england, otherEnglishSite, {
      kind: "enforcement_notice",
      reference: "EN/CK/2",
      ...dateFields("issuedOn", day(-10)),
      ...dateFields("servedOn", day(-10)),
      ...dateFields("effectiveOn", day(20)),
      ...steps(["Cease the use", "2", "months"]),
    });
    notice = idOf(created);
  });

  it("refuses one taking effect 2 days after service without a statement of special reasons, and writes nothing", async () => {
    const before = await writes(england);
    const outcome = await postNew(england, otherEnglishSite, {
      kind: "stop_notice",
      enforcementNoticeId: notice,
      ...dateFields("servedOn", day(-1)),
      ...dateFields("effectiveOn", day(1)),
    });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome.body).effectiveOn).toEqual([
      "A stop notice must take effect at least 3 days after it is served, unless a statement of special reasons is served with it (section 184(3)(a)): enter the statement, or a later date",
    ]);
    expect(await writes(england)).toEqual(before);
  });

  it("accepts it with a statement of special reasons, and shows when it takes effect and ceases", async () => {
    const outcome = await postNew(england, otherEnglishSite, {
      kind: "stop_notice",
      reference: "SN/CK/1",
      enforcementNoticeId: notice,
      ...dateFields("servedOn", day(-1)),
      ...dateFields("effectiveOn", day(1)),
      specialReasons: "Occupation by a further 40 people is imminent",
    });
    expect(outcome.status).toBe(302);
    const id = idOf(outcome);
    expect(await listed(england, id)).toEqual([`Takes effect: ${day(1)}`]);
    // It ceases when the notice's period for compliance ends, two months after it takes effect: past
    // the deadlines page's 30 days, so on the card and in the calendar.
    const card = (await sitePage(england, otherEnglishSite)).planningRecords.find((record) => record.id === id);
    expect(card?.deadlines.map((deadline) => `${deadline.label}: ${deadline.dueOn}`)).toEqual([
      `Takes effect: ${day(1)}`,
      `Ceases to have effect: ${addMonths(day(20), 2)}`,
    ]);
    const ceases = (await feedEvents(england)).find((event) => event.uid.startsWith(`planning_record-${id}-ceases@`));
    expect(ceases?.startDate.toString()).toBe(addMonths(day(20), 2));
    expect(card?.enforcementNotice?.name).toMatch(/^EN\/CK\/2, issued /);
  });

  it("needs the enforcement notice it accompanies once served (s.184(1))", async () => {
    const outcome = await postNew(england, otherEnglishSite, {
      kind: "stop_notice",
      ...dateFields("servedOn", day(-1)),
      ...dateFields("effectiveOn", day(5)),
    });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome.body).enforcementNoticeId?.[0]).toMatch(/section 184\(1\)/);
  });

  it("refuses one served once its enforcement notice has taken effect (s.183(3))", async () => {
    const early = await postNew(england, otherEnglishSite, {
      kind: "enforcement_notice",
      reference: "EN/CK/3",
      ...dateFields("servedOn", day(-60)),
      ...dateFields("effectiveOn", day(-30)),
    });
    const before = await writes(england);
    const outcome = await postNew(england, otherEnglishSite, {
      kind: "stop_notice",
      enforcementNoticeId: idOf(early),
      ...dateFields("servedOn", day(-1)),
      ...dateFields("effectiveOn", day(5)),
    });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome.body).servedOn).toEqual([
      `A stop notice cannot be served once its enforcement notice has taken effect (section 183(3)): EN/CK/3 took effect on ${formatDate(day(-30))}`,
    ]);
    expect(await writes(england)).toEqual(before);
  });
});

describe("dates as precise as their sources", () => {
  it("refuses a day-precise effective date before a month-precise service date, and writes nothing", async () => {
    const before = await writes(england);
    const outcome = await postNew(england, englishSite, {
      kind: "enforcement_notice",
      "servedOn.month": "3",
      "servedOn.year": "2021",
      "servedOn.precision": "month",
      ...dateFields("effectiveOn", "2021-02-15"),
    });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome.body).effectiveOn).toEqual([
      "The date it takes effect must be the same as or after the date served",
    ]);
    expect(await writes(england)).toEqual(before);
  });

  it("a notice served in a month known only: shown as written, no deadline and why, nothing in the calendar", async () => {
    const outcome = await postNew(england, englishSite, {
      kind: "planning_contravention_notice",
      reference: "PCN/CK/MONTH",
      "servedOn.month": "3",
      "servedOn.year": "2021",
      "servedOn.precision": "month",
    });
    expect(outcome.status).toBe(302);
    const id = idOf(outcome);
    const [stored] = await getDb().select().from(planningRecords).where(eq(planningRecords.id, id));
    expect(stored).toMatchObject({ servedOn: "2021-03-01", servedOnPrecision: "month" });
    const card = (await sitePage(england, englishSite)).planningRecords.find((record) => record.id === id);
    expect(card?.deadlines).toEqual([]);
    expect(card?.notes.map((note) => note.text)).toEqual([
      "No deadline: the date served is known only to the month (March 2021); deadlines are counted from an exact day.",
    ]);
    expect(await listed(england, id)).toEqual([]);
    expect((await feedEvents(england)).filter((event) => event.uid.includes(id))).toEqual([]);
    // The card says it as written, and why no date follows.
    const html = renderToStaticMarkup(
      createElement(PlanningRecordCard, { planningRecord: card as PlanningRecordView, base: "/x", canEdit: false }),
    );
    expect(html).toContain('<dd class="govuk-summary-list__value">March 2021</dd>');
    expect(html).toContain("No deadline: the date served is known only to the month (March 2021)");
    // The chronology's CSV gives the date as far as it is known, with the words beside it.
    const csv = await run(() =>
      chronologyCsvAction({
        request: formRequest(
          `/c/${england.council.slug}/sites/${englishSite}/chronology.csv`,
          { internal: "on" },
          {
            cookie: england.cookie,
          },
        ),
        params: { slug: england.council.slug, reference: englishSite },
        context: {},
      }),
    );
    expect(String(csv.body)).toContain("2021-03,March 2021,,Planning contravention notice (PCN) PCN/CK/MONTH served");
  });

  it("the card strikes through a date no longer due and says why", async () => {
    const outcome = await postNew(england, englishSite, {
      kind: "planning_application",
      reference: "CK/APP/WITHDRAWN",
      ...dateFields("validatedOn", "2023-02-21"),
      ...dateFields("withdrawnOn", "2024-03-21"),
      status: "withdrawn",
    });
    const card = (await sitePage(england, englishSite)).planningRecords.find((record) => record.id === idOf(outcome));
    const html = renderToStaticMarkup(
      createElement(PlanningRecordCard, { planningRecord: card as PlanningRecordView, base: "/x", canEdit: false }),
    );
    expect(html).toContain("<del>18 April 2023</del> No longer due: the application was withdrawn on 21 March 2024.");
    expect(html).toContain("Not recorded");
  });
});

describe("temporary stop notices in England and Wales", () => {
  it("in England, one issued and displayed 40 days ago lasts 56 days", async () => {
    const outcome = await postNew(england, englishSite, {
      kind: "temporary_stop_notice",
      ...dateFields("issuedOn", day(-40)),
      ...dateFields("displayedOn", day(-40)),
    });
    expect(await listed(england, idOf(outcome))).toEqual([`Expires: ${day(15)}`]);
  });

  it("in Wales the same notice lasts 28 days", async () => {
    const outcome = await postNew(wales, welshSite, {
      kind: "temporary_stop_notice",
      ...dateFields("issuedOn", day(-40)),
      ...dateFields("displayedOn", day(-40)),
    });
    expect(outcome.status).toBe(302);
    expect(await listed(wales, idOf(outcome))).toEqual([`Expires: ${day(-13)}`]);
    const event = (await feedEvents(wales)).find((item) =>
      item.uid.startsWith(`planning_record-${idOf(outcome)}-expires@`),
    );
    expect(event?.startDate.toString()).toBe(day(-13));
    expect(event?.description).toContain("28 days in Wales");
  });

  it("the deadlines page knows each council's nation, and says for Wales what the clocks cover", async () => {
    expect((await deadlinesPageData(wales)).nation).toBe("wales");
    expect((await deadlinesPageData(england)).nation).toBe("england");
  });

  it("refuses a Welsh council's notice stating 56 days, and writes nothing", async () => {
    const before = await writes(wales);
    const outcome = await postNew(wales, welshSite, {
      kind: "temporary_stop_notice",
      ...dateFields("issuedOn", day(-2)),
      ...dateFields("displayedOn", day(-2)),
      statedPeriod: "56",
    });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome.body).statedPeriod).toEqual([
      "A temporary stop notice in Wales cannot last more than 28 days (section 171E(7)(a))",
    ]);
    expect(await writes(wales)).toEqual(before);
  });
});

describe("enforcement warning notices (England only)", () => {
  it("invites an application by the end of the period it states", async () => {
    const outcome = await postNew(england, englishSite, {
      kind: "enforcement_warning_notice",
      ...dateFields("issuedOn", day(-7)),
      statedPeriod: "28",
      statedPeriodUnit: "days",
    });
    expect(outcome.status).toBe(302);
    expect(await listed(england, idOf(outcome))).toEqual([`Application invited by: ${day(21)}`]);
  });

  it("is refused for a council in Wales, on the page and by the form, and nothing is written", async () => {
    const page = await run(() =>
      newRecordLoader({
        request: getRequest(
          `/c/${wales.council.slug}/sites/${welshSite}/records/new?kind=enforcement_warning_notice`,
          wales.cookie,
        ),
        params: { slug: wales.council.slug, reference: welshSite },
        context: {},
      }),
    );
    const body = page.body as Awaited<ReturnType<typeof newRecordLoader>>;
    expect(body.kind).toBeNull();
    expect(body.kinds).not.toContain("enforcement_warning_notice");
    const message =
      "Enforcement warning notices (section 172ZA) apply only in England, so a council in Wales cannot record one.";
    expect(body.kindError).toBe(message);
    const before = await writes(wales);
    const outcome = await postNew(wales, welshSite, {
      kind: "enforcement_warning_notice",
      ...dateFields("issuedOn", day(-7)),
      statedPeriod: "28",
      statedPeriodUnit: "days",
    });
    expect(outcome.status).toBe(409);
    expect(JSON.stringify(outcome.body)).toContain(message);
    expect(await writes(wales)).toEqual(before);
  });
});

describe("a planning application", () => {
  it("is due 13 weeks after validation when major, on the deadlines page and in the calendar", async () => {
    const outcome = await postNew(england, englishSite, {
      kind: "planning_application",
      reference: "CK/APP/1",
      applicationCategory: "major",
      ...dateFields("receivedOn", day(-80)),
      ...dateFields("validatedOn", day(-80)),
    });
    expect(outcome.status).toBe(302);
    const id = idOf(outcome);
    expect(await listed(england, id)).toEqual([`Decision due: ${day(11)}`]);
    const event = (await feedEvents(england)).find((item) =>
      item.uid.startsWith(`planning_record-${id}-determination-due@`),
    );
    expect(event?.startDate.toString()).toBe(day(11));
  });
});
