// The council's boundary as GeoJSON, for its map to draw: members only, 404 when none is set.
// The ETag lets the browser keep its copy and ask only whether it has changed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { getCouncilBoundaryGeoJson } from "~/server/council/boundaries.server";
import { notFound } from "~/server/http/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  const found = await getCouncilBoundaryGeoJson(scope, { ifNoneMatch: request.headers.get("If-None-Match") });
  if (!found) throw notFound();
  const headers = { ETag: found.etag, "Cache-Control": "private, no-cache" };
  if (found.notModified) return new Response(null, { status: 304, headers });
  const body = {
    type: "FeatureCollection",
    features: [{ type: "Feature", properties: { kind: "council_boundary" }, geometry: found.geometry }],
  };
  return new Response(JSON.stringify(body), {
    headers: { ...headers, "Content-Type": "application/geo+json; charset=utf-8" },
  });
}
