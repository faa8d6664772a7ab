// A council's boundary (uploaded GeoJSON, set and removed by its council admins, audited) and how
// the council's map is framed: by the boundary, else by its sites, else by its stored centre.
//
// README, Decision 31: Council boundaries have a table of their own. The application may only read
// `councils`; `council_boundaries` (one row per council) is readable by every member and writable
// only by the council's admins (code and row-level security). An upload must be one Polygon or
// MultiPolygon in longitude and latitude inside the UK, rings closed, at most 2 MB and 100,000
// points; each refusal says why (a British National Grid file is recognised and named). The
// geometry is stored rounded to 6 decimal places with its bounding box, centroid and SHA-256 (the
// ETag of `boundary.geojson`); the audit trail records the box, size and hash, never the geometry.
// The map is framed by the boundary, else by the council's placed sites, else by the council's
// stored centre, else the whole UK. No boundary files are in the repository: councils upload their
// own (ONS, Open Government Licence).
import { createHash } from "node:crypto";
import { and, eq, isNotNull, isNull, max, min } from "drizzle-orm";
import {
  type BoundaryGeometry,
  type BoundingBox,
  centreOfBox,
  checkBoundary,
  type LatLng,
  utf8Size,
} from "~/lib/boundary";
import type { Transaction } from "~db/client";
import { councilBoundaries, councils, sites, users } from "~db/schema";
import { assertCan } from "../access/permissions.server";
import { ChangeRefused, FieldRefused, staleMessage } from "../access/refusals.server";
import { type TenantScope, withTenant } from "../access/tenancy.server";
import { recordAudit } from "../audit/record-audit.server";
import { etagMatches } from "../http/http-cache.server";
import { assertCurrent, deleteVersioned } from "./versioned-update.server";

export interface BoundarySummary {
  bbox: BoundingBox;
  centroid: LatLng;
  positionCount: number;
  fileSize: number;
  fileName: string | null;
  uploadedAt: Date;
  uploadedByName: string | null;
  version: number;
}

export interface CouncilMapFrame {
  /** What framed it: the boundary, the sites with coordinates, the council's stored centre, or nothing. */
  source: "boundary" | "sites" | "centre" | "none";
  /** Where the map fetches the outline from, when there is one. */
  boundary: { href: string; positionCount: number; version: number } | null;
  /** [west, south, east, north], for fitBounds. */
  bbox: BoundingBox | null;
  centre: LatLng | null;
}

/**
 * The smallest box the sites frame, in degrees: a single site (or sites a street apart) is shown
 * with its surroundings instead of at the map's closest zoom.
 */
export const MIN_SITES_FRAME_DEGREES = 0.05;

function boundaryHref(scope: TenantScope): string {
  return `/c/${scope.councilSlug}/boundary.geojson`;
}

function requireCouncilAdmin(scope: TenantScope): void {
  assertCan(scope, "boundary:upload", "You need the council admin role to change the council's boundary.");
}

/** What framing a map needs of a boundary: its box, its centre, its size and its version. */
const boundaryFrameColumns = {
  minLongitude: councilBoundaries.minLongitude,
  minLatitude: councilBoundaries.minLatitude,
  maxLongitude: councilBoundaries.maxLongitude,
  maxLatitude: councilBoundaries.maxLatitude,
  centroidLatitude: councilBoundaries.centroidLatitude,
  centroidLongitude: councilBoundaries.centroidLongitude,
  positionCount: councilBoundaries.positionCount,
  version: councilBoundaries.version,
};

const summaryColumns = {
  ...boundaryFrameColumns,
  id: councilBoundaries.id,
  fileSize: councilBoundaries.fileSize,
  fileName: councilBoundaries.fileName,
  geometrySha256: councilBoundaries.geometrySha256,
  uploadedAt: councilBoundaries.uploadedAt,
  uploadedByName: users.name,
};

type SummaryRow = {
  minLongitude: number;
  minLatitude: number;
  maxLongitude: number;
  maxLatitude: number;
  centroidLatitude: number;
  centroidLongitude: number;
  positionCount: number;
  fileSize: number;
  fileName: string | null;
  uploadedAt: Date;
  uploadedByName: string | null;
  version: number;
};

function summaryOf(row: SummaryRow): BoundarySummary {
  return {
    bbox: [row.minLongitude, row.minLatitude, row.maxLongitude, row.maxLatitude],
    centroid: { latitude: row.centroidLatitude, longitude: row.centroidLongitude },
    positionCount: row.positionCount,
    fileSize: row.fileSize,
    fileName: row.fileName,
    uploadedAt: row.uploadedAt,
    uploadedByName: row.uploadedByName,
    version: row.version,
  };
}

/** What the audit trail keeps of a boundary: its box and size, never the geometry itself. */
function auditedOf(row: SummaryRow & { geometrySha256: string }) {
  return {
    bbox: [row.minLongitude, row.minLatitude, row.maxLongitude, row.maxLatitude],
    positionCount: row.positionCount,
    fileSize: row.fileSize,
    fileName: row.fileName,
    geometrySha256: row.geometrySha256,
    version: row.version,
  };
}

async function findBoundary(tx: Transaction, scope: TenantScope, options: { lock?: boolean } = {}) {
  const query = tx
    .select(summaryColumns)
    .from(councilBoundaries)
    .leftJoin(users, eq(users.id, councilBoundaries.uploadedByUserId))
    .where(eq(councilBoundaries.tenantId, scope.tenantId))
    .limit(1);
  const [row] = options.lock ? await query.for("update", { of: councilBoundaries }) : await query;
  return row;
}

/** The council's boundary as the boundary page describes it (no geometry), or null when none is set. */
export async function getCouncilBoundary(scope: TenantScope): Promise<BoundarySummary | null> {
  return withTenant(scope, async (tx) => {
    const row = await findBoundary(tx, scope);
    return row ? summaryOf(row) : null;
  });
}

export type BoundaryGeoJson =
  | { etag: string; notModified: true }
  | { etag: string; notModified: false; geometry: BoundaryGeometry };

function etagOf(sha256: string): string {
  return `"${sha256}"`;
}

/**
 * The boundary's geometry for the map, with its ETag; when the browser already holds this version
 * (`ifNoneMatch`), the geometry is not read at all. Null when the council has no boundary.
 */
export async function getCouncilBoundaryGeoJson(
  scope: TenantScope,
  options: { ifNoneMatch?: string | null } = {},
): Promise<BoundaryGeoJson | null> {
  return withTenant(scope, async (tx) => {
    const where = eq(councilBoundaries.tenantId, scope.tenantId);
    const [tag] = await tx.select({ sha256: councilBoundaries.geometrySha256 }).from(councilBoundaries).where(where);
    if (!tag) return null;
    const etag = etagOf(tag.sha256);
    if (etagMatches(options.ifNoneMatch, etag)) return { etag, notModified: true };
    const [row] = await tx
      .select({ geometry: councilBoundaries.geometry, sha256: councilBoundaries.geometrySha256 })
      .from(councilBoundaries)
      .where(where);
    if (!row) return null;
    return { etag: etagOf(row.sha256), notModified: false, geometry: row.geometry };
  });
}

function padded([west, south, east, north]: BoundingBox): BoundingBox {
  const widen = (low: number, high: number): [number, number] => {
    const grow = Math.max(0, MIN_SITES_FRAME_DEGREES - (high - low)) / 2;
    return [low - grow, high + grow];
  };
  const [padWest, padEast] = widen(west, east);
  const [padSouth, padNorth] = widen(south, north);
  return [padWest, padSouth, padEast, padNorth];
}

async function boundaryFrame(tx: Transaction, scope: TenantScope): Promise<CouncilMapFrame | null> {
  const [boundary] = await tx
    .select(boundaryFrameColumns)
    .from(councilBoundaries)
    .where(eq(councilBoundaries.tenantId, scope.tenantId));
  if (!boundary) return null;
  return {
    source: "boundary",
    boundary: { href: boundaryHref(scope), positionCount: boundary.positionCount, version: boundary.version },
    bbox: [boundary.minLongitude, boundary.minLatitude, boundary.maxLongitude, boundary.maxLatitude],
    centre: { latitude: boundary.centroidLatitude, longitude: boundary.centroidLongitude },
  };
}

/**
 * The council's boundary as its map frames it, or null without one: one small query, for the
 * council's map, which otherwise frames the sites it draws.
 */
export async function getCouncilBoundaryFrame(scope: TenantScope): Promise<CouncilMapFrame | null> {
  return withTenant(scope, (tx) => boundaryFrame(tx, scope));
}

/**
 * How the council's map is framed: the boundary's box when it has one; else the box of its sites
 * with coordinates (archived sites left out), never narrower than MIN_SITES_FRAME_DEGREES; else its
 * stored centre; else nothing (the map shows the whole UK). One query with a boundary, three without.
 */
export async function getCouncilMapFrame(scope: TenantScope): Promise<CouncilMapFrame> {
  return withTenant(scope, async (tx) => {
    const fromBoundary = await boundaryFrame(tx, scope);
    if (fromBoundary) return fromBoundary;
    const [[extent], [council]] = await Promise.all([
      tx
        .select({
          west: min(sites.longitude),
          south: min(sites.latitude),
          east: max(sites.longitude),
          north: max(sites.latitude),
        })
        .from(sites)
        .where(
          and(
            eq(sites.tenantId, scope.tenantId),
            isNull(sites.archivedAt),
            isNotNull(sites.latitude),
            isNotNull(sites.longitude),
          ),
        ),
      tx
        .select({ latitude: councils.centreLatitude, longitude: councils.centreLongitude })
        .from(councils)
        .where(eq(councils.id, scope.tenantId)),
    ]);
    if (extent && extent.west !== null && extent.south !== null && extent.east !== null && extent.north !== null) {
      const bbox = padded([extent.west, extent.south, extent.east, extent.north]);
      return { source: "sites", boundary: null, bbox, centre: centreOfBox(bbox) };
    }
    if (council && council.latitude !== null && council.longitude !== null) {
      return {
        source: "centre",
        boundary: null,
        bbox: null,
        centre: { latitude: council.latitude, longitude: council.longitude },
      };
    }
    return { source: "none", boundary: null, bbox: null, centre: null };
  });
}

export interface BoundaryUpload {
  /** The file's text (GeoJSON). */
  geojson: string;
  fileName?: string | null;
  /** The boundary's version when the page was loaded (0: none); omitted, any boundary is replaced. */
  version?: number;
}

/**
 * Sets or replaces the council's boundary (council admins only). A file that is not a usable
 * boundary is refused with FieldRefused (the file field); a boundary changed since the page was loaded with
 * ChangeRefused. The audit entry records the box, the number of points and the file's size.
 */
export async function setCouncilBoundary(scope: TenantScope, upload: BoundaryUpload): Promise<BoundarySummary> {
  requireCouncilAdmin(scope);
  const checked = checkBoundary(upload.geojson);
  if (!checked.ok) throw new FieldRefused("file", checked.message);
  const { geometry, bbox, centroid, positionCount } = checked.boundary;
  const values = {
    geometry,
    geometrySha256: createHash("sha256").update(JSON.stringify(geometry)).digest("hex"),
    minLongitude: bbox[0],
    minLatitude: bbox[1],
    maxLongitude: bbox[2],
    maxLatitude: bbox[3],
    centroidLatitude: centroid.latitude,
    centroidLongitude: centroid.longitude,
    positionCount,
    fileSize: utf8Size(upload.geojson),
    fileName: upload.fileName?.trim() || null,
    uploadedByUserId: scope.userId,
    uploadedAt: new Date(),
  };
  return withTenant(scope, async (tx) => {
    const before = await findBoundary(tx, scope, { lock: true });
    if (before && upload.version !== undefined) assertCurrent(before, upload.version, "boundary");
    // An upsert, so not updateVersioned: a council has at most one boundary, which the first upload
    // inserts (no version to compare) and later ones replace, with one audit entry either way. The
    // row is locked above, so the update cannot miss it; two first uploads at once meet at the
    // insert, where the second is refused as stale.
    let id: string;
    if (before) {
      const [updated] = await tx
        .update(councilBoundaries)
        .set({ ...values, version: before.version + 1, updatedAt: new Date() })
        .where(and(eq(councilBoundaries.tenantId, scope.tenantId), eq(councilBoundaries.id, before.id)))
        .returning({ id: councilBoundaries.id });
      if (!updated) throw new ChangeRefused(staleMessage("boundary"));
      id = updated.id;
    } else {
      const [inserted] = await tx
        .insert(councilBoundaries)
        .values({ ...values, tenantId: scope.tenantId })
        .onConflictDoNothing({ target: councilBoundaries.tenantId })
        .returning({ id: councilBoundaries.id });
      // Another admin saved one between our read and our insert.
      if (!inserted) throw new ChangeRefused(staleMessage("boundary"));
      id = inserted.id;
    }
    const after = await findBoundary(tx, scope);
    if (!after) throw new Error("The boundary was not saved.");
    await recordAudit(tx, scope, {
      action: "council_boundary.set",
      entityType: "council_boundary",
      entityId: id,
      before: before ? auditedOf(before) : null,
      after: auditedOf(after),
    });
    return summaryOf(after);
  });
}

/**
 * Removes the council's boundary (council admins only); the map is then framed by its sites.
 * False when there was none to remove.
 */
export async function removeCouncilBoundary(scope: TenantScope, version?: number): Promise<boolean> {
  requireCouncilAdmin(scope);
  return withTenant(scope, async (tx) => {
    const before = await findBoundary(tx, scope, { lock: true });
    if (!before) return false;
    // No version sent: whichever boundary is there (locked above) is removed.
    await deleteVersioned(tx, scope, councilBoundaries, {
      before,
      version: version ?? before.version,
      what: "boundary",
      action: "council_boundary.removed",
      entityType: "council_boundary",
      audited: auditedOf,
    });
    return true;
  });
}
