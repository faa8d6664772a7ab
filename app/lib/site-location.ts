// A site's position on the small maps (the site page's and the form's location picker): rounding a
// point the officer picked, the UK box the form accepts, and the layers that mark the position.
import type { Feature, FeatureCollection, Point } from "geojson";
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from "maplibre-gl";
import { type BoundingBox, type LatLng, UK_BOUNDS } from "./boundary";
import { MAP_COLOURS } from "./map-style";

/** How the small maps of a site's position are drawn, as the loaders hand it to the page. */
export interface SiteLocationMapSettings {
  /** MAP_STYLE_URL, or null for the built-in offline map. */
  styleUrl: string | null;
  /** Address of the council's boundary as GeoJSON, when it has one. */
  boundaryUrl: string | null;
  /** [west, south, east, north] to show when the site has no position yet (else the whole UK). */
  frame: BoundingBox | null;
}

/** Decimal places kept from a point picked on the map: 0.00001° is about 1 m. */
export const PICKED_DECIMALS = 5;

export const UK_BOUNDS_TEXT = `latitude ${UK_BOUNDS.minLatitude} to ${UK_BOUNDS.maxLatitude}, longitude ${minus(UK_BOUNDS.minLongitude)} to ${UK_BOUNDS.maxLongitude}`;

/** The picked point to PICKED_DECIMALS, as the form's fields will hold it. */
export function roundedPosition(at: LatLng): LatLng {
  const factor = 10 ** PICKED_DECIMALS;
  // `+ 0` turns -0 (a point just west of Greenwich rounded to zero) into 0.
  const round = (value: number) => Math.round(value * factor) / factor + 0;
  return { latitude: round(at.latitude), longitude: round(at.longitude) };
}

/** Whether the form would accept the point: the same box as the site schema's. */
export function isInUk(at: LatLng): boolean {
  return (
    at.latitude >= UK_BOUNDS.minLatitude &&
    at.latitude <= UK_BOUNDS.maxLatitude &&
    at.longitude >= UK_BOUNDS.minLongitude &&
    at.longitude <= UK_BOUNDS.maxLongitude
  );
}

/** The position as the fields take it, e.g. { latitude: "51.70123", longitude: "0.11234" }. */
export function positionText(at: LatLng): { latitude: string; longitude: string } {
  return { latitude: String(at.latitude), longitude: String(at.longitude) };
}

/** The position typed in the form's fields, when both are numbers in the UK; otherwise null. */
export function positionFromFields(latitude: unknown, longitude: unknown): LatLng | null {
  const number = (value: unknown) => {
    if (typeof value === "number") return value;
    if (typeof value !== "string" || value.trim() === "") return Number.NaN;
    return Number(value.trim());
  };
  const at = { latitude: number(latitude), longitude: number(longitude) };
  if (!Number.isFinite(at.latitude) || !Number.isFinite(at.longitude)) return null;
  return isInUk(at) ? at : null;
}

function minus(value: number): string {
  return value < 0 ? `−${Math.abs(value)}` : String(value);
}

export const LOCATION_SOURCE = "site-location";
export const LOCATION_BOUNDARY_SOURCE = "site-location-boundary";
export const LOCATION_LAYERS = {
  boundary: "site-location-boundary",
  recorded: "site-location-recorded",
  proposedHalo: "site-location-proposed-halo",
  proposed: "site-location-proposed",
  proposedCentre: "site-location-proposed-centre",
} as const;

export const LOCATION_COLOURS = {
  /** The recorded position: a filled circle. */
  recorded: "#1d70b8",
  /** A position the officer clicked and has not yet used: a ring around a dot. */
  proposed: "#d4351c",
} as const;

export interface LocationMarks {
  recorded: LatLng | null;
  proposed: LatLng | null;
}

/** The two marks as GeoJSON: a filled circle for the recorded position, a ring for the proposed one. */
export function locationFeatures(marks: LocationMarks): FeatureCollection<Point, { kind: keyof LocationMarks }> {
  const features: Feature<Point, { kind: keyof LocationMarks }>[] = [];
  for (const kind of ["recorded", "proposed"] as const) {
    const at = marks[kind];
    if (!at) continue;
    features.push({
      type: "Feature",
      geometry: { type: "Point", coordinates: [at.longitude, at.latitude] },
      properties: { kind },
    });
  }
  return { type: "FeatureCollection", features };
}

/** Any style (the built-in one or MAP_STYLE_URL's) with the council's boundary and the marks on top. */
export function withLocationLayers(
  style: StyleSpecification,
  options: { marks: LocationMarks; boundary?: string },
): StyleSpecification {
  const ours = new Set<string>(Object.values(LOCATION_LAYERS));
  const sources: StyleSpecification["sources"] = {
    ...style.sources,
    [LOCATION_SOURCE]: { type: "geojson", data: locationFeatures(options.marks) },
  };
  const layers: LayerSpecification[] = style.layers.filter((layer) => !ours.has(layer.id));
  if (options.boundary) {
    sources[LOCATION_BOUNDARY_SOURCE] = { type: "geojson", data: options.boundary };
    layers.push({
      id: LOCATION_LAYERS.boundary,
      type: "line",
      source: LOCATION_BOUNDARY_SOURCE,
      paint: { "line-color": MAP_COLOURS.boundary, "line-width": 2, "line-dasharray": [3, 2] },
    });
  }
  const isKind = (kind: keyof LocationMarks): ExpressionSpecification => ["==", ["get", "kind"], kind];
  layers.push(
    {
      id: LOCATION_LAYERS.recorded,
      type: "circle",
      source: LOCATION_SOURCE,
      filter: isKind("recorded"),
      paint: {
        "circle-radius": 8,
        "circle-color": LOCATION_COLOURS.recorded,
        "circle-stroke-color": MAP_COLOURS.symbolHalo,
        "circle-stroke-width": 2,
      },
    },
    {
      id: LOCATION_LAYERS.proposedHalo,
      type: "circle",
      source: LOCATION_SOURCE,
      filter: isKind("proposed"),
      paint: {
        "circle-radius": 12,
        "circle-opacity": 0,
        "circle-stroke-color": MAP_COLOURS.symbolHalo,
        "circle-stroke-width": 6,
      },
    },
    {
      id: LOCATION_LAYERS.proposed,
      type: "circle",
      source: LOCATION_SOURCE,
      filter: isKind("proposed"),
      paint: {
        "circle-radius": 12,
        "circle-opacity": 0,
        "circle-stroke-color": LOCATION_COLOURS.proposed,
        "circle-stroke-width": 3,
      },
    },
    {
      id: LOCATION_LAYERS.proposedCentre,
      type: "circle",
      source: LOCATION_SOURCE,
      filter: isKind("proposed"),
      paint: { "circle-radius": 2.5, "circle-color": MAP_COLOURS.symbolOutline },
    },
  );
  return { ...style, sources, layers };
}
