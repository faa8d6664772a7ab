// The JavaScript each page loads, from the build alone (no server, no database).
// A page's module keeps whatever it imports that any other page uses in the browser (esbuild splits
// code by what is used anywhere), so what a component needs comes from a zod-free module
// (app/lib/*-codes.ts, form-values.ts), never from app/lib/schemas/.
//
//   npm run build && npm run bench:bundles        (or: npx tsx tests/bench/client-bundles.ts)
//
// Reads the Remix assets manifest of the last build (the one build/index.js names, in public/build)
// and, for every route that is a page, counts what the browser loads when the page is the first one
// opened: the client entry and its imports, and each matched route's module and imports (root → … →
// the route), then every static import of those files, followed to the end (not import(…), which
// loads only when asked). This is what <Scripts> puts in the HTML as modulepreloads and imports;
// with v3_lazyRouteDiscovery the manifest file is not loaded, without it it is counted too.
//
// Each file counts as the server sends it with accept-encoding: br (tests/bench/pages.bench.ts,
// scriptsOf, measures the same through a running server): its precompressed .br copy from
// `npm run build`, or the file itself when it has none (files under 1 KiB, sent plain).
//
// A page whose files include MapLibre (a file over 300 kB that mentions maplibre) is marked and
// exempt; any other page over the budget (120 KiB) makes the script exit with status 1.
// Resource routes (no default export: CSV, GeoJSON, iCalendar, sign-out) are not pages and are left
// out, as is a layout at a URL where its index route is the page.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PUBLIC_DIR = path.join(ROOT, "public");
const SERVER_BUILD = path.join(ROOT, "build/index.js");
const BUDGET_KIB = 120;
/** As in pages.bench.ts: a file this large that mentions maplibre is MapLibre's bundle. */
const MAPLIBRE_BYTES = 300_000;

interface ManifestRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  module: string;
  imports?: string[];
}

interface AssetsManifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
  url: string;
  version: string;
}

interface Page {
  routeId: string;
  url: string;
  files: string[];
  bytes: number;
  maplibre: boolean;
}

/** The browser manifest of the build build/index.js belongs to (or the newest one in public/build). */
function readManifest(serverBuild: string | undefined): AssetsManifest {
  const named = serverBuild
    ? [...serverBuild.matchAll(/url: "(\/build\/manifest-[\w-]+\.js)"/g)].at(-1)?.[1]
    : undefined;
  let file = named ? publicFile(named) : undefined;
  if (!file || !fs.existsSync(file)) {
    const dir = path.join(PUBLIC_DIR, "build");
    const candidates = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => /^manifest-\w+\.js$/.test(name)) : [];
    const newest = candidates
      .map((name) => ({ name, mtime: fs.statSync(path.join(dir, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime)[0];
    if (!newest) throw new Error("No Remix manifest in public/build: build the app first (npm run build)");
    file = path.join(dir, newest.name);
  }
  const text = fs.readFileSync(file, "utf8").trim();
  const json = text.replace(/^window\.__remixManifest\s*=\s*/, "").replace(/;$/, "");
  return JSON.parse(json) as AssetsManifest;
}

/**
 * Route ids whose module has a default export (a page, not a resource route), read from the server
 * build's `__export(name, { … })` blocks and its `routes` object. Undefined when that cannot be read.
 */
function routesWithComponent(serverBuild: string | undefined): Set<string> | undefined {
  if (!serverBuild) return undefined;
  const exportsOf = new Map<string, string>();
  for (const match of serverBuild.matchAll(/__export\((\w+), \{([^}]*)\}\);/g)) {
    if (match[1] && match[2] !== undefined) exportsOf.set(match[1], match[2]);
  }
  const withComponent = new Set<string>();
  let found = 0;
  for (const match of serverBuild.matchAll(/\{\s*id: "([^"]+)",[^{}]*?module: (\w+)\s*\}/g)) {
    const [, id, variable] = match;
    if (!id || !variable) continue;
    const names = exportsOf.get(variable);
    if (names === undefined) continue;
    found += 1;
    if (/\bdefault:/.test(names)) withComponent.add(id);
  }
  return found > 0 ? withComponent : undefined;
}

function publicFile(url: string): string {
  return path.join(PUBLIC_DIR, decodeURIComponent(url.replace(/^\//, "")));
}

const sizes = new Map<string, { bytes: number; maplibre: boolean; imports: string[] }>();

/** What the server sends for one file (its .br copy, or the file), and its static imports. */
function fileInfo(url: string): { bytes: number; maplibre: boolean; imports: string[] } {
  const known = sizes.get(url);
  if (known) return known;
  const file = publicFile(url);
  if (!fs.existsSync(file)) throw new Error(`${url} is in the manifest but not in public/: rebuild (npm run build)`);
  const plain = fs.readFileSync(file);
  const brotli = `${file}.br`;
  const bytes = fs.existsSync(brotli) ? fs.statSync(brotli).size : plain.byteLength;
  const text = plain.toString("utf8");
  const imports = new Set<string>();
  // Static imports only (`import "x"`, `from "x"`), as pages.bench.ts follows them.
  for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
    if (match[1]) imports.add(new URL(match[1], `http://build.invalid${url}`).pathname);
  }
  const info = { bytes, maplibre: plain.byteLength > MAPLIBRE_BYTES && /maplibre/i.test(text), imports: [...imports] };
  sizes.set(url, info);
  return info;
}

function chainOf(manifest: AssetsManifest, routeId: string): ManifestRoute[] {
  const chain: ManifestRoute[] = [];
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`The manifest has no route ${id}`);
    chain.unshift(route);
  }
  return chain;
}

function urlOf(chain: ManifestRoute[]): string {
  const parts = chain.map((route) => route.path ?? "").filter((part) => part !== "");
  return `/${parts.join("/")}`.replace(/\/+/g, "/");
}

function pageOf(manifest: AssetsManifest, routeId: string, loadsManifest: boolean): Page {
  const chain = chainOf(manifest, routeId);
  const start = [
    ...(loadsManifest ? [manifest.url] : []),
    manifest.entry.module,
    ...manifest.entry.imports,
    ...chain.flatMap((route) => [...(route.imports ?? []), route.module]),
  ];
  const seen = new Set(start);
  const queue = [...seen];
  let bytes = 0;
  let maplibre = false;
  while (queue.length > 0) {
    const url = queue.shift() ?? "";
    const info = fileInfo(url);
    bytes += info.bytes;
    maplibre ||= info.maplibre;
    for (const next of info.imports) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return { routeId, url: urlOf(chain), files: [...seen], bytes, maplibre };
}

function main(): number {
  const serverBuild = fs.existsSync(SERVER_BUILD) ? fs.readFileSync(SERVER_BUILD, "utf8") : undefined;
  const manifest = readManifest(serverBuild);
  const withComponent = routesWithComponent(serverBuild);
  // With lazy route discovery <Scripts> inlines the matched routes instead of loading the manifest.
  const loadsManifest = serverBuild ? !/v3_lazyRouteDiscovery: (?:!0|true)/.test(serverBuild) : false;

  const routes = Object.values(manifest.routes);
  const hasIndexChild = new Set(routes.filter((route) => route.index && route.parentId).map((route) => route.parentId));
  const pages = routes
    .filter((route) => !hasIndexChild.has(route.id))
    .filter((route) => route.index || route.path !== undefined) // a pathless layout is never the page
    .filter((route) => !withComponent || withComponent.has(route.id))
    .map((route) => pageOf(manifest, route.id, loadsManifest))
    .sort((a, b) => b.bytes - a.bytes || a.url.localeCompare(b.url));

  const kib = (bytes: number) => (bytes / 1024).toFixed(1);
  const over = pages.filter((page) => !page.maplibre && page.bytes > BUDGET_KIB * 1024);
  const lines = [
    `JavaScript per page (build ${manifest.version}; entry + matched routes + static imports, Brotli as sent, files under 1 KiB plain; budget ≤ ${BUDGET_KIB} KiB without a map)`,
    "",
    ["KiB".padStart(7), "files".padStart(5), "".padEnd(4), "page".padEnd(48), "route"].join(" "),
  ];
  for (const page of pages) {
    const mark = page.maplibre ? "map" : page.bytes > BUDGET_KIB * 1024 ? "OVER" : "ok";
    lines.push(
      [
        kib(page.bytes).padStart(7),
        String(page.files.length).padStart(5),
        mark.padEnd(4),
        page.url.padEnd(48),
        page.routeId,
      ].join(" "),
    );
  }
  if (!withComponent) lines.push("\n(build/index.js could not be read: resource routes are listed as pages too)");
  lines.push(
    "",
    over.length === 0
      ? `Every page without a map is within ${BUDGET_KIB} KiB (largest: ${kib(Math.max(0, ...pages.filter((page) => !page.maplibre).map((page) => page.bytes)))} KiB).`
      : `${over.length} page(s) without a map over ${BUDGET_KIB} KiB: ${over.map((page) => page.url).join(", ")}`,
  );
  console.log(lines.join("\n"));
  return over.length === 0 ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
}
