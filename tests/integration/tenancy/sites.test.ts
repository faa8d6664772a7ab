// Council B against council A's sites, periods of use and planning records (with an enforcement
// notice's steps and the links to it): every route and domain function gives 404 (or simply leaves
// A's rows out, or refuses the link) and changes nothing; the database refuses what they would allow.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as dashboardLoader } from "~/routes/c.$slug._index";
import { loader as listLoader } from "~/routes/c.$slug.sites._index";
import { loader as siteLoader } from "~/routes/c.$slug.sites.$reference._index/route";
import { action as editAction, loader as editLoader } from "~/routes/c.$slug.sites.$reference.edit";
import {
  action as editRecordAction,
  loader as editRecordLoader,
} from "~/routes/c.$slug.sites.$reference.records.$recordId";
import { action as newRecordAction, loader as newRecordLoader } from "~/routes/c.$slug.sites.$reference.records.new";
import {
  action as editPeriodAction,
  loader as editPeriodLoader,
} from "~/routes/c.$slug.sites.$reference.use-periods.$periodId";
import { action as newPeriodAction } from "~/routes/c.$slug.sites.$reference.use-periods.new";
import { loader as csvLoader } from "~/routes/c.$slug.sites[.csv]";
import { withTenant } from "~/server/access/tenancy.server";
import { deletePlanningRecord, getPlanningRecord, updatePlanningRecord } from "~/server/council/sites/planning.server";
import { getSiteRecord, listSites, setSiteArchived, updateSite } from "~/server/council/sites/sites.server";
import { deleteUsePeriod, updateUsePeriod } from "~/server/council/sites/use-periods.server";
import { getDb } from "~db/client";
import { enforcementNoticeSteps, planningRecords, sites, usePeriods } from "~db/schema";
import { refusalOf } from "../../helpers/db-errors";
import {
  addSite,
  type CouncilWithOfficer,
  councilWithOfficer,
  insertComplianceSteps,
  insertPlanningRecord,
  insertUsePeriod,
  siteIdOf,
} from "../../helpers/factories";
import { dateFields, formRequest, getRequest, run } from "../../helpers/http";

let a: CouncilWithOfficer;
let b: CouncilWithOfficer;
let siteA: string;
let recordA: string;
let periodA: string;

async function snapshotOfA() {
  const [siteRows, recordRows, periodRows] = await Promise.all([
    getDb().select().from(sites).where(eq(sites.tenantId, a.council.id)),
    getDb().select().from(planningRecords).where(eq(planningRecords.tenantId, a.council.id)),
    getDb().select().from(usePeriods).where(eq(usePeriods.tenantId, a.council.id)),
  ]);
  return { siteRows, recordRows, periodRows };
}

beforeAll(async () => {
  a = await councilWithOfficer({ referencePrefix: "AA" });
  b = await councilWithOfficer({ referencePrefix: "BB" });
  siteA = await addSite(a.scope, { name: "Council A's Hotel" });
  await addSite(b.scope, { name: "Council B's Hotel" });
  const siteAId = await siteIdOf(a.council, siteA);
  recordA = await insertPlanningRecord(a.council, siteAId, {
    kind: "planning_contravention_notice",
    servedOn: "2026-11-20",
  });
  periodA = await insertUsePeriod(a.council, siteAId, { startsOn: "2025-04-01" });
});

describe("council B's officer against council A's sites", () => {
  it("gets 404 from every page of A's site, through A's URL and through B's", async () => {
    type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
    const pages: [Loader, string, Record<string, string>][] = [
      [siteLoader, "", {}],
      [editLoader, "/edit", {}],
      [newRecordLoader, "/records/new", {}],
      [editRecordLoader, `/records/${recordA}`, { recordId: recordA }],
      [editPeriodLoader, `/use-periods/${periodA}`, { periodId: periodA }],
    ];
    for (const slug of [a.council.slug, b.council.slug]) {
      for (const [loader, path, extra] of pages) {
        const outcome = await run(() =>
          loader({
            request: getRequest(`/c/${slug}/sites/${siteA}${path}`, b.cookie),
            params: { slug, reference: siteA, ...extra },
            context: {},
          }),
        );
        expect(outcome.status, `${slug} ${path}`).toBe(404);
      }
    }
  });

  it("cannot change, archive, add to or delete from A's site by any form", async () => {
    const before = await snapshotOfA();
    type Action = (args: ActionFunctionArgs) => Promise<unknown>;
    const posts: [Action, string, Record<string, string>, Record<string, string>][] = [
      [editAction, "/edit", {}, { name: "Taken over", status: "ceased", contractor: "unknown", version: "1" }],
      [editAction, "/edit", {}, { intent: "archive", version: "1" }],
      [newRecordAction, "/records/new", {}, { kind: "stop_notice", status: "open" }],
      [
        editRecordAction,
        `/records/${recordA}`,
        { recordId: recordA },
        { kind: "planning_contravention_notice", status: "closed", version: "1" },
      ],
      [editRecordAction, `/records/${recordA}`, { recordId: recordA }, { intent: "delete", version: "1" }],
      [newPeriodAction, "/use-periods/new", {}, dateFields("startsOn", "2020-01-01")],
      [editPeriodAction, `/use-periods/${periodA}`, { periodId: periodA }, { intent: "delete", version: "1" }],
    ];
    for (const slug of [a.council.slug, b.council.slug]) {
      for (const [action, path, extra, fields] of posts) {
        const outcome = await run(() =>
          action({
            request: formRequest(`/c/${slug}/sites/${siteA}${path}`, fields, { cookie: b.cookie }),
            params: { slug, reference: siteA, ...extra },
            context: {},
          }),
        );
        expect(outcome.status, `${slug} ${path} ${JSON.stringify(fields)}`).toBe(404);
      }
    }
    expect(await snapshotOfA()).toEqual(before);
  });

  it("sees none of A's sites in its list, CSV or dashboard", async () => {
    const list = await run(() =>
      listLoader({
        request: getRequest(`/c/${b.council.slug}/sites?search=Council`, b.cookie),
        params: { slug: b.council.slug },
        context: {},
      }),
    );
    expect((list.body as { sites: { name: string }[] }).sites.map((site) => site.name)).toEqual(["Council B's Hotel"]);
    const csv = await run(() =>
      csvLoader({
        request: getRequest(`/c/${b.council.slug}/sites.csv`, b.cookie),
        params: { slug: b.council.slug },
        context: {},
      }),
    );
    expect(String(csv.body)).not.toContain("Council A's Hotel");
    const dashboard = await run(() =>
      dashboardLoader({
        request: getRequest(`/c/${b.council.slug}`, b.cookie),
        params: { slug: b.council.slug },
        context: {},
      }),
    );
    expect(JSON.stringify(dashboard.body)).not.toContain(siteA);
  });

  it("B's scope gets nothing from the domain functions with A's references, and changes nothing", async () => {
    const before = await snapshotOfA();
    expect(await getSiteRecord(b.scope, siteA)).toBeUndefined();
    expect(await getPlanningRecord(b.scope, siteA, recordA)).toBeUndefined();
    expect((await listSites(b.scope, { search: "Council A" })).total).toBe(0);
    const siteInput = {
      name: "x",
      addressLine1: null,
      addressLine2: null,
      town: null,
      postcode: null,
      uprn: null,
      latitude: null,
      longitude: null,
      locationAccuracy: null,
      locationNote: null,
      ownerName: null,
      operatorName: null,
      contractor: "unknown" as const,
      contractorOther: null,
      rooms: null,
      lawfulUse: null,
      lawfulUseOther: null,
      useComplainedOf: null,
      status: "ceased" as const,
    };
    expect(await updateSite(b.scope, siteA, { ...siteInput, version: 1 })).toBe(false);
    expect(await setSiteArchived(b.scope, siteA, true, 1)).toBe(false);
    expect(await deletePlanningRecord(b.scope, siteA, recordA, 1)).toBe(false);
    expect(await deleteUsePeriod(b.scope, siteA, periodA, 1)).toBe(false);
    expect(
      await updateUsePeriod(b.scope, siteA, periodA, {
        startsOn: "2020-01-01",
        endsOn: null,
        description: null,
        source: null,
        version: 1,
      }),
    ).toBe(false);
    const record = await getDb().select().from(planningRecords).where(eq(planningRecords.id, recordA));
    expect(
      await updatePlanningRecord(b.scope, siteA, recordA, {
        ...(record[0] as unknown as Parameters<typeof updatePlanningRecord>[3]),
        steps: [],
        kind: "stop_notice",
        version: 1,
      }),
    ).toBe(false);
    expect(await snapshotOfA()).toEqual(before);
  });

  it("row-level security: B's transaction that forgets its filter sees and touches none of A's rows", async () => {
    const seen = await withTenant(b.scope, async (tx) => ({
      sites: await tx.select({ tenantId: sites.tenantId }).from(sites),
      records: await tx.select({ id: planningRecords.id }).from(planningRecords),
      periods: await tx.select({ id: usePeriods.id }).from(usePeriods),
      deleted: await tx.execute(sql`delete from planning_records where id = ${recordA}`),
    }));
    expect(new Set(seen.sites.map((row) => row.tenantId))).toEqual(new Set([b.council.id]));
    expect(seen.records).toEqual([]);
    expect(seen.periods).toEqual([]);
    expect(
      await getDb().select({ id: planningRecords.id }).from(planningRecords).where(eq(planningRecords.id, recordA)),
    ).toHaveLength(1);
  });
});

describe("council B against council A's enforcement notices and their steps", () => {
  let noticeA: string;
  let siteB: string;

  beforeAll(async () => {
    noticeA = await insertPlanningRecord(a.council, await siteIdOf(a.council, siteA), {
      kind: "enforcement_notice",
      servedOn: "2026-11-01",
      effectiveOn: "2026-12-10",
    });
    await insertComplianceSteps(a.council, noticeA, [
      { steps: "Cease the use", compliancePeriod: 3, compliancePeriodUnit: "months" },
    ]);
    siteB = (await listSites(b.scope, {})).sites[0]?.reference ?? "";
  });

  it("cannot link an appeal or a stop notice to A's notice: refused, nothing written", async () => {
    const before = await snapshotOfA();
    for (const kind of ["enforcement_appeal", "stop_notice"]) {
      const outcome = await run(() =>
        newRecordAction({
          request: formRequest(
            `/c/${b.council.slug}/sites/${siteB}/records/new`,
            { kind, status: "open", enforcementNoticeId: noticeA, ...dateFields("servedOn", "2026-11-20") },
            { cookie: b.cookie },
          ),
          params: { slug: b.council.slug, reference: siteB },
          context: {},
        }),
      );
      expect(outcome.status).toBe(400);
      expect(JSON.stringify(outcome.body)).toContain("Choose an enforcement notice recorded on this site");
    }
    expect(
      await getDb()
        .select({ id: planningRecords.id })
        .from(planningRecords)
        .where(eq(planningRecords.enforcementNoticeId, noticeA)),
    ).toEqual([]);
    expect(await snapshotOfA()).toEqual(before);
  });

  it("the database refuses a link to another council's notice, and B's role sees none of A's steps", async () => {
    const siteBId = await siteIdOf(b.council, siteB);
    const refusal = await refusalOf(
      getDb().insert(planningRecords).values({
        tenantId: b.council.id,
        siteId: siteBId,
        kind: "enforcement_appeal",
        enforcementNoticeId: noticeA,
      }),
    );
    expect(refusal).toContain("planning_records_enforcement_notice_fk");
    const seen = await withTenant(b.scope, async (tx) => ({
      steps: await tx.select({ id: enforcementNoticeSteps.id }).from(enforcementNoticeSteps),
      deleted: await tx.execute(sql`delete from enforcement_notice_steps where planning_record_id = ${noticeA}`),
    }));
    expect(seen.steps).toEqual([]);
    expect(
      await getDb()
        .select({ id: enforcementNoticeSteps.id })
        .from(enforcementNoticeSteps)
        .where(eq(enforcementNoticeSteps.planningRecordId, noticeA)),
    ).toHaveLength(1);
  });
});
