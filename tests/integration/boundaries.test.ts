// Council boundaries through their routes: a council admin uploads a GeoJSON file (a real multipart
// request), replaces and removes it; bad files are refused with a message and change nothing;
// officers and viewers cannot change it; every change is audited without the geometry; the map
// fetches it with an ETag and is framed by it, else by the sites, else by the stored centre.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { action as boundaryAction, loader as boundaryLoader } from "~/routes/c.$slug.boundary";
import { loader as geojsonLoader } from "~/routes/c.$slug.boundary[.geojson]";
import { loader as mapPageLoader } from "~/routes/c.$slug.map";
import type { TenantScope } from "~/server/access/tenancy.server";
import { getCouncilMapFrame, MIN_SITES_FRAME_DEGREES } from "~/server/council/boundaries.server";
import { getDb } from "~db/client";
import { auditEvents, type Council, councilBoundaries, councils } from "~db/schema";
import {
  createCouncil,
  EPPING_POLYGON,
  geoJsonFile,
  insertSites,
  memberCookie,
  rectangleGeoJson,
  scopeFor,
} from "../helpers/factories";
import { type UploadFile, uploadRequest } from "../helpers/files";
import { formRequest, getRequest, run } from "../helpers/http";

let council: Council;
let adminCookie: string;
let officerCookie: string;
let viewerCookie: string;
let viewerScope: TenantScope;

beforeAll(async () => {
  council = await createCouncil({ referencePrefix: "BD" });
  adminCookie = await memberCookie(council, "council_admin");
  officerCookie = await memberCookie(council, "officer");
  viewerCookie = await memberCookie(council, "viewer");
  viewerScope = await scopeFor(council, viewerCookie);
});

const path = () => `/c/${council.slug}/boundary`;

function upload(file: UploadFile | null, version: number, cookie = adminCookie) {
  return run(() =>
    boundaryAction({
      request: uploadRequest(path(), file, { intent: "upload", version: String(version) }, { cookie }),
      params: { slug: council.slug },
      context: {},
    }),
  );
}

function remove(version: number, cookie = adminCookie) {
  return run(() =>
    boundaryAction({
      request: formRequest(path(), { intent: "remove", version: String(version) }, { cookie }),
      params: { slug: council.slug },
      context: {},
    }),
  );
}

async function stored() {
  const [row] = await getDb().select().from(councilBoundaries).where(eq(councilBoundaries.tenantId, council.id));
  return row;
}

async function boundaryAudit() {
  return getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.tenantId, council.id), eq(auditEvents.entityType, "council_boundary")))
    .orderBy(auditEvents.occurredAt);
}

async function geojson(cookie: string, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/c/${council.slug}/boundary.geojson`, {
    headers: { Cookie: cookie, ...headers },
  });
  const args: LoaderFunctionArgs = { request, params: { slug: council.slug }, context: {} };
  try {
    return (await geojsonLoader(args)) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function fileError(outcome: { body: unknown }): string | undefined {
  return (outcome.body as { error?: Record<string, string[]> }).error?.file?.[0];
}

/** What the council's map page is given about its frame, as a viewer. */
async function mapPage(): Promise<{ boundaryUrl?: string; frame: number[] | null }> {
  const outcome = await run(() =>
    mapPageLoader({
      request: getRequest(`/c/${council.slug}/map`, viewerCookie),
      params: { slug: council.slug },
      context: {},
    }),
  );
  return outcome.body as { boundaryUrl?: string; frame: number[] | null };
}

describe("uploading a boundary", () => {
  it("a council admin uploads a FeatureCollection: saved, shown on the page, audited without the geometry", async () => {
    const outcome = await upload(geoJsonFile(rectangleGeoJson(), "epping-rectangle.geojson"), 0);
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/c/${council.slug}/boundary?done=uploaded`);
    const row = await stored();
    expect(row).toMatchObject({
      geometry: EPPING_POLYGON,
      minLongitude: 0,
      minLatitude: 51.6,
      maxLongitude: 0.25,
      maxLatitude: 51.8,
      positionCount: 5,
      fileName: "epping-rectangle.geojson",
      fileSize: rectangleGeoJson().length,
      version: 1,
    });

    const page = await run(() =>
      boundaryLoader({ request: getRequest(path(), adminCookie), params: { slug: council.slug }, context: {} }),
    );
    expect(page.status).toBe(200);
    expect((page.body as Awaited<ReturnType<typeof boundaryLoader>>).boundary).toMatchObject({
      bbox: [0, 51.6, 0.25, 51.8],
      positionCount: 5,
      fileName: "epping-rectangle.geojson",
      version: 1,
    });

    const [entry] = await boundaryAudit();
    expect(entry).toMatchObject({ action: "council_boundary.set", entityId: row?.id, before: null });
    expect(entry?.after).toMatchObject({ bbox: [0, 51.6, 0.25, 51.8], positionCount: 5, fileSize: row?.fileSize });
    expect(JSON.stringify(entry?.after)).not.toContain("coordinates");
  });

  it("the map fetches it as GeoJSON with an ETag, and gets 304 when it already has it", async () => {
    const response = await geojson(viewerCookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/geo+json; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("private, no-cache");
    const etag = response.headers.get("ETag") ?? "";
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const body = (await response.json()) as { type: string; features: { geometry: unknown }[] };
    expect(body.type).toBe("FeatureCollection");
    expect(body.features[0]?.geometry).toEqual(EPPING_POLYGON);
    const again = await geojson(viewerCookie, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await geojson(viewerCookie, { "If-None-Match": '"something-else"' })).status).toBe(200);
  });

  it("frames the council's map on the boundary", async () => {
    expect(await getCouncilMapFrame(viewerScope)).toEqual({
      source: "boundary",
      boundary: { href: `/c/${council.slug}/boundary.geojson`, positionCount: 5, version: 1 },
      bbox: [0, 51.6, 0.25, 51.8],
      centre: { latitude: 51.7, longitude: 0.125 },
    });
    // The council's map page draws the outline and frames it.
    expect(await mapPage()).toMatchObject({
      boundaryUrl: `/c/${council.slug}/boundary.geojson`,
      frame: [0, 51.6, 0.25, 51.8],
    });
  });

  it.each([
    [
      "a point",
      JSON.stringify({ type: "Point", coordinates: [0.11, 51.7] }),
      "The file must contain a Polygon or MultiPolygon",
    ],
    [
      "a polygon in France",
      JSON.stringify({
        type: "Polygon",
        coordinates: [
          [
            [2.3, 48.8],
            [2.4, 48.8],
            [2.4, 48.9],
            [2.3, 48.9],
            [2.3, 48.8],
          ],
        ],
      }),
      "The boundary must lie within the UK",
    ],
    ["a file that is not JSON", "not json at all", "The file must be GeoJSON: it could not be read as JSON"],
    ["a file over 2 MB", `${rectangleGeoJson()}${" ".repeat(2 * 1024 * 1024)}`, "The file must be smaller than 2 MB"],
  ])("refuses %s with a message, and changes nothing", async (_, text, message) => {
    const before = await stored();
    const auditBefore = (await boundaryAudit()).length;
    const outcome = await upload(geoJsonFile(text), 1);
    expect(outcome.status).toBe(400);
    expect(fileError(outcome)).toBe(message);
    expect(await stored()).toEqual(before);
    expect((await boundaryAudit()).length).toBe(auditBefore);
  });

  it("asks for a file when none is chosen", async () => {
    const outcome = await upload(null, 1);
    expect(outcome.status).toBe(400);
    expect(fileError(outcome)).toBe("Choose a GeoJSON file");
  });

  it("is refused to officers and viewers (403), who cannot see the page either", async () => {
    const before = await stored();
    for (const cookie of [officerCookie, viewerCookie]) {
      expect((await upload(geoJsonFile(rectangleGeoJson()), 1, cookie)).status).toBe(403);
      expect((await remove(1, cookie)).status).toBe(403);
      const page = await run(() =>
        boundaryLoader({ request: getRequest(path(), cookie), params: { slug: council.slug }, context: {} }),
      );
      expect(page.status).toBe(403);
    }
    expect(await stored()).toEqual(before);
  });

  it("replaces the boundary, refusing a form loaded before someone else's change", async () => {
    const island = {
      type: "MultiPolygon",
      coordinates: [
        EPPING_POLYGON.coordinates,
        [
          [
            [0.5, 51.5],
            [0.6, 51.5],
            [0.6, 51.55],
            [0.5, 51.55],
            [0.5, 51.5],
          ],
        ],
      ],
    };
    expect((await upload(geoJsonFile(JSON.stringify(island)), 1)).status).toBe(302);
    const stale = await upload(geoJsonFile(rectangleGeoJson()), 1);
    expect(stale.status).toBe(409);
    expect(JSON.stringify(stale.body)).toContain("Someone else changed this boundary since you opened the page");
    expect(await stored()).toMatchObject({ version: 2, positionCount: 10, minLatitude: 51.5, maxLongitude: 0.6 });
    const entries = await boundaryAudit();
    expect(entries.at(-1)).toMatchObject({ action: "council_boundary.set" });
    expect(entries.at(-1)?.before).toMatchObject({ positionCount: 5, version: 1 });
    expect(entries.at(-1)?.after).toMatchObject({ positionCount: 10, version: 2 });
  });

  it("removes the boundary: audited, the GeoJSON address then 404, the map framed by the sites", async () => {
    expect((await remove(1)).status).toBe(409);
    const outcome = await remove(2);
    expect(outcome.location).toBe(`/c/${council.slug}/boundary?done=removed`);
    expect(await stored()).toBeUndefined();
    expect((await boundaryAudit()).at(-1)).toMatchObject({
      action: "council_boundary.removed",
      after: null,
      before: expect.objectContaining({ positionCount: 10 }),
    });
    expect((await geojson(viewerCookie)).status).toBe(404);
    // Without it, the map page draws no outline and frames the sites it shows.
    expect(await mapPage()).toMatchObject({ frame: null });
    expect((await mapPage()).boundaryUrl).toBeUndefined();

    expect((await getCouncilMapFrame(viewerScope)).source).toBe("none");
    await getDb()
      .update(councils)
      .set({ centreLatitude: 51.7, centreLongitude: 0.11 })
      .where(eq(councils.id, council.id));
    expect(await getCouncilMapFrame(viewerScope)).toEqual({
      source: "centre",
      boundary: null,
      bbox: null,
      centre: { latitude: 51.7, longitude: 0.11 },
    });
    await insertSites(council, [
      { reference: "BD-S-0001", name: "One", latitude: 51.7, longitude: 0.11 },
      { reference: "BD-S-0002", name: "Unplaced" },
      { reference: "BD-S-0003", name: "Archived far away", latitude: 55, longitude: -3, archivedAt: new Date() },
    ]);
    const frame = await getCouncilMapFrame(viewerScope);
    expect(frame.source).toBe("sites");
    const [west, south, east, north] = frame.bbox ?? [];
    expect((east ?? 0) - (west ?? 0)).toBeCloseTo(MIN_SITES_FRAME_DEGREES, 9);
    expect((north ?? 0) - (south ?? 0)).toBeCloseTo(MIN_SITES_FRAME_DEGREES, 9);
    expect(frame.centre?.latitude).toBeCloseTo(51.7, 6);
    expect(frame.centre?.longitude).toBeCloseTo(0.11, 6);
  });
});
