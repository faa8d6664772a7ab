// Build step (run by `npm run build` before `remix build`): writes the offline basemap outline and
// copies MapLibre's worker into public/map/, so a map needs no network and nothing is committed.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
const require = createRequire(import.meta.url);
const outDir = path.join(root, "public/map");

/** ISO 3166-1 numeric codes: the United Kingdom, and the neighbouring land drawn so the coast reads. */
const UNITED_KINGDOM = "826";
const NEIGHBOURS = ["372", "833", "831", "832"]; // Ireland, Isle of Man, Guernsey, Jersey

// 1:10m, not 1:50m: at a district's zoom the 1:50m coast is kilometres out (a seaside hotel lands in
// the sea); 1:10m is ~125 KB rounded (~40 KB compressed), fetched once and cached.
const SOURCE = "world-atlas/countries-10m.json";

interface Topology {
  objects: { countries: { geometries: { id?: string }[] } };
}

/** 4 decimal places (about 11 m) is far finer than a 1:10m coast, and halves the file. */
function rounded(geometry: GeoJSON.Geometry): GeoJSON.Geometry {
  return JSON.parse(
    JSON.stringify(geometry, (_key, value) => (typeof value === "number" ? Math.round(value * 1e4) / 1e4 : value)),
  );
}

function outline(): GeoJSON.FeatureCollection {
  const topology = JSON.parse(fs.readFileSync(require.resolve(SOURCE), "utf8")) as Topology;
  const country = (id: string, kind: "uk" | "neighbour"): GeoJSON.Feature => {
    const geometry = topology.objects.countries.geometries.find((candidate) => candidate.id === id);
    if (!geometry) throw new Error(`${SOURCE} has no country with id ${id}.`);
    const converted = feature(topology, geometry);
    return {
      type: "Feature",
      properties: { kind, name: converted.properties.name },
      geometry: rounded(converted.geometry),
    };
  };
  return {
    type: "FeatureCollection",
    features: [...NEIGHBOURS.map((id) => country(id, "neighbour")), country(UNITED_KINGDOM, "uk")],
  };
}

function copyWorker(): string {
  const source = path.join(path.dirname(require.resolve("maplibre-gl/package.json")), "dist/maplibre-gl-worker.mjs");
  // Without its source map line the browser's tools do not ask for a file we do not serve.
  const code = fs.readFileSync(source, "utf8").replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n");
  const target = path.join(outDir, "maplibre-gl-worker.mjs");
  fs.writeFileSync(target, code);
  return target;
}

fs.mkdirSync(outDir, { recursive: true });
const outlinePath = path.join(outDir, "uk.geojson");
fs.writeFileSync(outlinePath, JSON.stringify(outline()));
const workerPath = copyWorker();
for (const file of [outlinePath, workerPath]) {
  // Compressed copies of an earlier build would be sent instead: the build's last step makes new ones.
  for (const copy of [`${file}.br`, `${file}.gz`]) fs.rmSync(copy, { force: true });
  console.log(`map asset: ${path.relative(root, file)} (${Math.round(fs.statSync(file).size / 1024)} KiB)`);
}
