// Planning and enforcement records and periods of use through their routes: statutory checks
// between dates, computed deadlines on the dashboard, edits with a stale version, deletion.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInLondon } from "~/lib/dates";
import { loader as dashboardLoader } from "~/routes/c.$slug._index";
import { action as editRecordAction } from "~/routes/c.$slug.sites.$reference.records.$recordId";
import { action as newRecordAction, loader as newRecordLoader } from "~/routes/c.$slug.sites.$reference.records.new";
import { action as editPeriodAction } from "~/routes/c.$slug.sites.$reference.use-periods.$periodId";
import { action as newPeriodAction } from "~/routes/c.$slug.sites.$reference.use-periods.new";
import { getDb } from "~db/client";
import { auditEvents, planningRecords, usePeriods } from "~db/schema";
import { addSite, type CouncilWithOfficer, councilWithOfficer } from "../helpers/factories";
import { dateFields, formRequest, getRequest, run } from "../helpers/http";

let c: CouncilWithOfficer;
let site: string;

beforeAll(async () => {
  c = await councilWithOfficer({ referencePrefix: "PR" });
  site = await addSite(c.scope, { name: "Records Hotel" });
});

function postRecord(fields: Record<string, string>) {
  return run(() =>
    newRecordAction({
      request: formRequest(`/c/${c.council.slug}/sites/${site}/records/new`, fields, { cookie: c.cookie }),
      params: { slug: c.council.slug, reference: site },
      context: {},
    }),
  );
}

const errorsOf = (body: unknown) => (body as { error?: Record<string, string[]> }).error ?? {};

describe("adding records", () => {
  it("a PCN served 10 days ago puts its response date, 20 days after service, in the next 14 days", async () => {
    const today = todayInLondon();
    const served = addDays(today, -10);
    const outcome = await postRecord({
      kind: "planning_contravention_notice",
      status: "open",
      reference: "PCN/7",
      ...dateFields("servedOn", served),
    });
    expect(outcome.status).toBe(302);
    const dashboard = await run(() =>
      dashboardLoader({
        request: getRequest(`/c/${c.council.slug}`, c.cookie),
        params: { slug: c.council.slug },
        context: {},
      }),
    );
    const body = dashboard.body as Awaited<ReturnType<typeof dashboardLoader>>;
    expect(body.dueSoon).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          label: "Response due",
          dueOn: addDays(served, 20),
          name: "Planning contravention notice (PCN) PCN/7",
        }),
      ]),
    );
  });

  it("an overdue date on an open record is listed as overdue; a closed record's is not", async () => {
    await postRecord({
      kind: "temporary_stop_notice",
      status: "open",
      reference: "TSN/OLD",
      ...dateFields("issuedOn", "2024-01-10"),
      ...dateFields("displayedOn", "2024-01-10"),
    });
    await postRecord({
      kind: "temporary_stop_notice",
      status: "closed",
      reference: "TSN/DONE",
      ...dateFields("issuedOn", "2024-01-10"),
      ...dateFields("displayedOn", "2024-01-10"),
    });
    const dashboard = await run(() =>
      dashboardLoader({
        request: getRequest(`/c/${c.council.slug}`, c.cookie),
        params: { slug: c.council.slug },
        context: {},
      }),
    );
    const body = dashboard.body as Awaited<ReturnType<typeof dashboardLoader>>;
    const overdue = body.overdue.map((deadline) => deadline.name);
    expect(overdue).toContain("Temporary stop notice TSN/OLD");
    expect(overdue).not.toContain("Temporary stop notice TSN/DONE");
  });

  it.each([
    [
      "an enforcement notice taking effect less than 28 days after service",
      {
        kind: "enforcement_notice",
        ...dateFields("servedOn", "2025-11-01"),
        ...dateFields("effectiveOn", "2025-11-20"),
      },
      "effectiveOn",
      "The notice must take effect at least 28 days after it is served (section 172(3)(b))",
    ],
    [
      "an enforcement notice served more than 28 days after issue",
      { kind: "enforcement_notice", ...dateFields("issuedOn", "2025-10-01"), ...dateFields("servedOn", "2025-11-01") },
      "servedOn",
      "Copies must be served within 28 days of issue (section 172(3)(a))",
    ],
    [
      "a stop notice taking effect more than 28 days after service",
      { kind: "stop_notice", ...dateFields("servedOn", "2025-05-01"), ...dateFields("effectiveOn", "2025-06-15") },
      "effectiveOn",
      "A stop notice must take effect within 28 days of service (section 184(3)(b))",
    ],
    [
      "a breach of condition notice allowing 14 days",
      {
        kind: "breach_of_condition_notice",
        ...dateFields("servedOn", "2025-05-01"),
        compliancePeriod: "14",
        compliancePeriodUnit: "days",
      },
      "compliancePeriod",
      "A breach of condition notice must allow at least 28 days (section 187A(7))",
    ],
    [
      "a certificate with no type",
      { kind: "lawful_development_certificate" },
      "certificateType",
      "Choose whether the certificate is for an existing or a proposed use",
    ],
    [
      "a date that does not exist",
      { kind: "planning_contravention_notice", ...dateFields("servedOn", "2025-02-28"), "servedOn.day": "31" },
      "servedOn",
      "The date served must be a real date, like 19 8 2025",
    ],
    [
      "a decision with no date",
      { kind: "planning_application", decision: "refused" },
      "decidedOn",
      "Enter the decision date",
    ],
  ])("refuses %s, naming the rule, and writes nothing", async (_name, fields, field, message) => {
    const before = await getDb()
      .select({ id: planningRecords.id })
      .from(planningRecords)
      .where(eq(planningRecords.tenantId, c.council.id));
    const outcome = await postRecord({ status: "open", ...fields });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome.body)[field]).toEqual([message]);
    const after = await getDb()
      .select({ id: planningRecords.id })
      .from(planningRecords)
      .where(eq(planningRecords.tenantId, c.council.id));
    expect(after.length).toBe(before.length);
  });

  it("stores only the fields the kind uses", async () => {
    const outcome = await postRecord({
      kind: "planning_contravention_notice",
      status: "open",
      ...dateFields("servedOn", "2025-09-01"),
      ...dateFields("effectiveOn", "2025-10-01"),
      stepsRequired: "should not be kept",
    });
    const id = outcome.location?.match(/#record-(.+)$/)?.[1] ?? "";
    const [record] = await getDb().select().from(planningRecords).where(eq(planningRecords.id, id));
    expect(record).toMatchObject({ servedOn: "2025-09-01", effectiveOn: null, stepsRequired: null });
  });

  it("asks which kind of record first, and says so when none is chosen", async () => {
    const outcome = await run(() =>
      newRecordLoader({
        request: getRequest(`/c/${c.council.slug}/sites/${site}/records/new?chosen=1`, c.cookie),
        params: { slug: c.council.slug, reference: site },
        context: {},
      }),
    );
    expect(outcome.body).toMatchObject({ kind: null, kindError: "Choose what kind of record it is" });
  });
});

describe("changing and deleting a record", () => {
  it("refuses a stale edit, then deletes with the current version and audits the deletion", async () => {
    const created = await postRecord({
      kind: "enforcement_notice",
      status: "open",
      reference: "EN/1",
      ...dateFields("issuedOn", "2025-11-01"),
    });
    const id = created.location?.match(/#record-(.+)$/)?.[1] ?? "";
    const post = (fields: Record<string, string>) =>
      run(() =>
        editRecordAction({
          request: formRequest(`/c/${c.council.slug}/sites/${site}/records/${id}`, fields, { cookie: c.cookie }),
          params: { slug: c.council.slug, reference: site, recordId: id },
          context: {},
        }),
      );
    const first = await post({ kind: "enforcement_notice", status: "open", reference: "EN/1A", version: "1" });
    expect(first.status).toBe(302);
    const stale = await post({ kind: "enforcement_notice", status: "open", reference: "EN/1B", version: "1" });
    expect(stale.status).toBe(409);
    expect(JSON.stringify(stale.body)).toContain("Someone else changed this record");
    expect((await post({ intent: "delete", version: "1" })).status).toBe(409);
    expect((await post({ intent: "delete", version: "2" })).location).toContain("done=record-deleted");
    expect(await getDb().select().from(planningRecords).where(eq(planningRecords.id, id))).toEqual([]);
    const [entry] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "planning_record.deleted"));
    expect(entry?.before).toMatchObject({ reference: "EN/1A" });
  });

  it("a record id that is not an id, or another site's, is not found", async () => {
    const other = await addSite(c.scope, { name: "Other Hotel" });
    const created = await postRecord({ kind: "planning_appeal", status: "open" });
    const id = created.location?.match(/#record-(.+)$/)?.[1] ?? "";
    for (const [reference, recordId] of [
      [site, "not-an-id"],
      [other, id],
    ]) {
      const outcome = await run(() =>
        editRecordAction({
          request: formRequest(
            `/c/${c.council.slug}/sites/${reference}/records/${recordId}`,
            { intent: "delete", version: "1" },
            { cookie: c.cookie },
          ),
          params: { slug: c.council.slug, reference, recordId },
          context: {},
        }),
      );
      expect(outcome.status).toBe(404);
    }
  });
});

describe("periods of use", () => {
  it("adds, refuses an end before the start, changes and deletes a period", async () => {
    const post = (fields: Record<string, string>) =>
      run(() =>
        newPeriodAction({
          request: formRequest(`/c/${c.council.slug}/sites/${site}/use-periods/new`, fields, { cookie: c.cookie }),
          params: { slug: c.council.slug, reference: site },
          context: {},
        }),
      );
    const missing = await post({ description: "no start" });
    expect(errorsOf(missing.body).startsOn).toEqual(["Enter the date the use began"]);
    const backwards = await post({ ...dateFields("startsOn", "2022-10-01"), ...dateFields("endsOn", "2021-01-01") });
    expect(errorsOf(backwards.body).endsOn).toEqual(["The end date must be the same as or after the start date"]);
    expect((await post({ ...dateFields("startsOn", "2022-10-01"), description: "Second period" })).status).toBe(302);
    const [period] = await getDb().select().from(usePeriods).where(eq(usePeriods.tenantId, c.council.id));
    expect(period).toMatchObject({ startsOn: "2022-10-01", endsOn: null, description: "Second period" });
    const edit = (fields: Record<string, string>) =>
      run(() =>
        editPeriodAction({
          request: formRequest(`/c/${c.council.slug}/sites/${site}/use-periods/${period?.id}`, fields, {
            cookie: c.cookie,
          }),
          params: { slug: c.council.slug, reference: site, periodId: period?.id ?? "" },
          context: {},
        }),
      );
    expect(
      (await edit({ ...dateFields("startsOn", "2022-10-01"), ...dateFields("endsOn", "2024-04-01"), version: "1" }))
        .status,
    ).toBe(302);
    expect((await edit({ intent: "delete", version: "2" })).location).toContain("done=period-deleted");
    expect(await getDb().select().from(usePeriods).where(eq(usePeriods.tenantId, c.council.id))).toEqual([]);
  });
});
