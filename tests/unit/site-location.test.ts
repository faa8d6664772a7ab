// A point picked on the location picker's map: rounded to about a metre, refused outside the box the
// site form accepts, read back from what is typed in the fields, and drawn as two distinct marks.
import { describe, expect, it } from "vitest";
import { builtInStyle } from "~/lib/map-style";
import { siteSchema } from "~/lib/schemas/site";
import {
  isInUk,
  LOCATION_LAYERS,
  LOCATION_SOURCE,
  locationFeatures,
  positionFromFields,
  positionText,
  roundedPosition,
  withLocationLayers,
} from "~/lib/site-location";

const validSite = {
  name: "The Example Hotel",
  status: "unknown",
  contractor: "unknown",
  locationAccuracy: "approximate",
};

describe("a picked point", () => {
  it("is rounded to 5 decimal places, and west of Greenwich keeps its sign", () => {
    expect(roundedPosition({ latitude: 51.700123456, longitude: 0.112345678 })).toEqual({
      latitude: 51.70012,
      longitude: 0.11235,
    });
    expect(roundedPosition({ latitude: 51.5, longitude: -0.000001 })).toEqual({ latitude: 51.5, longitude: 0 });
    expect(positionText(roundedPosition({ latitude: 51.5, longitude: -0.000001 }))).toEqual({
      latitude: "51.5",
      longitude: "0",
    });
    expect(positionText(roundedPosition({ latitude: 54.59728, longitude: -5.93012 }))).toEqual({
      latitude: "54.59728",
      longitude: "-5.93012",
    });
  });

  it("is in the UK exactly when the site form would accept it", () => {
    const points = [
      { latitude: 51.7, longitude: 0.11, inUk: true },
      { latitude: 49.8, longitude: -8.7, inUk: true },
      { latitude: 60.9, longitude: 1.9, inUk: true },
      { latitude: 49.79999, longitude: 0, inUk: false },
      { latitude: 55, longitude: -8.70001, inUk: false },
      { latitude: 48.85, longitude: 2.35, inUk: false },
      { latitude: 61, longitude: 0, inUk: false },
    ];
    for (const { inUk, ...at } of points) {
      expect(isInUk(at), JSON.stringify(at)).toBe(inUk);
      const parsed = siteSchema.safeParse({ ...validSite, ...at });
      expect(parsed.success, JSON.stringify(at)).toBe(inUk);
    }
  });
});

describe("the position in the fields", () => {
  it("is read when both fields hold numbers in the UK, and otherwise not drawn", () => {
    expect(positionFromFields("51.7", " 0.11 ")).toEqual({ latitude: 51.7, longitude: 0.11 });
    expect(positionFromFields(51.7, 0.11)).toEqual({ latitude: 51.7, longitude: 0.11 });
    expect(positionFromFields("", "0.11")).toBeNull();
    expect(positionFromFields(undefined, undefined)).toBeNull();
    expect(positionFromFields("51.7", "east")).toBeNull();
    expect(positionFromFields("48.85", "2.35")).toBeNull();
  });
});

describe("the marks", () => {
  it("are a filled circle for the recorded position and a ring for the proposed one, on top of any style", () => {
    const marks = { recorded: { latitude: 51.7, longitude: 0.11 }, proposed: { latitude: 51.71, longitude: 0.12 } };
    expect(
      locationFeatures(marks).features.map((feature) => [feature.properties.kind, feature.geometry.coordinates]),
    ).toEqual([
      ["recorded", [0.11, 51.7]],
      ["proposed", [0.12, 51.71]],
    ]);
    expect(locationFeatures({ recorded: null, proposed: null }).features).toEqual([]);

    const base = builtInStyle({ outlineUrl: "http://localhost/map/uk.geojson" });
    const style = withLocationLayers(base, { marks, boundary: "http://localhost/c/x/boundary.geojson" });
    const ids = style.layers.map((layer) => layer.id);
    expect(ids.slice(0, base.layers.length)).toEqual(base.layers.map((layer) => layer.id));
    expect(ids.slice(base.layers.length)).toEqual(Object.values(LOCATION_LAYERS));
    expect(style.sources[LOCATION_SOURCE]).toMatchObject({ type: "geojson", data: locationFeatures(marks) });
    // Applied twice (a style swapped in later), the layers are not duplicated.
    expect(withLocationLayers(style, { marks }).layers.map((layer) => layer.id)).toEqual(
      ids.filter((id) => id !== LOCATION_LAYERS.boundary),
    );
    const recorded = style.layers.find((layer) => layer.id === LOCATION_LAYERS.recorded);
    const ring = style.layers.find((layer) => layer.id === LOCATION_LAYERS.proposed);
    expect(recorded?.type === "circle" && recorded.paint?.["circle-opacity"]).toBeFalsy();
    expect(ring?.type === "circle" && ring.paint?.["circle-opacity"]).toBe(0);
    expect(JSON.stringify(style)).not.toMatch(/glyphs|sprite/);
  });
});
