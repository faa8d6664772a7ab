// The council's sites as GeoJSON for its map, filtered as the list is, as recorded today or as they
// stood on a past day (?on=2025-08-19); members see exact positions, each with how accurate it is
// (`disclosure` "exact", `accuracy`: README, Decision 50). Built once per change to the
// council's records and reused until the next (records-cache.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { onDateFrom } from "~/lib/schemas/on-date";
import { siteFilterFrom } from "~/lib/schemas/site-filter";
import { siteFeatures } from "~/lib/site-features";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { recordsResponse } from "~/server/maps/records-cache.server";
import { sitesForMap } from "~/server/maps/sites-on-map.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  const search = new URL(request.url).searchParams;
  const on = onDateFrom(search);
  if (!on.ok) {
    return new Response(on.message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const filter = siteFilterFrom(search);
  return recordsResponse(request, scope, {
    name: "sites.geojson",
    // Only what the body depends on: the filter as read (unknown parameters make no new copy) and the day.
    variant: JSON.stringify({ filter, on: on.on, audience: "council" }),
    contentType: "application/geo+json",
    buildVersion: context.buildVersion,
    build: async () =>
      JSON.stringify(
        siteFeatures(await sitesForMap(scope, filter, on.on), { audience: "council", disclosure: "exact" }),
      ),
  });
}
