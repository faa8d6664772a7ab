// Benchmark: the council map with 10,000 sites, against a bare MapLibre page drawing the same points
// with the same style and clustering, in the same headless Chromium run. Reports the time from
// navigation to the map's first idle (the "map-idle" performance mark both pages set).
//   npx tsx tests/bench/map.bench.ts [--runs=5] [--sites=10000] [--strict]
// With --strict it exits non-zero when the app is more than 1.3 times slower than the bare page.
// DIAG=1 prints each run's performance marks and resource timings (where the time goes).
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { builtInStyle, symbolImage, symbolImageId, withSiteLayers } from "../../app/lib/map-style";
import { siteStatuses } from "../../app/lib/site-codes";
import { DEMO_PASSWORD, launchBrowser, ROOT, startApp } from "../e2e/support";
import { seedDataDir, syntheticSites } from "../helpers/factories/data-dir";

const TARGET_RATIO = 1.3;
const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key = "", value = "true"] = arg.replace(/^--/, "").split("=");
    return [key, value] as const;
  }),
);
const runs = Number(args.get("runs") ?? 5);
const siteCount = Number(args.get("sites") ?? 10_000);
const strict = args.has("strict");
// A box over Epping Forest district: the map opens on all of them at a district's zoom.
const DISTRICT = { south: 51.62, west: -0.02, north: 51.78, east: 0.3 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The bare page: MapLibre alone, the same style, symbols, data and first view as the app's map. */
function barePage(): string {
  const style = withSiteLayers(builtInStyle({ outlineUrl: "OUTLINE_URL" }), {
    sites: { type: "FeatureCollection", features: [] },
  });
  const symbols = Object.fromEntries(
    siteStatuses.map((status) => {
      const image = symbolImage(status, 1);
      return [symbolImageId(status), { width: image.width, height: image.height, data: Array.from(image.data) }];
    }),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare MapLibre</title>
<link rel="stylesheet" href="/maplibre-gl.css">
<style>body{margin:0} #map{width:900px;height:480px}</style></head>
<body><div id="map"></div>
<script type="module">
import { Map, setWorkerUrl, getVersion } from "/maplibre-gl.mjs";
setWorkerUrl(new URL("/map/maplibre-gl-worker.mjs?v=" + getVersion(), location.href).href);
const style = ${JSON.stringify(style)};
const symbols = ${JSON.stringify(symbols)};
style.sources.outline.data = new URL("/map/uk.geojson", location.href).href;
const sites = await (await fetch("/sites.geojson")).json();
style.sources.sites.data = sites;
performance.mark("map-start");
const map = new Map({ container: "map", style, bounds: sites.bbox, fitBoundsOptions: { padding: 40, maxZoom: 13 } });
map.once("style.load", () => performance.mark("map-style-load"));
map.once("load", () => performance.mark("map-load"));
map.setMissingStyleImageResolver((id) => {
  const s = symbols[id];
  if (s) map.addImage(id, { width: s.width, height: s.height, data: new Uint8ClampedArray(s.data) });
});
map.once("idle", () => performance.mark("map-idle"));
</script></body></html>`;
}

function serveBare(sitesGeoJson: Buffer): Promise<http.Server> {
  const files: Record<string, { body: Buffer | string; type: string }> = {
    "/": { body: barePage(), type: "text/html" },
    "/maplibre-gl.mjs": {
      body: fs.readFileSync(path.join(ROOT, "node_modules/maplibre-gl/dist/maplibre-gl.mjs")),
      type: "text/javascript",
    },
    "/maplibre-gl.css": {
      body: fs.readFileSync(path.join(ROOT, "node_modules/maplibre-gl/dist/maplibre-gl.css")),
      type: "text/css",
    },
    "/map/maplibre-gl-worker.mjs": {
      body: fs.readFileSync(path.join(ROOT, "public/map/maplibre-gl-worker.mjs")),
      type: "text/javascript",
    },
    "/map/uk.geojson": {
      body: fs.readFileSync(path.join(ROOT, "public/map/uk.geojson")),
      type: "application/geo+json",
    },
    "/sites.geojson": { body: sitesGeoJson, type: "application/geo+json" },
  };
  const server = http.createServer((request, response) => {
    const file = files[new URL(request.url ?? "/", "http://bare").pathname];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": file.type, "Cache-Control": "no-store" }).end(file.body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Milliseconds from navigation to the page's "map-idle" mark, in a new (cold-cache) context. */
async function timeToIdle(
  browser: Browser,
  url: string,
  storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>,
) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName("map-idle").length > 0, null, { timeout: 120_000 });
    if (process.env.DIAG) {
      console.log(
        url,
        await page.evaluate(() =>
          [
            ...performance.getEntriesByType("navigation").map((entry) => {
              const navigation = entry as PerformanceNavigationTiming;
              // The page itself: when it was asked for, when its first byte came, when it was all there.
              return {
                name: `page (first byte at ${Math.round(navigation.responseStart)})`,
                startTime: navigation.requestStart,
                duration: navigation.responseEnd - navigation.requestStart,
              };
            }),
            ...performance.getEntriesByType("mark"),
            ...performance.getEntriesByType("resource"),
          ]
            .map(
              (entry) =>
                `${entry.name.replace(location.origin, "")} ${Math.round(entry.startTime)}+${Math.round(entry.duration)}`,
            )
            .join("; "),
        ),
      );
    }
    return await page.evaluate(() => performance.getEntriesByName("map-idle")[0]?.startTime ?? Number.NaN);
  } finally {
    await context.close();
  }
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, "build/index.js")) || !fs.existsSync(path.join(ROOT, "public/map/uk.geojson"))) {
    throw new Error("Build the app first: npm run build");
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-bench-"));
  console.log(`Seeding ${siteCount} sites in Epping Forest (${dataDir}) …`);
  await seedDataDir(dataDir, {
    password: DEMO_PASSWORD,
    councilSlug: "epping-forest",
    sites: syntheticSites(siteCount, DISTRICT),
  });
  const app = await startApp({ dataDir });
  const browser = await launchBrowser();
  let bare: http.Server | undefined;
  try {
    const signIn = await browser.newContext();
    const page = await signIn.newPage();
    await page.goto(`${app.baseUrl}/sign-in`);
    await page.getByLabel("Email address").fill("officer@epping-forest.example");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${app.baseUrl}/c/epping-forest`);
    const session = await signIn.storageState();
    const geojson = await page.request.get(`${app.baseUrl}/c/epping-forest/sites.geojson`);
    const sitesGeoJson = await geojson.body();
    const features = (JSON.parse(sitesGeoJson.toString()) as { features: unknown[] }).features.length;
    await signIn.close();
    bare = await serveBare(sitesGeoJson);
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
    const appUrl = `${app.baseUrl}/c/epping-forest/map`;

    // One of each first, not counted: the server's and the browser's first runs warm their caches.
    await timeToIdle(browser, appUrl, session);
    await timeToIdle(browser, bareUrl);
    const appTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let run = 0; run < runs; run++) {
      // Alternate which goes first, so neither always runs on a warmer machine.
      if (run % 2 === 0) {
        appTimes.push(await timeToIdle(browser, appUrl, session));
        bareTimes.push(await timeToIdle(browser, bareUrl));
      } else {
        bareTimes.push(await timeToIdle(browser, bareUrl));
        appTimes.push(await timeToIdle(browser, appUrl, session));
      }
    }
    const appMedian = median(appTimes);
    const bareMedian = median(bareTimes);
    const ratio = appMedian / bareMedian;
    const rounded = (values: number[]) => values.map((value) => Math.round(value)).join(", ");
    console.log(`\nMap with ${features} sites: time from navigation to the map's idle event (${runs} runs each)`);
    console.log(`  council map page  median ${Math.round(appMedian)} ms   (${rounded(appTimes)})`);
    console.log(`  bare MapLibre     median ${Math.round(bareMedian)} ms   (${rounded(bareTimes)})`);
    console.log(`  ratio ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO})`);
    if (strict && ratio > TARGET_RATIO) process.exitCode = 1;
  } finally {
    bare?.close();
    await browser.close();
    if (process.env.DIAG)
      console.log(
        app
          .output()
          .split("\n")
          .filter((line) => line.startsWith("GEOJSON"))
          .join("\n"),
      );
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
