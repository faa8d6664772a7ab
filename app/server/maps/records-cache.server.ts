// Responses built from a council's records (the map's GeoJSON), kept in memory and reused until the
// council's records change. The database counts every change to a council's records in
// council_record_versions (by triggers: migrations/0014), so an entry is keyed on that count and is
// never older than the records, on one app server or many. Each entry keeps its Brotli and gzip
// copies once made, so a reused response costs one small query and no compression.
//
// README, Decision 37: The map's GeoJSON is built once per app build, version, role, day and
// filter, kept in memory (lru-cache, 64 MB per server) and reused; its ETag (one per encoding) is
// known before any body is built. The version is read before the body is built, so a body is never
// filed under a later version than its data. Several app servers each keep their own copies and all
// read the same version.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { eq } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { councilRecordVersions } from "~db/schema";
import { type TenantScope, withTenant } from "../access/tenancy.server";
import { recordsKey } from "../council/records-data.server";
import { etagMatches } from "../http/http-cache.server";

/** Memory for reused responses, per app server (bodies and their compressed copies). */
const MAX_BYTES = 64 * 1024 * 1024;

type Encoding = "br" | "gzip";

/** Bytes a Response takes (a copy in an ArrayBuffer of its own, made once per entry). */
type Bytes = Uint8Array<ArrayBuffer>;

interface Entry {
  body: Bytes;
  encoded: Partial<Record<Encoding, Promise<Bytes>>>;
}

const entries = new LRUCache<string, Entry, () => Promise<string>>({
  maxSize: MAX_BYTES,
  // The body and room for its two compressed copies (together well under its own size).
  sizeCalculation: (entry) => Math.max(1, entry.body.byteLength * 2),
  // Requests that miss at the same moment share one build.
  fetchMethod: async (_key, _stale, { context }) => ({
    body: new Uint8Array(Buffer.from(await context())),
    encoded: {},
  }),
});

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** How many times this council's records have changed (0 before the first change). */
export async function councilRecordsVersion(scope: TenantScope): Promise<number> {
  const [row] = await withTenant(scope, (tx) =>
    tx
      .select({ version: councilRecordVersions.version })
      .from(councilRecordVersions)
      .where(eq(councilRecordVersions.tenantId, scope.tenantId)),
  );
  return row?.version ?? 0;
}

export interface RecordsResponseOptions {
  /** What is built, e.g. "sites.geojson"; with `variant`, it names the response within the council. */
  name: string;
  /** Everything else the body depends on besides the council, the role and the day (filters, date, audience). */
  variant: string;
  /** The app build's version (the load context's `buildVersion`): a new build may shape bodies differently. */
  buildVersion: string | undefined;
  contentType: string;
  /** Headers besides the type, e.g. a download's Content-Disposition and Cache-Control. */
  headers?: Record<string, string>;
  /** Builds the body from the records; called only when no reusable copy exists. */
  build(): Promise<string>;
}

/**
 * The response for a council's records: 304 when the browser's copy is current, else the body,
 * built or reused, compressed as the browser accepts. Private to the signed-in member (Vary: Cookie).
 */
export async function recordsResponse(
  request: Request,
  scope: TenantScope,
  options: RecordsResponseOptions,
): Promise<Response> {
  // The version, read by the guard at the start of the request, is older than the body: a body is
  // never filed under a later version than the records it was built from (it may be newer than its
  // version, never older).
  const key = `${options.buildVersion ?? "unbuilt"}\n${recordsKey(scope, options.name, options.variant)}`;
  const encoding = preferredEncoding(request.headers.get("Accept-Encoding"));
  // One tag per encoding: the Brotli, gzip and plain bodies are different representations.
  const tag = createHash("sha256").update(key).digest("base64url").slice(0, 27);
  const etag = `"${tag}${encoding ? `-${encoding}` : ""}"`;
  const headers: Record<string, string> = {
    ETag: etag,
    "Cache-Control": "private, no-cache",
    Vary: "Cookie, Accept-Encoding",
    ...options.headers,
  };
  if (etagMatches(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers });

  const entry = await entries.fetch(key, { context: options.build });
  if (!entry) throw new Error(`Could not build ${options.name}.`);
  headers["Content-Type"] = options.contentType;
  if (!encoding) return new Response(entry.body, { headers });
  entry.encoded[encoding] ??= (encoding === "br" ? brotliCopy(entry.body) : gzip(entry.body)).then(
    (compressed) => new Uint8Array(compressed),
  );
  headers["Content-Encoding"] = encoding;
  return new Response(await entry.encoded[encoding], { headers });
}

/** Brotli at a middling quality: close to the best size for JSON at a fraction of the time. */
function brotliCopy(body: Bytes): Promise<Buffer> {
  return brotli(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  });
}

/** Brotli if the browser takes it, else gzip, else none (a coding with q=0 is refused). */
function preferredEncoding(acceptEncoding: string | null): Encoding | null {
  const accepted = new Set(
    (acceptEncoding ?? "")
      .split(",")
      .map((part) => part.trim().toLowerCase().split(";"))
      .filter(([, ...parameters]) => !parameters.some((parameter) => /^\s*q=0(\.0*)?\s*$/.test(parameter)))
      .map(([coding]) => coding?.trim()),
  );
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip") || accepted.has("*")) return "gzip";
  return null;
}
