// Boundary test data: a plain rectangle around Epping (lon 0.0–0.25, lat 51.6–51.8), not a real
// council boundary, as GeoJSON text in the shapes councils download.
export const EPPING_RECTANGLE: [number, number][] = [
  [0.0, 51.6],
  [0.25, 51.6],
  [0.25, 51.8],
  [0.0, 51.8],
  [0.0, 51.6],
];

export const EPPING_POLYGON = { type: "Polygon", coordinates: [EPPING_RECTANGLE] } as const;

/** The rectangle as a FeatureCollection of one feature, as ONS's download gives a single council. */
export function rectangleGeoJson(): string {
  return JSON.stringify({
    type: "FeatureCollection",
    features: [{ type: "Feature", properties: { name: "Test rectangle" }, geometry: EPPING_POLYGON }],
  });
}

export function geoJsonFile(text: string, name = "boundary.geojson") {
  return { name, bytes: new Uint8Array(new TextEncoder().encode(text)), type: "application/geo+json" };
}
