// Random planning and enforcement record forms, well-formed enough to reach the rules, posted to the
// record form's action for a council in England and one in Wales: every kind, its dates with a
// random precision, steps, stated periods, links to enforcement notices (this site's, another
// site's, made up), decisions, special reasons, categories. Whatever is posted: the answer is a
// redirect or a refusal (never a crash); a refusal writes nothing; a saved record's clocks are
// worked out on the site page and the deadlines page, a deadline is only ever counted from a
// day-precise date, a temporary stop notice never lasts longer than its nation allows, and a Welsh
// council never has an enforcement warning notice. (tests/e2e/actions-fuzz.test.ts posts hostile
// forms, with every kind's field names, to the built server.)
import { count, eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, daysBetween, isIsoDate } from "~/lib/dates";
import { type DatePrecision, datePrecisions, PRECISIONS_WITHOUT_DAY } from "~/lib/partial-date";
import {
  applicationCategories,
  KIND_DECISIONS,
  KIND_FIELDS,
  PAST_DATE_FIELDS,
  type PastDateField,
  planningDecisions,
  planningRecordKinds,
} from "~/lib/planning-codes";
import { loader as deadlinesLoader } from "~/routes/c.$slug.deadlines";
import { loader as siteLoader } from "~/routes/c.$slug.sites.$reference._index/route";
import { action as newRecordAction } from "~/routes/c.$slug.sites.$reference.records.new";
import { getDb } from "~db/client";
import { auditEvents, planningRecords } from "~db/schema";
import {
  addSite,
  type CouncilWithOfficer,
  councilWithOfficer,
  insertPlanningRecord,
  siteIdOf,
} from "../helpers/factories";
import { formRequest, getRequest, run } from "../helpers/http";

const SEED = 20261205;
const RUNS = 60;

interface Place {
  c: CouncilWithOfficer;
  site: string;
  /** An enforcement notice of the site, and one of another site of the same council. */
  notice: string;
  otherSitesNotice: string;
}

async function place(nation: "england" | "wales"): Promise<Place> {
  const c = await councilWithOfficer(nation === "wales" ? { nation, gssCode: null } : {});
  const site = await addSite(c.scope, { name: "Property Hotel" });
  const other = await addSite(c.scope, { name: "Other Property Hotel" });
  const notice = await insertPlanningRecord(c.council, await siteIdOf(c.council, site), {
    kind: "enforcement_notice",
    reference: "EN/P/1",
    servedOn: "2025-01-10",
    effectiveOn: "2025-02-20",
  });
  const otherSitesNotice = await insertPlanningRecord(c.council, await siteIdOf(c.council, other), {
    kind: "enforcement_notice",
    servedOn: "2025-01-10",
  });
  return { c, site, notice, otherSitesNotice };
}

let england: Place;
let wales: Place;

beforeAll(async () => {
  england = await place("england");
  wales = await place("wales");
});

/** A date as the GOV.UK date input sends it, with how exact it is. */
function dateInput(name: string, iso: string, precision: DatePrecision): Record<string, string> {
  const [year = "", month = "", day = ""] = iso.split("-");
  const fields: Record<string, string> = { [`${name}.year`]: year, [`${name}.precision`]: precision };
  if (precision !== "year") fields[`${name}.month`] = String(Number(month));
  if (!PRECISIONS_WITHOUT_DAY.includes(precision)) fields[`${name}.day`] = String(Number(day));
  return fields;
}

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
const precision = fc.constantFrom<DatePrecision>(...datePrecisions, "day", "day", "day", "day", "day", "day");
const gap = (min: number, max: number) => fc.integer({ min, max });

/**
 * A form of a random kind whose dates mostly come in a lawful order (so that many are saved), each
 * with a random precision, and the kind's other fields at random; now and then a date another kind
 * uses, or an out-of-order one, which the form must refuse or ignore.
 */
function recordForm(p: Place) {
  return fc
    .record({
      kind: fc.constantFrom(...planningRecordKinds),
      start: fc.date({
        min: new Date("2019-01-01T00:00:00Z"),
        max: new Date("2027-06-30T00:00:00Z"),
        noInvalidDate: true,
      }),
      present: fc.record(Object.fromEntries(PAST_DATE_FIELDS.map((field) => [field, fc.boolean()]))),
      precisions: fc.record(Object.fromEntries(PAST_DATE_FIELDS.map((field) => [field, precision]))),
      gaps: fc.record({
        validated: gap(0, 5),
        served: gap(0, 27),
        displayed: gap(0, 2),
        effective: gap(-2, 60),
        lodged: gap(1, 30),
        started: gap(0, 30),
        decided: gap(1, 200),
        withdrawn: gap(0, 100),
      }),
      extendedTo: maybe(gap(50, 200)),
      applicationCategory: maybe(fc.constantFrom(...applicationCategories, "")),
      decide: fc.boolean(),
      decision: fc.constantFrom(...planningDecisions),
      enforcementNoticeId: maybe(fc.constantFrom(p.notice, p.notice, p.otherSitesNotice, "not-a-record", "")),
      specialReasons: maybe(fc.constantFrom("Imminent further occupation", "")),
      statedPeriod: maybe(gap(1, 80)),
      statedPeriodUnit: maybe(fc.constantFrom("days", "months")),
      steps: fc.array(
        fc.record({
          steps: maybe(fc.constantFrom("Cease the use", "Remove the fencing", "")),
          compliancePeriod: maybe(gap(1, 24)),
          compliancePeriodUnit: maybe(fc.constantFrom("days", "months")),
        }),
        { maxLength: 3 },
      ),
    })
    .map((form) => {
      const fields: Record<string, string> = { kind: form.kind, status: "open" };
      const used = new Set<string>(KIND_FIELDS[form.kind]);
      const start = form.start.toISOString().slice(0, 10);
      const on: Record<PastDateField, string> = {
        receivedOn: start,
        validatedOn: addDays(start, form.gaps.validated),
        issuedOn: start,
        servedOn: addDays(start, form.gaps.served),
        displayedOn: addDays(start, form.gaps.displayed),
        effectiveOn: addDays(addDays(start, form.gaps.served), form.gaps.effective),
        lodgedOn: addDays(start, form.gaps.lodged),
        startedOn: addDays(addDays(start, form.gaps.lodged), form.gaps.started),
        decidedOn: addDays(start, 60 + form.gaps.decided),
        withdrawnOn: addDays(start, 60 + form.gaps.withdrawn),
      };
      const decisions = KIND_DECISIONS[form.kind] ?? [];
      const decision =
        form.decide && decisions.length > 0 ? decisions[form.gaps.decided % decisions.length] : undefined;
      for (const field of PAST_DATE_FIELDS) {
        const wanted =
          field === "decidedOn"
            ? decision !== undefined
            : field === "issuedOn" && form.kind === "temporary_stop_notice"
              ? form.present.displayedOn || form.present.issuedOn
              : form.present[field];
        if (wanted && (used.has(field) || form.gaps.started === 0)) {
          Object.assign(fields, dateInput(field, on[field], form.precisions[field] ?? "day"));
        }
      }
      if (decision) fields.decision = decision;
      else if (form.gaps.started === 1) fields.decision = form.decision;
      if (form.extendedTo !== undefined)
        Object.assign(fields, dateInput("extendedTo", addDays(start, form.extendedTo), "day"));
      for (const name of [
        "applicationCategory",
        "enforcementNoticeId",
        "specialReasons",
        "statedPeriodUnit",
      ] as const) {
        const value = form[name];
        if (value !== undefined) fields[name] = value;
      }
      if (form.statedPeriod !== undefined) fields.statedPeriod = String(form.statedPeriod);
      form.steps.forEach((step, index) => {
        if (step.steps !== undefined) fields[`complianceSteps[${index}].steps`] = step.steps;
        if (step.compliancePeriod !== undefined) {
          fields[`complianceSteps[${index}].compliancePeriod`] = String(step.compliancePeriod);
        }
        if (step.compliancePeriodUnit !== undefined) {
          fields[`complianceSteps[${index}].compliancePeriodUnit`] = step.compliancePeriodUnit;
        }
      });
      return fields;
    });
}

async function writes(p: Place) {
  const [records] = await getDb()
    .select({ n: count() })
    .from(planningRecords)
    .where(eq(planningRecords.tenantId, p.c.council.id));
  const [audits] = await getDb()
    .select({ n: count() })
    .from(auditEvents)
    .where(eq(auditEvents.tenantId, p.c.council.id));
  return { records: records?.n, audits: audits?.n };
}

/** How many forms each answer had, so a run that never saves (or never refuses) shows. */
const answers = new Map<string, number>();

async function check(p: Place, fields: Record<string, string>) {
  const { c, site } = p;
  const before = await writes(p);
  const outcome = await run(() =>
    newRecordAction({
      request: formRequest(`/c/${c.council.slug}/sites/${site}/records/new`, fields, { cookie: c.cookie }),
      params: { slug: c.council.slug, reference: site },
      context: {},
    }),
  );
  const where = JSON.stringify(fields);
  expect([302, 400, 409], where).toContain(outcome.status);
  const tally = `${p === wales ? "wales" : "england"} ${outcome.status}`;
  answers.set(tally, (answers.get(tally) ?? 0) + 1);
  if (outcome.status !== 302) {
    expect(await writes(p), `a refusal wrote something: ${where}`).toEqual(before);
    return;
  }
  const id = outcome.location?.match(/#record-(.+)$/)?.[1];
  const page = await run(() =>
    siteLoader({
      request: getRequest(`/c/${c.council.slug}/sites/${site}`, c.cookie),
      params: { slug: c.council.slug, reference: site },
      context: {},
    }),
  );
  expect(page.status, where).toBe(200);
  const card = (page.body as Awaited<ReturnType<typeof siteLoader>>).planningRecords.find((record) => record.id === id);
  expect(card, where).toBeDefined();
  if (!card) return;
  expect(card.kind === "enforcement_warning_notice" && p === wales, where).toBe(false);
  for (const deadline of card.deadlines) {
    expect(isIsoDate(deadline.dueOn), where).toBe(true);
    expect(deadline.rule.length > 0 && deadline.source.length > 0, where).toBe(true);
  }
  // A clock starts only from an exact day: a record whose dates are all less precise has none but its own.
  const exact = PAST_DATE_FIELDS.some((field) => card[field] && card[`${field}Precision`] === "day");
  if (!exact)
    expect(
      card.deadlines.filter((deadline) => deadline.key !== "officer-deadline"),
      where,
    ).toEqual([]);
  const expiry = card.deadlines.find((deadline) => deadline.key === "expires");
  if (expiry && card.displayedOn) {
    expect(daysBetween(card.displayedOn, expiry.dueOn), where).toBeLessThanOrEqual(p === wales ? 27 : 55);
  }
  const deadlines = await run(() =>
    deadlinesLoader({
      request: getRequest(`/c/${c.council.slug}/deadlines`, c.cookie),
      params: { slug: c.council.slug },
      context: {},
    }),
  );
  expect(deadlines.status, where).toBe(200);
}

describe("random record forms", () => {
  it("in England: a redirect or a refusal that writes nothing; saved clocks only from exact days", async () => {
    await fc.assert(
      fc.asyncProperty(recordForm(england), (fields) => check(england, fields)),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 120_000);

  it("in Wales: the same, a temporary stop notice never over 28 days, and no enforcement warning notice", async () => {
    await fc.assert(
      fc.asyncProperty(recordForm(wales), (fields) => check(wales, fields)),
      { seed: SEED + 1, numRuns: RUNS, endOnFailure: true },
    );
  }, 120_000);

  it("both saved and refused forms, in each nation", () => {
    for (const nation of ["england", "wales"]) {
      expect(answers.get(`${nation} 302`) ?? 0, JSON.stringify([...answers])).toBeGreaterThan(3);
      expect(answers.get(`${nation} 400`) ?? 0, JSON.stringify([...answers])).toBeGreaterThan(3);
    }
  });
});
