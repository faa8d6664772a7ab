// A council's boundary as uploaded GeoJSON: checked (one Polygon or MultiPolygon, closed rings,
// longitude and latitude within the UK, limited in size) and measured (bounding box, centroid).
// Pure, so the upload page, the domain function and the tests share one set of rules.

/** The largest file accepted: a generalised ONS boundary (BGC, 20 m) of a district is ~0.1–1 MB. */
export const MAX_BOUNDARY_BYTES = 2 * 1024 * 1024;
export const MAX_BOUNDARY_POSITIONS = 100_000;

/** The same box the sites table's coordinates are checked against (sites_latitude_uk and sites_longitude_uk). */
export const UK_BOUNDS = { minLatitude: 49.8, maxLatitude: 60.9, minLongitude: -8.7, maxLongitude: 1.9 } as const;

/** [longitude, latitude], as GeoJSON orders them. */
export type Position = [longitude: number, latitude: number];
export type PolygonCoordinates = Position[][];

export type BoundaryGeometry =
  | { type: "Polygon"; coordinates: PolygonCoordinates }
  | { type: "MultiPolygon"; coordinates: PolygonCoordinates[] };

/** [west, south, east, north]: [minLongitude, minLatitude, maxLongitude, maxLatitude], as GeoJSON and MapLibre use it. */
export type BoundingBox = [west: number, south: number, east: number, north: number];

export interface LatLng {
  latitude: number;
  longitude: number;
}

export interface CheckedBoundary {
  geometry: BoundaryGeometry;
  bbox: BoundingBox;
  /** The centre of area (a point that may fall outside a concave shape); for framing a map, not for geography. */
  centroid: LatLng;
  positionCount: number;
}

export type BoundaryCheck = { ok: true; boundary: CheckedBoundary } | { ok: false; message: string };

export const BOUNDARY_MESSAGES = {
  empty: "The selected file is empty",
  tooLarge: "The file must be smaller than 2 MB",
  notJson: "The file must be GeoJSON: it could not be read as JSON",
  notPolygon: "The file must contain a Polygon or MultiPolygon",
  outsideUk: "The boundary must lie within the UK",
  britishNationalGrid:
    "The boundary must be in longitude and latitude (WGS 84): this file seems to use British National Grid eastings and northings. Download the GeoJSON in WGS 84 (EPSG:4326)",
  badPosition: "Every point of the boundary must be a longitude and a latitude, as numbers",
  unclosedRing: "Each ring of the boundary must be closed: its last point must be the same as its first",
  shortRing: "Each ring of the boundary must have at least 4 points",
  noRings: "Each polygon of the boundary must have an outer ring",
} as const;

function tooManyPositions(count: number): string {
  return `The boundary has ${count.toLocaleString("en-GB")} points; the most allowed is ${MAX_BOUNDARY_POSITIONS.toLocaleString("en-GB")}. Upload a generalised boundary, such as ONS's BGC (20 m) or BSC (200 m) version`;
}

function manyFeatures(count: number): string {
  return `The file must contain one boundary: it has ${count} features. Upload the boundary of your council alone`;
}

class Refused extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The one Polygon or MultiPolygon geometry in a FeatureCollection, a Feature or a bare geometry. */
function geometryOf(json: unknown): Record<string, unknown> {
  if (!isRecord(json)) throw new Refused(BOUNDARY_MESSAGES.notPolygon);
  if (json.type === "FeatureCollection") {
    const features = Array.isArray(json.features) ? json.features : [];
    if (features.length === 0) throw new Refused(BOUNDARY_MESSAGES.notPolygon);
    if (features.length > 1) throw new Refused(manyFeatures(features.length));
    return geometryOf(features[0]);
  }
  if (json.type === "Feature") {
    if (!isRecord(json.geometry)) throw new Refused(BOUNDARY_MESSAGES.notPolygon);
    return geometryOf(json.geometry);
  }
  if (json.type === "Polygon" || json.type === "MultiPolygon") return json;
  throw new Refused(BOUNDARY_MESSAGES.notPolygon);
}

/** Six decimal places of a degree is about 10 cm: more is noise, and it keeps the stored file small. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

interface Counter {
  positions: number;
  outsideUk: boolean;
  looksLikeGrid: boolean;
}

function checkRing(raw: unknown, counter: Counter): Position[] {
  if (!Array.isArray(raw)) throw new Refused(BOUNDARY_MESSAGES.notPolygon);
  counter.positions += raw.length;
  if (counter.positions > MAX_BOUNDARY_POSITIONS) throw new Refused(tooManyPositions(counter.positions));
  const ring = raw.map((position): Position => {
    if (!Array.isArray(position) || position.length < 2) throw new Refused(BOUNDARY_MESSAGES.badPosition);
    const [longitude, latitude] = position;
    if (typeof longitude !== "number" || typeof latitude !== "number") {
      throw new Refused(BOUNDARY_MESSAGES.badPosition);
    }
    if (!Number.isFinite(longitude) || !Number.isFinite(latitude)) throw new Refused(BOUNDARY_MESSAGES.badPosition);
    // Eastings and northings of the British National Grid run to hundreds of thousands of metres.
    if (Math.abs(longitude) > 180 || Math.abs(latitude) > 90) counter.looksLikeGrid = true;
    else if (
      latitude < UK_BOUNDS.minLatitude ||
      latitude > UK_BOUNDS.maxLatitude ||
      longitude < UK_BOUNDS.minLongitude ||
      longitude > UK_BOUNDS.maxLongitude
    ) {
      counter.outsideUk = true;
    }
    return [round(longitude), round(latitude)];
  });
  if (ring.length < 4) throw new Refused(BOUNDARY_MESSAGES.shortRing);
  const first = ring[0];
  const last = ring[ring.length - 1];
  // Compared as sent, before rounding: a ring that is only closed after rounding is still open.
  const rawFirst = raw[0] as number[];
  const rawLast = raw[raw.length - 1] as number[];
  if (!first || !last || rawFirst[0] !== rawLast[0] || rawFirst[1] !== rawLast[1]) {
    throw new Refused(BOUNDARY_MESSAGES.unclosedRing);
  }
  return ring;
}

function checkPolygon(raw: unknown, counter: Counter): PolygonCoordinates {
  if (!Array.isArray(raw)) throw new Refused(BOUNDARY_MESSAGES.notPolygon);
  if (raw.length === 0) throw new Refused(BOUNDARY_MESSAGES.noRings);
  return raw.map((ring) => checkRing(ring, counter));
}

/** Twice the signed area of a ring and the (unnormalised) centroid sums, by the shoelace formula. */
function ringMoments(ring: Position[]): { area2: number; cx: number; cy: number } {
  let area2 = 0;
  let cx = 0;
  let cy = 0;
  for (let index = 0; index < ring.length - 1; index += 1) {
    const [x0, y0] = ring[index] as Position;
    const [x1, y1] = ring[index + 1] as Position;
    const cross = x0 * y1 - x1 * y0;
    area2 += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  return { area2, cx, cy };
}

function polygonsOf(geometry: BoundaryGeometry): PolygonCoordinates[] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

export function boundingBoxOf(geometry: BoundaryGeometry): BoundingBox {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const polygon of polygonsOf(geometry)) {
    // The outer ring holds every hole, so it alone decides the box.
    for (const [longitude, latitude] of polygon[0] ?? []) {
      west = Math.min(west, longitude);
      east = Math.max(east, longitude);
      south = Math.min(south, latitude);
      north = Math.max(north, latitude);
    }
  }
  return [west, south, east, north];
}

/**
 * The centre of area, treating longitude and latitude as plane coordinates (near enough over a
 * council's extent to centre a map). Holes count against the area whichever way they wind.
 * A shape with no area (all points in a line) gets the middle of its bounding box.
 */
export function centroidOf(geometry: BoundaryGeometry): LatLng {
  let area = 0;
  let sumX = 0;
  let sumY = 0;
  for (const polygon of polygonsOf(geometry)) {
    polygon.forEach((ring, index) => {
      const moments = ringMoments(ring);
      // Outer rings add and holes subtract, whatever their winding order in the file.
      const sign = Math.sign(moments.area2) * (index === 0 ? 1 : -1);
      area += sign * moments.area2;
      sumX += sign * moments.cx;
      sumY += sign * moments.cy;
    });
  }
  if (Math.abs(area) < 1e-12) {
    const [west, south, east, north] = boundingBoxOf(geometry);
    return { latitude: round((south + north) / 2), longitude: round((west + east) / 2) };
  }
  return { longitude: round(sumX / (3 * area)), latitude: round(sumY / (3 * area)) };
}

/** The number of bytes the text takes as UTF-8, which is what the upload limit counts. */
export function utf8Size(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/** Checks an uploaded GeoJSON text and returns the boundary it holds, or the first problem in words. */
export function checkBoundary(text: string): BoundaryCheck {
  if (text.trim() === "") return { ok: false, message: BOUNDARY_MESSAGES.empty };
  if (utf8Size(text) > MAX_BOUNDARY_BYTES) return { ok: false, message: BOUNDARY_MESSAGES.tooLarge };
  let json: unknown;
  try {
    // A byte-order mark at the start is common in files saved on Windows.
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, message: BOUNDARY_MESSAGES.notJson };
  }
  try {
    const raw = geometryOf(json);
    const counter: Counter = { positions: 0, outsideUk: false, looksLikeGrid: false };
    let geometry: BoundaryGeometry;
    if (raw.type === "Polygon") {
      geometry = { type: "Polygon", coordinates: checkPolygon(raw.coordinates, counter) };
    } else {
      if (!Array.isArray(raw.coordinates) || raw.coordinates.length === 0) {
        throw new Refused(BOUNDARY_MESSAGES.notPolygon);
      }
      geometry = {
        type: "MultiPolygon",
        coordinates: raw.coordinates.map((polygon: unknown) => checkPolygon(polygon, counter)),
      };
    }
    if (counter.looksLikeGrid) throw new Refused(BOUNDARY_MESSAGES.britishNationalGrid);
    if (counter.outsideUk) throw new Refused(BOUNDARY_MESSAGES.outsideUk);
    return {
      ok: true,
      boundary: {
        geometry,
        bbox: boundingBoxOf(geometry),
        centroid: centroidOf(geometry),
        positionCount: counter.positions,
      },
    };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message };
    throw error;
  }
}

/** A box as the middle of it, for a map that has only a box to go on. */
export function centreOfBox([west, south, east, north]: BoundingBox): LatLng {
  return { latitude: round((south + north) / 2), longitude: round((west + east) / 2) };
}
