// The council's sites as GeoJSON for its map, filtered as the list is, as recorded today or as they
// stood on a past day (?on=2025-08-19); members see exact positions.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { onDateFrom } from "~/lib/schemas/on-date";
import { siteFilterFrom } from "~/lib/schemas/site-filter";
import { siteFeatures } from "~/lib/site-features";
import { geoJsonResponse } from "~/server/geojson.server";
import { sitesForMap } from "~/server/sites-on-map.server";
import { requireTenantScope } from "~/server/tenancy.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "viewer");
  const search = new URL(request.url).searchParams;
  const on = onDateFrom(search);
  if (!on.ok) {
    return new Response(on.message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const sites = await sitesForMap(scope, siteFilterFrom(search), on.on);
  return geoJsonResponse(request, siteFeatures(sites, { audience: "council", precision: "exact" }));
}
