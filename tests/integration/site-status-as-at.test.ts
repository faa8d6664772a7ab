// A site's status is stated as at a date: the latest date a source confirms it, as precise as that
// source. A new or changed status without a new date is as at today; a date in the future is refused
// and changes nothing; the site page, the register and the CSV say it.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { todayInLondon } from "~/lib/dates";
import { loader as siteLoader } from "~/routes/c.$slug.sites.$reference._index/route";
import { action as editAction } from "~/routes/c.$slug.sites.$reference.edit";
import { action as newAction } from "~/routes/c.$slug.sites.new";
import { loader as csvLoader } from "~/routes/c.$slug.sites[.csv]";
import { signIn } from "~/server/access/auth.server";
import { getDb } from "~db/client";
import { sites } from "~db/schema";
import { seedDemo } from "~db/seed/demo";
import { type CouncilWithOfficer, councilWithOfficer } from "../helpers/factories";
import { formRequest, getRequest, run } from "../helpers/http";

let a: CouncilWithOfficer;

beforeAll(async () => {
  a = await councilWithOfficer({ referencePrefix: "SA" });
});

const hotel = { name: "The Dated Hotel", status: "proposed", contractor: "unknown" };

type Action = (args: Parameters<typeof newAction>[0]) => Promise<unknown>;

function post(
  path: string,
  fields: Record<string, string>,
  params: Record<string, string>,
  action: Action = newAction,
) {
  return run(() =>
    action({
      request: formRequest(`/c/${a.council.slug}${path}`, fields, { cookie: a.cookie }),
      params: { slug: a.council.slug, ...params },
      context: {},
    }),
  );
}

async function siteRow(reference: string) {
  const [site] = await getDb()
    .select()
    .from(sites)
    .where(and(eq(sites.tenantId, a.council.id), eq(sites.reference, reference)));
  if (!site) throw new Error(`no site ${reference}`);
  return site;
}

const referenceIn = (location: string | null) => location?.match(/sites\/(SA-S-\d{4})\?done=/)?.[1] ?? "";

describe("a site's status as at a date", () => {
  it("is as at today when first recorded without a date, and as at the date given (to the month) otherwise", async () => {
    const undated = await post("/sites/new", hotel, {});
    expect(await siteRow(referenceIn(undated.location))).toMatchObject({
      statusAsOf: todayInLondon(),
      statusAsOfPrecision: "day",
    });

    const dated = await post(
      "/sites/new",
      { ...hotel, "statusAsOf.month": "3", "statusAsOf.year": "2026", "statusAsOf.precision": "month" },
      {},
    );
    const reference = referenceIn(dated.location);
    expect(await siteRow(reference)).toMatchObject({ statusAsOf: "2026-03-01", statusAsOfPrecision: "month" });

    const page = await run(() =>
      siteLoader({
        request: getRequest(`/c/${a.council.slug}/sites/${reference}`, a.cookie),
        params: { slug: a.council.slug, reference },
        context: {},
      }),
    );
    const { site } = page.body as { site: { statusAsOf: string; statusAsOfPrecision: string } };
    expect(site).toMatchObject({ statusAsOf: "2026-03-01", statusAsOfPrecision: "month" });
  });

  it("becomes today when the status changes and the form still shows the old date; a new date given is kept", async () => {
    const created = await post(
      "/sites/new",
      { ...hotel, "statusAsOf.month": "3", "statusAsOf.year": "2026", "statusAsOf.precision": "month" },
      {},
    );
    const reference = referenceIn(created.location);
    const before = await siteRow(reference);
    const changed = await post(
      `/sites/${reference}/edit`,
      {
        ...hotel,
        status: "in_use",
        "statusAsOf.month": "3",
        "statusAsOf.year": "2026",
        "statusAsOf.precision": "month",
        version: String(before.version),
      },
      { reference },
      editAction,
    );
    expect(changed.status).toBe(302);
    const after = await siteRow(reference);
    expect(after).toMatchObject({ status: "in_use", statusAsOf: todayInLondon(), statusAsOfPrecision: "day" });

    const redated = await post(
      `/sites/${reference}/edit`,
      {
        ...hotel,
        status: "ceased",
        "statusAsOf.day": "11",
        "statusAsOf.month": "11",
        "statusAsOf.year": "2025",
        version: String(after.version),
      },
      { reference },
      editAction,
    );
    expect(redated.status).toBe(302);
    expect(await siteRow(reference)).toMatchObject({ status: "ceased", statusAsOf: "2025-11-11" });
  });

  it("refuses a date in the future with a clear message, and changes nothing", async () => {
    const created = await post("/sites/new", hotel, {});
    const reference = referenceIn(created.location);
    const before = await siteRow(reference);
    const nextYear = String(Number(todayInLondon().slice(0, 4)) + 1);
    const refused = await post(
      `/sites/${reference}/edit`,
      {
        ...hotel,
        status: "in_use",
        "statusAsOf.month": "1",
        "statusAsOf.year": nextYear,
        "statusAsOf.precision": "month",
        version: String(before.version),
      },
      { reference },
      editAction,
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain(
      "The date the status was last confirmed must be today or in the past",
    );
    expect(await siteRow(reference)).toEqual(before);
  });

  it("the seeded Bell Hotel is in use as at 11 November 2025, in the register's CSV with the words beside it", async () => {
    await seedDemo(getDb(), "demo password 123");
    const result = await signIn(
      formRequest("/sign-in", {}, { clientAddress: "198.51.100.23" }),
      "viewer@epping-forest.example",
      "demo password 123",
    );
    if (!result.ok) throw new Error("could not sign in");
    const cookie = result.setCookie.split(";")[0] ?? "";
    const outcome = await run(() =>
      csvLoader({
        request: getRequest("/c/epping-forest/sites.csv", cookie),
        params: { slug: "epping-forest" },
        context: {},
      }),
    );
    const lines = String(outcome.body)
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    const header = lines[0]?.split(",") ?? [];
    const column = header.indexOf("Status as at");
    expect(header.slice(column - 1, column + 2)).toEqual(["Status", "Status as at", "Status as at (in words)"]);
    const bell = lines.find((line) => line.includes("Bell Hotel"))?.split(",") ?? [];
    expect(bell.slice(column - 1, column + 2)).toEqual([
      "In use as asylum accommodation",
      "2025-11-11",
      "11 November 2025",
    ]);
  });
});
