// The council's map: its GeoJSON (filtered as the list is, exact positions for members, cached by
// ETag) and its page (the same sites as a table, and the configured basemap).
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SiteFeatureCollection } from "~/lib/site-features";
import { loader as mapPageLoader } from "~/routes/c.$slug.map";
import { loader as geoJsonLoader } from "~/routes/c.$slug.sites[.geojson]";
import { createPlanningRecord } from "~/server/council/sites/planning.server";
import { mapSites, setSiteArchived } from "~/server/council/sites/sites.server";
import { getDb } from "~db/client";
import { sites } from "~db/schema";
import {
  addSite,
  type CouncilWithOfficer,
  councilWithOfficer,
  insertLegalCase,
  memberCookie,
  planningInput,
  siteIdOf,
} from "../helpers/factories";
import { getRequest, run } from "../helpers/http";

let council: CouncilWithOfficer;
let viewerCookie: string;

async function geoJson(
  query = "",
  headers: Record<string, string> = {},
  cookie = council.cookie,
  buildVersion?: string,
) {
  const request = getRequest(`/c/${council.council.slug}/sites.geojson${query}`, cookie);
  for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
  const response = await geoJsonLoader({ request, params: { slug: council.council.slug }, context: { buildVersion } });
  return response;
}

beforeAll(async () => {
  council = await councilWithOfficer({ referencePrefix: "MP" });
  const alpha = await addSite(council.scope, {
    name: "Alpha Hotel",
    latitude: 51.7,
    longitude: 0.11,
    locationAccuracy: "town",
    locationNote: "Approximate",
  });
  const beta = await addSite(council.scope, {
    name: "Beta Lodge",
    latitude: 51.65,
    longitude: 0.05,
    status: "proposed",
  });
  await addSite(council.scope, { name: "Gamma Inn (no position)" });
  const archived = await addSite(council.scope, { name: "Delta House", latitude: 51.6, longitude: 0.0 });
  await setSiteArchived(council.scope, archived, true, 1);
  await createPlanningRecord(council.scope, beta, planningInput({ kind: "enforcement_notice", status: "open" }));
  await insertLegalCase(council.council, {
    siteId: await siteIdOf(council.council, alpha),
    reference: "MP-L-0001",
    title: "Open case",
    status: "issued",
  });
  viewerCookie = await memberCookie(council.council, "viewer");
});

describe("mapSites", () => {
  it("returns the filtered sites with their positions and open enforcement and legal flags", async () => {
    const rows = await mapSites(council.scope, {});
    expect(rows.map((row) => [row.name, row.latitude, row.hasOpenEnforcement, row.hasOpenLegalCase])).toEqual([
      ["Alpha Hotel", 51.7, false, true],
      ["Beta Lodge", 51.65, true, false],
      ["Gamma Inn (no position)", null, false, false],
    ]);
    expect((await mapSites(council.scope, { sort: "name", openEnforcement: true })).map((row) => row.name)).toEqual([
      "Beta Lodge",
    ]);
    expect((await mapSites(council.scope, { archived: true })).map((row) => row.name)).toEqual(["Delta House"]);
  });
});

describe("the sites' GeoJSON", () => {
  it("holds the placed sites, exact, with the list's filters, for any member of the council", async () => {
    const response = await geoJson("", {}, viewerCookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/geo+json");
    const collection = (await response.json()) as SiteFeatureCollection;
    expect(collection.features.map((feature) => [feature.properties.name, feature.geometry.coordinates])).toEqual([
      ["Alpha Hotel", [0.11, 51.7]],
      ["Beta Lodge", [0.05, 51.65]],
    ]);
    // Shown to members as recorded; how accurate the recorded point is, is another property.
    expect(collection.features[0]?.properties).toMatchObject({
      disclosure: "exact",
      accuracy: "town",
      locationNote: "Approximate",
      openLegalCase: true,
    });
    expect(collection.features[1]?.properties).toMatchObject({ disclosure: "exact", accuracy: "approximate" });
    expect(collection.bbox).toEqual([0.05, 51.65, 0.11, 51.7]);

    const proposed = (await (await geoJson("?status=proposed")).json()) as SiteFeatureCollection;
    expect(proposed.features.map((feature) => feature.properties.name)).toEqual(["Beta Lodge"]);
  });

  it("is cached privately and revalidated by ETag: an unchanged map is a 304 with no body", async () => {
    const first = await geoJson();
    const etag = first.headers.get("ETag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("Cache-Control")).toBe("private, no-cache");
    const again = await geoJson("", { "If-None-Match": `W/${etag}` });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await geoJson("?status=proposed", { "If-None-Match": etag ?? "" })).status).toBe(200);

    // A new build of the app may shape the body differently: the browser's copy is not reused.
    const built = await geoJson("", {}, council.cookie, "build-1");
    const builtTag = built.headers.get("ETag") ?? "";
    expect((await geoJson("", { "If-None-Match": builtTag }, council.cookie, "build-1")).status).toBe(304);
    expect((await geoJson("", { "If-None-Match": builtTag }, council.cookie, "build-2")).status).toBe(200);
  });

  it("is built again after any change to the council's records, made in the app or straight in the database", async () => {
    const names = async (response: Response) =>
      ((await response.json()) as SiteFeatureCollection).features.map((feature) => feature.properties.name);
    const before = await geoJson();
    const etag = before.headers.get("ETag") ?? "";
    expect(await names(before)).toContain("Beta Lodge");
    expect((await geoJson("", { "If-None-Match": etag })).status).toBe(304);

    // Through the app: a new site.
    await addSite(council.scope, { name: "Epsilon Rooms", latitude: 51.66, longitude: 0.07 });
    const afterApp = await geoJson("", { "If-None-Match": etag });
    expect(afterApp.status).toBe(200);
    expect(await names(afterApp)).toContain("Epsilon Rooms");
    const etagAfterApp = afterApp.headers.get("ETag") ?? "";
    expect(etagAfterApp).not.toBe(etag);

    // Not through the app at all (a script, a fix by hand): the database still notes the change.
    await getDb().update(sites).set({ name: "Epsilon Rooms (renamed)" }).where(eq(sites.name, "Epsilon Rooms"));
    const afterSql = await geoJson("", { "If-None-Match": etagAfterApp });
    expect(afterSql.status).toBe(200);
    expect(await names(afterSql)).toContain("Epsilon Rooms (renamed)");
    await getDb().delete(sites).where(eq(sites.name, "Epsilon Rooms (renamed)"));
    expect(await names(await geoJson())).not.toContain("Epsilon Rooms (renamed)");
  });

  it("is sent compressed as the browser accepts, the same JSON each way", async () => {
    const plainResponse = await geoJson("", { "Accept-Encoding": "identity" });
    const plain = await plainResponse.text();
    const tags = new Set([plainResponse.headers.get("ETag")]);
    for (const [accept, coding, decompress] of [
      ["gzip, deflate, br", "br", brotliDecompressSync],
      ["gzip", "gzip", gunzipSync],
      ["br;q=0, gzip", "gzip", gunzipSync],
    ] as const) {
      const response = await geoJson("", { "Accept-Encoding": accept });
      expect(response.headers.get("Content-Encoding")).toBe(coding);
      expect(response.headers.get("Vary")).toContain("Accept-Encoding");
      expect(decompress(Buffer.from(await response.arrayBuffer())).toString()).toBe(plain);
      tags.add(response.headers.get("ETag"));
    }
    // Each encoding is its own representation, with its own tag.
    expect(tags.size).toBe(3);
    expect(JSON.parse(plain)).toMatchObject({ type: "FeatureCollection" });
  });

  it("needs a signed-in member", async () => {
    const outcome = await run(() =>
      geoJsonLoader({
        request: getRequest(`/c/${council.council.slug}/sites.geojson`),
        params: { slug: council.council.slug },
        context: {},
      }),
    );
    expect(outcome.status).toBe(302);
  });
});

describe("the map page", () => {
  it("lists every matching site, placed or not, and uses the built-in map when MAP_STYLE_URL is unset", async () => {
    const outcome = await run(() =>
      mapPageLoader({
        request: getRequest(`/c/${council.council.slug}/map?sort=name`, viewerCookie),
        params: { slug: council.council.slug },
        context: {},
      }),
    );
    const page = outcome.body as {
      sites: { name: string; hasLocation: boolean }[];
      mapStyleUrl: string | null;
      total: number;
    };
    expect(page.sites.map((site) => [site.name, site.hasLocation])).toEqual([
      ["Alpha Hotel", true],
      ["Beta Lodge", true],
      ["Gamma Inn (no position)", false],
    ]);
    expect(page.total).toBe(3);
    expect(page.mapStyleUrl).toBeNull();
  });
});
