// The sites register through its routes: adding, editing (with two officers at once),
// archiving, filtering, exporting, and the list's fixed number of queries.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as listLoader } from "~/routes/c.$slug.sites._index";
import { loader as siteLoader } from "~/routes/c.$slug.sites.$reference._index/route";
import { action as editAction } from "~/routes/c.$slug.sites.$reference.edit";
import { action as newAction } from "~/routes/c.$slug.sites.new";
import { loader as csvLoader } from "~/routes/c.$slug.sites[.csv]";
import { createPlanningRecord } from "~/server/council/sites/planning.server";
import { listSites } from "~/server/council/sites/sites.server";
import { getDb } from "~db/client";
import { auditEvents, sites } from "~db/schema";
import {
  addSite,
  type CouncilWithOfficer,
  councilWithOfficer,
  insertLegalCase,
  insertSites,
  memberCookie,
  planningInput,
} from "../helpers/factories";
import { formRequest, getRequest, run } from "../helpers/http";
import { countQueries } from "../helpers/queries";

let a: CouncilWithOfficer;

beforeAll(async () => {
  a = await councilWithOfficer({ referencePrefix: "EF" });
});

const validSite = {
  name: "The Example Hotel",
  addressLine1: "1 High Street",
  town: "Epping",
  postcode: "cm16  4aa",
  uprn: "100090000001",
  latitude: "51.7",
  longitude: "0.11",
  locationAccuracy: "address",
  status: "in_use",
  contractor: "other",
  contractorOther: "Company Travel Management (North) Ltd",
  lawfulUse: "c1_hotel",
  rooms: "40",
};

function postNew(fields: Record<string, string>, cookie = a.cookie) {
  return run(() =>
    newAction({
      request: formRequest(`/c/${a.council.slug}/sites/new`, fields, { cookie }),
      params: { slug: a.council.slug },
      context: {},
    }),
  );
}

async function siteByReference(reference: string) {
  const [site] = await getDb()
    .select()
    .from(sites)
    .where(and(eq(sites.tenantId, a.council.id), eq(sites.reference, reference)));
  return site;
}

describe("adding a site", () => {
  it("saves the site under the next reference, normalises the postcode, and audits it", async () => {
    const first = await postNew(validSite);
    const second = await postNew({ ...validSite, name: "Second Hotel" });
    expect(first.status).toBe(302);
    const reference = first.location?.match(/sites\/(EF-S-\d{4})\?done=created/)?.[1] ?? "";
    const next = second.location?.match(/sites\/(EF-S-\d{4})/)?.[1] ?? "";
    expect(Number(next.slice(-4))).toBe(Number(reference.slice(-4)) + 1);
    const site = await siteByReference(reference);
    expect(site).toMatchObject({
      name: "The Example Hotel",
      postcode: "CM16 4AA",
      latitude: 51.7,
      locationAccuracy: "address",
      rooms: 40,
      contractor: "other",
    });
    const [entry] = await getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, site?.id ?? ""));
    expect(entry).toMatchObject({ action: "site.created", actorUserId: a.officer.user.id, tenantId: a.council.id });
  });

  it.each([
    [{ name: "" }, "name", "Enter the site's name"],
    [{ postcode: "not a postcode" }, "postcode", "Enter a real postcode, like SW1A 1AA"],
    [{ uprn: "12ab" }, "uprn", "UPRN must be a number of up to 12 digits"],
    [{ latitude: "40.1" }, "latitude", "Latitude must be in the UK: between 49.8 and 60.9"],
    [{ longitude: "" }, "longitude", "Enter both latitude and longitude, or neither"],
    [{ contractorOther: "" }, "contractorOther", "Enter the contractor's name"],
    [{ rooms: "-3" }, "rooms", "Rooms or bed spaces must be 0 or more"],
    [{ status: "haunted" }, "status", "Choose the site's status"],
  ])("refuses %o with a plain message and writes nothing", async (change, field, message) => {
    const before = await getDb().select({ id: sites.id }).from(sites).where(eq(sites.tenantId, a.council.id));
    const outcome = await postNew({ ...validSite, ...change });
    expect(outcome.status).toBe(400);
    const reply = outcome.body as { error?: Record<string, string[]>; initialValue?: Record<string, string> };
    expect(reply.error?.[field]).toEqual([message]);
    const typedName = (change as { name?: string }).name;
    expect(reply.initialValue?.name).toBe(typedName === "" ? undefined : (typedName ?? validSite.name));
    const after = await getDb().select({ id: sites.id }).from(sites).where(eq(sites.tenantId, a.council.id));
    expect(after.length).toBe(before.length);
  });

  it("is refused to legal and viewer members (403)", async () => {
    for (const role of ["legal", "viewer"] as const) {
      const cookie = await memberCookie(a.council, role);
      expect((await postNew(validSite, cookie)).status).toBe(403);
    }
  });
});

describe("editing a site", () => {
  it("two officers edit the same site: the second save is refused with a message, and the first is kept", async () => {
    const reference = await addSite(a.scope, { name: "Shared Hotel" });
    const edit = (fields: Record<string, string>) =>
      run(() =>
        editAction({
          request: formRequest(`/c/${a.council.slug}/sites/${reference}/edit`, fields, { cookie: a.cookie }),
          params: { slug: a.council.slug, reference },
          context: {},
        }),
      );
    const base = { ...validSite, contractor: "unknown", contractorOther: "", version: "1" };
    expect((await edit({ ...base, name: "Renamed by the first officer" })).status).toBe(302);
    const second = await edit({ ...base, name: "Renamed by the second officer" });
    expect(second.status).toBe(409);
    expect(JSON.stringify(second.body)).toContain("Someone else changed this site since you opened the page");
    expect((second.body as { initialValue?: Record<string, string> }).initialValue?.name).toBe(
      "Renamed by the second officer",
    );
    const site = await siteByReference(reference);
    expect(site?.name).toBe("Renamed by the first officer");
    expect(site?.version).toBe(2);
  });

  it("archives a site out of the list and restores it", async () => {
    const reference = await addSite(a.scope, { name: "Archived Hotel" });
    const post = (fields: Record<string, string>) =>
      run(() =>
        editAction({
          request: formRequest(`/c/${a.council.slug}/sites/${reference}/edit`, fields, { cookie: a.cookie }),
          params: { slug: a.council.slug, reference },
          context: {},
        }),
      );
    expect((await post({ intent: "archive", version: "1" })).location).toContain("done=archived");
    const listed = await listSites(a.scope, { search: "Archived Hotel" });
    expect(listed.total).toBe(0);
    expect((await listSites(a.scope, { search: "Archived Hotel", archived: true })).total).toBe(1);
    expect((await post({ intent: "restore", version: "1" })).status).toBe(409);
    expect((await post({ intent: "restore", version: "2" })).location).toContain("done=restored");
    expect((await listSites(a.scope, { search: "Archived Hotel" })).total).toBe(1);
  });
});

describe("the sites list", () => {
  let b: CouncilWithOfficer;

  beforeAll(async () => {
    b = await councilWithOfficer({ referencePrefix: "LS" });
    await addSite(b.scope, { name: "Alpha Hotel", status: "in_use", contractor: "serco" });
    await addSite(b.scope, { name: "Beta Lodge", status: "proposed", contractor: "mears" });
    const gamma = await addSite(b.scope, { name: "Gamma Inn", status: "ceased", contractor: "serco" });
    await createPlanningRecord(
      b.scope,
      gamma,
      planningInput({ kind: "planning_contravention_notice", reference: "PCN/1", servedOn: "2025-09-01" }),
    );
  });

  async function list(query: string) {
    const outcome = await run(() =>
      listLoader({
        request: getRequest(`/c/${b.council.slug}/sites${query}`, b.cookie),
        params: { slug: b.council.slug },
        context: {},
      }),
    );
    return outcome.body as Awaited<ReturnType<typeof listLoader>>;
  }

  it("counts each status and filters by status, contractor, open enforcement and search", async () => {
    const all = await list("");
    expect(all.total).toBe(3);
    expect(Object.fromEntries(all.statusCounts.map((row) => [row.status, row.sites]))).toEqual({
      in_use: 1,
      proposed: 1,
      ceased: 1,
    });
    expect((await list("?status=proposed")).sites.map((site) => site.name)).toEqual(["Beta Lodge"]);
    expect((await list("?contractor=serco")).sites.map((site) => site.name)).toEqual(["Alpha Hotel", "Gamma Inn"]);
    expect((await list("?openEnforcement=yes")).sites.map((site) => site.name)).toEqual(["Gamma Inn"]);
    expect((await list("?openEnforcement=no")).total).toBe(2);
    expect((await list("?search=lodge")).sites.map((site) => site.name)).toEqual(["Beta Lodge"]);
    expect((await list("?search=LS-S-0003")).sites.map((site) => site.name)).toEqual(["Gamma Inn"]);
    expect((await list("?sort=name&status=nonsense")).sites.map((site) => site.name)).toEqual([
      "Alpha Hotel",
      "Beta Lodge",
      "Gamma Inn",
    ]);
  });

  it("filters by an open legal case; a concluded case does not count", async () => {
    const [alpha, beta] = await getDb()
      .select({ id: sites.id, name: sites.name })
      .from(sites)
      .where(eq(sites.tenantId, b.council.id))
      .orderBy(sites.reference);
    await insertLegalCase(b.council, {
      siteId: alpha?.id,
      reference: "LS-L-0001",
      title: "Open case",
      status: "issued",
    });
    await insertLegalCase(b.council, {
      siteId: beta?.id,
      reference: "LS-L-0002",
      title: "Old case",
      status: "concluded",
    });
    expect((await list("?openLegalCase=yes")).sites.map((site) => site.name)).toEqual(["Alpha Hotel"]);
    expect((await list("?openLegalCase=no")).sites.map((site) => site.name)).toEqual(["Beta Lodge", "Gamma Inn"]);
    expect((await list("")).sites.find((site) => site.name === "Alpha Hotel")?.hasOpenLegalCase).toBe(true);
  });

  it("exports the filtered list as CSV", async () => {
    const outcome = await run(() =>
      csvLoader({
        request: getRequest(`/c/${b.council.slug}/sites.csv?contractor=serco`, b.cookie),
        params: { slug: b.council.slug },
        context: {},
      }),
    );
    const csv = String(outcome.body);
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain("Reference,Name");
    expect(lines).toHaveLength(3);
    expect(csv).toContain("Alpha Hotel");
    expect(csv).not.toContain("Beta Lodge");
  });

  it("serves a list of 1,000 sites with the same number of queries as a list of 3", async () => {
    const few = await countQueries(() => listSites(b.scope, {}));
    const big = await councilWithOfficer({ referencePrefix: "BG" });
    await insertSites(
      big.council,
      Array.from({ length: 1000 }, (_, index) => ({
        reference: `BG-S-${String(index + 1).padStart(4, "0")}`,
        name: `Hotel ${index + 1}`,
        status: "in_use" as const,
      })),
    );
    const many = await countQueries(() => listSites(big.scope, {}));
    expect(many.result.total).toBe(1000);
    expect(many.result.sites).toHaveLength(50);
    expect(many.queries.length).toBe(few.queries.length);
    expect(many.queries.length).toBeLessThanOrEqual(6);
  });
});

describe("the site page", () => {
  it("shows the site's statutory dates and its timeline in date order", async () => {
    const reference = await addSite(a.scope, { name: "Dated Hotel" });
    await createPlanningRecord(
      a.scope,
      reference,
      planningInput({
        kind: "temporary_stop_notice",
        reference: "TSN/1",
        issuedOn: "2024-04-25",
        displayedOn: "2024-04-25",
      }),
    );
    const outcome = await run(() =>
      siteLoader({
        request: getRequest(`/c/${a.council.slug}/sites/${reference}`, a.cookie),
        params: { slug: a.council.slug, reference },
        context: {},
      }),
    );
    const page = outcome.body as Awaited<ReturnType<typeof siteLoader>>;
    expect(page.planningRecords[0]?.deadlines).toEqual([
      expect.objectContaining({ label: "Expires", dueOn: "2024-06-19" }),
    ]);
    expect(page.dueNext[0]).toMatchObject({ dueOn: "2024-06-19", overdue: true });
    // The stored timeline: the dates the notice was issued and went up, and the computed date it expires.
    expect(page.timeline.map((event) => [event.occurredOn, event.title])).toEqual([
      ["2024-04-25", "Temporary stop notice TSN/1 issued"],
      ["2024-04-25", "Temporary stop notice TSN/1 first displayed on site"],
      ["2024-06-19", "Temporary stop notice TSN/1: expires"],
    ]);
  });
});
