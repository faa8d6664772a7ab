// Council B against council A's boundary: B's admin can neither read nor change nor remove it by
// any address (404), B's map is never framed by it, and the database refuses what the code would
// not do: B writing A's row, or an officer of A writing A's own.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { action as boundaryAction, loader as boundaryLoader } from "~/routes/c.$slug.boundary";
import { loader as geojsonLoader } from "~/routes/c.$slug.boundary[.geojson]";
import { type TenantScope, withTenant } from "~/server/access/tenancy.server";
import {
  getCouncilBoundary,
  getCouncilBoundaryGeoJson,
  getCouncilMapFrame,
  removeCouncilBoundary,
  setCouncilBoundary,
} from "~/server/council/boundaries.server";
import { getDb } from "~db/client";
import { type Council, councilBoundaries } from "~db/schema";
import { refusalOf } from "../../helpers/db-errors";
import { createCouncil, geoJsonFile, rectangleGeoJson, scopeFor, signedInMember } from "../../helpers/factories";
import { uploadRequest } from "../../helpers/files";
import { formRequest, getRequest, run } from "../../helpers/http";

let councilA: Council;
let councilB: Council;
let adminA: TenantScope;
let officerA: TenantScope;
let adminB: TenantScope;
let adminBCookie: string;

const island = JSON.stringify({
  type: "Polygon",
  coordinates: [
    [
      [-1.3, 50.6],
      [-1.1, 50.6],
      [-1.1, 50.7],
      [-1.3, 50.7],
      [-1.3, 50.6],
    ],
  ],
});

async function scopeOf(council: Council, role: "council_admin" | "officer") {
  const { cookie } = await signedInMember(council, role);
  return { cookie, scope: await scopeFor(council, cookie) };
}

async function rowOfA() {
  const [row] = await getDb().select().from(councilBoundaries).where(eq(councilBoundaries.tenantId, councilA.id));
  return row;
}

beforeAll(async () => {
  councilA = await createCouncil({ referencePrefix: "AA" });
  councilB = await createCouncil({ referencePrefix: "BB" });
  adminA = (await scopeOf(councilA, "council_admin")).scope;
  officerA = (await scopeOf(councilA, "officer")).scope;
  const b = await scopeOf(councilB, "council_admin");
  adminB = b.scope;
  adminBCookie = b.cookie;
  await setCouncilBoundary(adminA, { geojson: rectangleGeoJson(), fileName: "a.geojson" });
});

describe("council B's admin against council A's boundary", () => {
  it("gets 404 from A's boundary page, upload, removal and GeoJSON", async () => {
    const before = await rowOfA();
    const params = { slug: councilA.slug };
    const page = await run(() =>
      boundaryLoader({ request: getRequest(`/c/${councilA.slug}/boundary`, adminBCookie), params, context: {} }),
    );
    expect(page.status).toBe(404);
    const uploaded = await run(() =>
      boundaryAction({
        request: uploadRequest(
          `/c/${councilA.slug}/boundary`,
          geoJsonFile(island),
          { intent: "upload", version: "1" },
          { cookie: adminBCookie },
        ),
        params,
        context: {},
      }),
    );
    expect(uploaded.status).toBe(404);
    const removed = await run(() =>
      boundaryAction({
        request: formRequest(
          `/c/${councilA.slug}/boundary`,
          { intent: "remove", version: "1" },
          { cookie: adminBCookie },
        ),
        params,
        context: {},
      }),
    );
    expect(removed.status).toBe(404);
    const args: LoaderFunctionArgs = {
      request: getRequest(`/c/${councilA.slug}/boundary.geojson`, adminBCookie),
      params,
      context: {},
    };
    const geojson = await run(() => geojsonLoader(args));
    expect(geojson.status).toBe(404);
    expect(await rowOfA()).toEqual(before);
  });

  it("B's own scope sees no boundary, and B's map is not framed by A's", async () => {
    expect(await getCouncilBoundary(adminB)).toBeNull();
    expect(await getCouncilBoundaryGeoJson(adminB)).toBeNull();
    expect(await getCouncilMapFrame(adminB)).toMatchObject({ source: "none", boundary: null, bbox: null });
    const ownGeojson = await run(() =>
      geojsonLoader({
        request: getRequest(`/c/${councilB.slug}/boundary.geojson`, adminBCookie),
        params: { slug: councilB.slug },
        context: {},
      }),
    );
    expect(ownGeojson.status).toBe(404);
  });

  it("B setting and removing its own boundary leaves A's alone", async () => {
    const before = await rowOfA();
    await setCouncilBoundary(adminB, { geojson: island });
    expect(await removeCouncilBoundary(adminB)).toBe(true);
    expect(await removeCouncilBoundary(adminB)).toBe(false);
    expect(await rowOfA()).toEqual(before);
  });
});

describe("row-level security on council boundaries", () => {
  it("B's transaction that forgets its filter sees, changes and deletes none of A's", async () => {
    const before = await rowOfA();
    const seen = await withTenant(adminB, (tx) => tx.select({ id: councilBoundaries.id }).from(councilBoundaries));
    expect(seen).toEqual([]);
    await withTenant(adminB, (tx) =>
      tx.execute(sql`update council_boundaries set file_name = 'taken' where tenant_id = ${councilA.id}`),
    );
    await withTenant(adminB, (tx) => tx.execute(sql`delete from council_boundaries where tenant_id = ${councilA.id}`));
    expect(await rowOfA()).toEqual(before);
  });

  it("refuses a boundary row for another council, and one written by an officer", async () => {
    const row = await rowOfA();
    if (!row) throw new Error("A has no boundary");
    // A council with no boundary yet, so only row-level security can refuse the insert.
    const councilC = await createCouncil({ referencePrefix: "CC" });
    const officerC = (await scopeOf(councilC, "officer")).scope;
    const values = {
      geometry: row.geometry,
      geometrySha256: row.geometrySha256,
      minLongitude: row.minLongitude,
      minLatitude: row.minLatitude,
      maxLongitude: row.maxLongitude,
      maxLatitude: row.maxLatitude,
      centroidLatitude: row.centroidLatitude,
      centroidLongitude: row.centroidLongitude,
      positionCount: row.positionCount,
      fileSize: row.fileSize,
      tenantId: councilC.id,
    };
    expect(await refusalOf(withTenant(adminB, (tx) => tx.insert(councilBoundaries).values(values)))).toMatch(
      /row-level security/,
    );
    expect(await refusalOf(withTenant(officerC, (tx) => tx.insert(councilBoundaries).values(values)))).toMatch(
      /row-level security/,
    );
    expect(await getDb().select().from(councilBoundaries).where(eq(councilBoundaries.tenantId, councilC.id))).toEqual(
      [],
    );
  });

  it("refuses an officer of A a change to A's own boundary, even past the code's role check", async () => {
    const before = await rowOfA();
    await expect(setCouncilBoundary(officerA, { geojson: island })).rejects.toMatchObject({ status: 403 });
    await expect(removeCouncilBoundary(officerA)).rejects.toMatchObject({ status: 403 });
    const updated = await withTenant(officerA, (tx) =>
      tx.execute(sql`update council_boundaries set file_name = 'officer' where tenant_id = ${councilA.id}`),
    );
    const deleted = await withTenant(officerA, (tx) =>
      tx.execute(sql`delete from council_boundaries where tenant_id = ${councilA.id}`),
    );
    expect(rowCount(updated) + rowCount(deleted)).toBe(0);
    expect(await rowOfA()).toEqual(before);
    // Officers can still read it, for the map.
    expect(await getCouncilBoundary(officerA)).toMatchObject({ positionCount: 5 });
    expect(await getCouncilBoundary(adminA)).toMatchObject({ fileName: "a.geojson" });
  });
});

function rowCount(result: unknown): number {
  const value = result as { count?: number; affectedRows?: number };
  return value.count ?? value.affectedRows ?? -1;
}
