// How accurate a site's point is: chosen on the site form with the point (never one without the
// other), kept by the database, and said wherever the point is (the site page, the map's table and
// GeoJSON, the CSV), apart from what an audience may be shown of the point.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SiteFeatureCollection } from "~/lib/site-features";
import { loader as mapLoader } from "~/routes/c.$slug.map";
import { loader as siteLoader } from "~/routes/c.$slug.sites.$reference._index/route";
import { action as editAction } from "~/routes/c.$slug.sites.$reference.edit";
import { action as newAction } from "~/routes/c.$slug.sites.new";
import { loader as csvLoader } from "~/routes/c.$slug.sites[.csv]";
import { loader as geoJsonLoader } from "~/routes/c.$slug.sites[.geojson]";
import { getDb } from "~db/client";
import { auditEvents, sites } from "~db/schema";
import { refusalOf } from "../helpers/db-errors";
import { addSite, type CouncilWithOfficer, councilWithOfficer, insertSite } from "../helpers/factories";
import { formRequest, getRequest, run } from "../helpers/http";

let a: CouncilWithOfficer;

beforeAll(async () => {
  a = await councilWithOfficer({ referencePrefix: "LA" });
});

const placedSite = {
  name: "The Placed Hotel",
  town: "Epping",
  latitude: "51.7",
  longitude: "0.11",
  locationAccuracy: "town",
  locationNote: "Approximate: Epping town, not the hotel's position",
  status: "in_use",
  contractor: "unknown",
};

type Reply = { error?: Record<string, string[]>; initialValue?: Record<string, string> };

function postNew(fields: Record<string, string>) {
  return run(() =>
    newAction({
      request: formRequest(`/c/${a.council.slug}/sites/new`, fields, { cookie: a.cookie }),
      params: { slug: a.council.slug },
      context: {},
    }),
  );
}

function postEdit(reference: string, fields: Record<string, string>) {
  return run(() =>
    editAction({
      request: formRequest(`/c/${a.council.slug}/sites/${reference}/edit`, fields, { cookie: a.cookie }),
      params: { slug: a.council.slug, reference },
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

async function siteCount() {
  return (await getDb().select({ id: sites.id }).from(sites).where(eq(sites.tenantId, a.council.id))).length;
}

const referenceIn = (location: string | null) => location?.match(/sites\/(LA-S-\d{4})\?done=/)?.[1] ?? "";

describe("the site form", () => {
  it("saves a point with how accurate it is, and the officer's note beside it, and audits both", async () => {
    const outcome = await postNew(placedSite);
    expect(outcome.status).toBe(302);
    const site = await siteRow(referenceIn(outcome.location));
    expect(site).toMatchObject({
      latitude: 51.7,
      longitude: 0.11,
      locationAccuracy: "town",
      locationNote: "Approximate: Epping town, not the hotel's position",
    });
    const [entry] = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, site.id));
    expect(entry?.after).toMatchObject({ locationAccuracy: "town" });
  });

  it("saves a site with no point and no accuracy", async () => {
    const outcome = await postNew({ ...placedSite, latitude: "", longitude: "", locationAccuracy: "" });
    expect(outcome.status).toBe(302);
    expect(await siteRow(referenceIn(outcome.location))).toMatchObject({
      latitude: null,
      longitude: null,
      locationAccuracy: null,
    });
    // "No position recorded" is the same as choosing nothing.
    const none = await postNew({ ...placedSite, latitude: "", longitude: "", locationAccuracy: "none" });
    expect(await siteRow(referenceIn(none.location))).toMatchObject({ latitude: null, locationAccuracy: null });
  });

  it.each([
    ["a point without an accuracy", { locationAccuracy: "" }, "Choose how accurate this position is"],
    ["a point said to be no position", { locationAccuracy: "none" }, "Choose how accurate this position is"],
    [
      "half a point without an accuracy",
      { longitude: "", locationAccuracy: "" },
      "Choose how accurate this position is",
    ],
    [
      "an accuracy that is not one of the choices",
      { locationAccuracy: "exact" },
      "Choose how accurate this position is",
    ],
    [
      "an accuracy without a point",
      { latitude: "", longitude: "" },
      "Enter the latitude and longitude, or choose ‘No position recorded’",
    ],
  ])("refuses %s with a plain message, keeps what was typed, and adds nothing", async (_, change, message) => {
    const before = await siteCount();
    const outcome = await postNew({ ...placedSite, ...change });
    expect(outcome.status).toBe(400);
    const reply = outcome.body as Reply;
    expect(reply.error?.locationAccuracy).toEqual([message]);
    expect(reply.initialValue?.name).toBe("The Placed Hotel");
    expect(await siteCount()).toBe(before);
  });

  it("on editing: refuses a point without an accuracy and changes nothing; 'No position recorded' clears the point", async () => {
    const created = await postNew(placedSite);
    const reference = referenceIn(created.location);
    const edit = { ...placedSite, version: "1" };

    const moved = await postEdit(reference, { ...edit, latitude: "51.69", longitude: "0.1", locationAccuracy: "" });
    expect(moved.status).toBe(400);
    expect((moved.body as Reply).error?.locationAccuracy).toEqual(["Choose how accurate this position is"]);
    const cleared = await postEdit(reference, { ...edit, latitude: "", longitude: "" });
    expect(cleared.status).toBe(400);
    expect((cleared.body as Reply).error?.locationAccuracy).toEqual([
      "Enter the latitude and longitude, or choose ‘No position recorded’",
    ]);
    expect(await siteRow(reference)).toMatchObject({ latitude: 51.7, locationAccuracy: "town", version: 1 });

    const surveyed = await postEdit(reference, {
      ...edit,
      latitude: "51.69",
      longitude: "0.1",
      locationAccuracy: "address",
      locationNote: "",
    });
    expect(surveyed.status).toBe(302);
    expect(await siteRow(reference)).toMatchObject({
      latitude: 51.69,
      locationAccuracy: "address",
      locationNote: null,
      version: 2,
    });

    const removed = await postEdit(reference, {
      ...edit,
      version: "2",
      latitude: "",
      longitude: "",
      locationAccuracy: "none",
    });
    expect(removed.status).toBe(302);
    expect(await siteRow(reference)).toMatchObject({ latitude: null, longitude: null, locationAccuracy: null });
  });

  it("the database refuses a point without an accuracy, and an accuracy without a point", async () => {
    await expect(
      refusalOf(
        insertSite(a.council, { name: "No accuracy", latitude: 51.7, longitude: 0.11, locationAccuracy: null }),
      ),
    ).resolves.toContain("sites_location_accuracy_with_point");
    await expect(
      refusalOf(insertSite(a.council, { name: "No point", locationAccuracy: "postcode" })),
    ).resolves.toContain("sites_location_accuracy_with_point");
  });
});

describe("where the point is shown", () => {
  let b: CouncilWithOfficer;
  let town: string;
  let postcode: string;

  beforeAll(async () => {
    b = await councilWithOfficer({ referencePrefix: "LB" });
    town = await addSite(b.scope, {
      name: "Town Hotel",
      latitude: 51.7,
      longitude: 0.11,
      locationAccuracy: "town",
      locationNote: "Approximate: Epping town, not the hotel's position",
    });
    postcode = await addSite(b.scope, {
      name: "Postcode Lodge",
      latitude: 51.65,
      longitude: 0.05,
      locationAccuracy: "postcode",
    });
    await addSite(b.scope, { name: "Unplaced Inn" });
  });

  it("the site page gives the accuracy with the point", async () => {
    const outcome = await run(() =>
      siteLoader({
        request: getRequest(`/c/${b.council.slug}/sites/${town}`, b.cookie),
        params: { slug: b.council.slug, reference: town },
        context: {},
      }),
    );
    const page = outcome.body as Awaited<ReturnType<typeof siteLoader>>;
    expect(page.site).toMatchObject({ latitude: 51.7, longitude: 0.11, locationAccuracy: "town" });
  });

  it("the map's table gives each placed site's accuracy and note", async () => {
    const outcome = await run(() =>
      mapLoader({
        request: getRequest(`/c/${b.council.slug}/map`, b.cookie),
        params: { slug: b.council.slug },
        context: {},
      }),
    );
    const page = outcome.body as Awaited<ReturnType<typeof mapLoader>>;
    expect(page.sites.map((site) => [site.name, site.hasLocation, site.locationAccuracy, site.locationNote])).toEqual([
      ["Town Hotel", true, "town", "Approximate: Epping town, not the hotel's position"],
      ["Postcode Lodge", true, "postcode", null],
      ["Unplaced Inn", false, null, null],
    ]);
  });

  it("the GeoJSON says what members may see (`disclosure`) and how accurate each point is (`accuracy`)", async () => {
    const response = await geoJsonLoader({
      request: getRequest(`/c/${b.council.slug}/sites.geojson`, b.cookie),
      params: { slug: b.council.slug },
      context: {},
    });
    expect(response.status).toBe(200);
    const collection = (await response.json()) as SiteFeatureCollection;
    expect(
      collection.features.map(({ properties }) => [properties.reference, properties.disclosure, properties.accuracy]),
    ).toEqual([
      [town, "exact", "town"],
      [postcode, "exact", "postcode"],
    ]);
    expect(collection.features.every((feature) => !("precision" in feature.properties))).toBe(true);
  });

  it("the CSV has a 'Position accuracy' column beside the latitude and longitude", async () => {
    const outcome = await run(() =>
      csvLoader({
        request: getRequest(`/c/${b.council.slug}/sites.csv`, b.cookie),
        params: { slug: b.council.slug },
        context: {},
      }),
    );
    const lines = String(outcome.body)
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    const header = lines[0]?.split(",") ?? [];
    const column = header.indexOf("Position accuracy");
    expect(header.slice(column - 2, column + 1)).toEqual(["Latitude", "Longitude", "Position accuracy"]);
    const accuracyOf = (name: string) => lines.find((line) => line.includes(name))?.split(",")[column];
    expect(accuracyOf("Town Hotel")).toBe("The town's centre");
    expect(accuracyOf("Postcode Lodge")).toBe("The postcode's centre");
    expect(accuracyOf("Unplaced Inn")).toBe("");
  });
});
