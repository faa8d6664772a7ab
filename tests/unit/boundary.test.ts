// Checking an uploaded council boundary: what is accepted, what is refused and with which words,
// and the box and centre the map is framed with. Test data is a plain rectangle around Epping.
import { describe, expect, it } from "vitest";
import {
  BOUNDARY_MESSAGES,
  type BoundaryCheck,
  boundingBoxOf,
  centroidOf,
  checkBoundary,
  MAX_BOUNDARY_POSITIONS,
} from "~/lib/boundary";
import { EPPING_RECTANGLE } from "../helpers/factories/boundaries";

const polygon = { type: "Polygon", coordinates: [EPPING_RECTANGLE] };

function refusal(check: BoundaryCheck): string {
  if (check.ok) throw new Error("expected the boundary to be refused");
  return check.message;
}

function accepted(check: BoundaryCheck) {
  if (!check.ok) throw new Error(`expected the boundary to be accepted: ${check.message}`);
  return check.boundary;
}

describe("accepted boundaries", () => {
  it("a Polygon, as a bare geometry, a Feature or a FeatureCollection of one", () => {
    for (const json of [
      polygon,
      { type: "Feature", properties: { LAD24NM: "Epping Forest" }, geometry: polygon },
      { type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: polygon }] },
    ]) {
      const boundary = accepted(checkBoundary(JSON.stringify(json)));
      expect(boundary.geometry).toEqual(polygon);
      expect(boundary.bbox).toEqual([0, 51.6, 0.25, 51.8]);
      expect(boundary.centroid).toEqual({ longitude: 0.125, latitude: 51.7 });
      expect(boundary.positionCount).toBe(5);
    }
  });

  it("a MultiPolygon (a council with an island), its box covering both parts", () => {
    const island = [
      [0.5, 51.5],
      [0.6, 51.5],
      [0.6, 51.55],
      [0.5, 51.55],
      [0.5, 51.5],
    ];
    const boundary = accepted(
      checkBoundary(JSON.stringify({ type: "MultiPolygon", coordinates: [[EPPING_RECTANGLE], [island]] })),
    );
    expect(boundary.geometry.type).toBe("MultiPolygon");
    expect(boundary.bbox).toEqual([0, 51.5, 0.6, 51.8]);
    expect(boundary.positionCount).toBe(10);
    // Weighted by area: the rectangle is ten times the island.
    expect(boundary.centroid.longitude).toBeCloseTo((0.125 * 0.05 + 0.55 * 0.005) / 0.055, 5);
  });

  it("takes away the area of a hole, whichever way its rings wind", () => {
    const hole = [
      [0.0, 51.6],
      [0.0, 51.8],
      [0.125, 51.8],
      [0.125, 51.6],
      [0.0, 51.6],
    ];
    // The west half cut out leaves the east half, centred at 0.1875.
    expect(
      centroidOf({ type: "Polygon", coordinates: [EPPING_RECTANGLE, hole as [number, number][]] }).longitude,
    ).toBeCloseTo(0.1875, 6);
  });

  it("drops altitudes, rounds to six decimal places and reads a file that starts with a byte-order mark", () => {
    const ring = EPPING_RECTANGLE.map(([lon, lat]) => [(lon ?? 0) + 0.0000001, lat, 12]);
    ring[4] = ring[0] ?? [];
    const boundary = accepted(checkBoundary(`\uFEFF${JSON.stringify({ type: "Polygon", coordinates: [ring] })}`));
    expect(boundary.geometry.coordinates[0]?.[0]).toEqual([0, 51.6]);
    expect(boundingBoxOf(boundary.geometry)).toEqual([0, 51.6, 0.25, 51.8]);
  });
});

describe("refused boundaries", () => {
  it("a point, a line, an empty collection or a geometry collection", () => {
    for (const json of [
      { type: "Point", coordinates: [0.11, 51.7] },
      { type: "Feature", properties: {}, geometry: { type: "LineString", coordinates: EPPING_RECTANGLE } },
      { type: "FeatureCollection", features: [] },
      { type: "GeometryCollection", geometries: [polygon] },
      [polygon],
    ]) {
      expect(refusal(checkBoundary(JSON.stringify(json)))).toBe("The file must contain a Polygon or MultiPolygon");
    }
  });

  it("several features: one council's boundary is wanted, not a national file", () => {
    const feature = { type: "Feature", properties: {}, geometry: polygon };
    expect(refusal(checkBoundary(JSON.stringify({ type: "FeatureCollection", features: [feature, feature] })))).toBe(
      "The file must contain one boundary: it has 2 features. Upload the boundary of your council alone",
    );
  });

  it("a boundary outside the UK, even partly", () => {
    const paris = EPPING_RECTANGLE.map(([lon, lat]) => [(lon ?? 0) + 2.2, (lat ?? 0) - 2.8]);
    expect(refusal(checkBoundary(JSON.stringify({ type: "Polygon", coordinates: [paris] })))).toBe(
      "The boundary must lie within the UK",
    );
    const straddling = EPPING_RECTANGLE.map(([lon, lat]) => [lon === 0.25 ? 2.5 : lon, lat]);
    expect(refusal(checkBoundary(JSON.stringify({ type: "Polygon", coordinates: [straddling] })))).toBe(
      BOUNDARY_MESSAGES.outsideUk,
    );
  });

  it("British National Grid eastings and northings, with a message that says so", () => {
    const grid = [
      [545000, 200000],
      [560000, 200000],
      [560000, 215000],
      [545000, 215000],
      [545000, 200000],
    ];
    expect(refusal(checkBoundary(JSON.stringify({ type: "Polygon", coordinates: [grid] })))).toMatch(
      /British National Grid/,
    );
  });

  it("a ring that is not closed, or too short", () => {
    expect(
      refusal(checkBoundary(JSON.stringify({ type: "Polygon", coordinates: [EPPING_RECTANGLE.slice(0, 4)] }))),
    ).toBe("Each ring of the boundary must be closed: its last point must be the same as its first");
    const triangle = [EPPING_RECTANGLE[0], EPPING_RECTANGLE[1], EPPING_RECTANGLE[0]];
    expect(refusal(checkBoundary(JSON.stringify({ type: "Polygon", coordinates: [triangle] })))).toBe(
      "Each ring of the boundary must have at least 4 points",
    );
    expect(refusal(checkBoundary(JSON.stringify({ type: "Polygon", coordinates: [] })))).toBe(
      BOUNDARY_MESSAGES.noRings,
    );
  });

  it("points that are not pairs of numbers", () => {
    const text = EPPING_RECTANGLE.map(([lon, lat]) => [String(lon), lat]);
    expect(refusal(checkBoundary(JSON.stringify({ type: "Polygon", coordinates: [text] })))).toBe(
      "Every point of the boundary must be a longitude and a latitude, as numbers",
    );
  });

  it("a file over 2 MB, or with more than 100,000 points", () => {
    const padding = " ".repeat(2 * 1024 * 1024);
    expect(refusal(checkBoundary(`${JSON.stringify(polygon)}${padding}`))).toBe("The file must be smaller than 2 MB");
    // A fine ring around the rectangle's edge: small in text, too many points.
    const count = MAX_BOUNDARY_POSITIONS + 1;
    const ring = Array.from({ length: count - 1 }, (_, index) => {
      const angle = (2 * Math.PI * index) / (count - 1);
      return [
        Math.round((0.125 + 0.1 * Math.cos(angle)) * 1e3) / 1e3,
        Math.round((51.7 + 0.1 * Math.sin(angle)) * 1e3) / 1e3,
      ];
    });
    ring.push(ring[0] ?? []);
    const text = JSON.stringify({ type: "Polygon", coordinates: [ring] });
    expect(text.length).toBeLessThan(2 * 1024 * 1024);
    expect(refusal(checkBoundary(text))).toBe(
      "The boundary has 100,001 points; the most allowed is 100,000. Upload a generalised boundary, such as ONS's BGC (20 m) or BSC (200 m) version",
    );
  });

  it("an empty file, or one that is not JSON", () => {
    expect(refusal(checkBoundary("  \n"))).toBe("The selected file is empty");
    expect(refusal(checkBoundary("<kml></kml>"))).toBe("The file must be GeoJSON: it could not be read as JSON");
  });
});
