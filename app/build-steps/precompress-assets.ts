// Build step (the last of `npm run build`): writes a Brotli (.br) and a gzip (.gz) copy beside every
// script, stylesheet and data file under public/build and public/map, so the server sends them
// compressed without compressing them again on each request (express-static-gzip picks the copy).
//
// README, Decision 38: Static files are compressed once, at build. `npm run build` ends by writing
// `.br` and `.gz` copies of every script, stylesheet and data file of 1 KiB or more under
// `public/build` and `public/map`, and `express-static-gzip` sends the one the browser accepts.
// Pages themselves are still compressed per response (`compression`), as they differ for each
// request. The embedded database runs no autovacuum, so the server runs `ANALYZE` at start to keep
// its planner's statistics current.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
const DIRECTORIES = ["public/build", "public/map"];
const COMPRESSIBLE = new Set([".js", ".mjs", ".css", ".json", ".geojson", ".svg"]);
/** Below this a compressed copy saves less than a network packet. */
const MIN_BYTES = 1024;

function* files(directory: string): Generator<string> {
  if (!fs.existsSync(directory)) return;
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (COMPRESSIBLE.has(path.extname(entry.name))) yield full;
  }
}

let original = 0;
let brotli = 0;
let count = 0;
for (const directory of DIRECTORIES) {
  for (const file of files(path.join(root, directory))) {
    const body = fs.readFileSync(file);
    if (body.byteLength < MIN_BYTES) continue;
    const br = zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    });
    fs.writeFileSync(`${file}.br`, br);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: zlib.constants.Z_BEST_COMPRESSION }));
    original += body.byteLength;
    brotli += br.byteLength;
    count += 1;
  }
}
const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
console.log(`precompressed ${count} files: ${kib(original)} → ${kib(brotli)} with Brotli`);
