// Council B against council A's map: A's GeoJSON and map page are 404 to B, and B's own map and
// mapSites never contain A's sites.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import type { SiteFeatureCollection } from "~/lib/site-features";
import { loader as mapPageLoader } from "~/routes/c.$slug.map";
import { loader as geoJsonLoader } from "~/routes/c.$slug.sites[.geojson]";
import { mapSites } from "~/server/council/sites/sites.server";
import { addSite, type CouncilWithOfficer, councilWithOfficer } from "../../helpers/factories";
import { getRequest, run } from "../../helpers/http";

let a: CouncilWithOfficer;
let b: CouncilWithOfficer;

beforeAll(async () => {
  a = await councilWithOfficer({ referencePrefix: "MA" });
  b = await councilWithOfficer({ referencePrefix: "MB" });
  await addSite(a.scope, { name: "Council A's Hotel", latitude: 51.7, longitude: 0.11 });
  await addSite(b.scope, { name: "Council B's Hotel", latitude: 52.2, longitude: 0.12 });
});

describe("council B's officer against council A's map", () => {
  it("gets 404 from A's GeoJSON and A's map page", async () => {
    const loaders: ((args: LoaderFunctionArgs) => Promise<unknown>)[] = [geoJsonLoader, mapPageLoader];
    for (const loader of loaders) {
      const outcome = await run(() =>
        loader({
          request: getRequest(`/c/${a.council.slug}/sites.geojson`, b.cookie),
          params: { slug: a.council.slug },
          context: {},
        }),
      );
      expect(outcome.status).toBe(404);
    }
  });

  it("finds none of A's sites on its own map, or through mapSites", async () => {
    const response = await geoJsonLoader({
      request: getRequest(`/c/${b.council.slug}/sites.geojson?search=Hotel`, b.cookie),
      params: { slug: b.council.slug },
      context: {},
    });
    const collection = (await response.json()) as SiteFeatureCollection;
    expect(collection.features.map((feature) => feature.properties.name)).toEqual(["Council B's Hotel"]);
    expect((await mapSites(b.scope, {})).map((row) => row.name)).toEqual(["Council B's Hotel"]);
  });
});
