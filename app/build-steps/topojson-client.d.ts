// The one function of topojson-client (which ships no types) that the map's build step uses.
declare module "topojson-client" {
  export function feature(
    topology: unknown,
    object: unknown,
  ): { type: "Feature"; id?: string; properties: Record<string, unknown>; geometry: GeoJSON.Geometry };
}
