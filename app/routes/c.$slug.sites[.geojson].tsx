// The council's sites as GeoJSON for its map, filtered as the list is; members see exact positions.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { siteMapQueryFrom } from "~/lib/schemas/site-map";
import { siteFeatures } from "~/lib/site-features";
import { geoJsonResponse } from "~/server/geojson.server";
import { mapSites } from "~/server/sites.server";
import { requireTenantScope } from "~/server/tenancy.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "viewer");
  // `on` (a past day) is read with the filters; the sites are today's until site history is applied.
  const { filter } = siteMapQueryFrom(new URL(request.url).searchParams);
  const sites = await mapSites(scope, filter);
  return geoJsonResponse(request, siteFeatures(sites, { audience: "council", precision: "exact" }));
}
