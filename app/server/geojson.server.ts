// GeoJSON responses for maps: an ETag from the body, so a browser revalidates rather than downloads
// again, and private caching, because council data must not sit in shared caches.
import { createHash } from "node:crypto";
import type { FeatureCollection } from "geojson";

export function geoJsonResponse(request: Request, collection: FeatureCollection): Response {
  const body = JSON.stringify(collection);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const headers = {
    ETag: etag,
    "Cache-Control": "private, max-age=0, must-revalidate",
    Vary: "Cookie",
  };
  if (matches(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": "application/geo+json" } });
}

/** If-None-Match holds "*" or a list of tags, weak or strong (compression may have weakened ours). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const candidate = tag.trim();
    return candidate === "*" || candidate.replace(/^W\//, "") === etag;
  });
}
