// The process entry (`npm start`): checks the configuration, opens and migrates the database,
// writes the demo data into a new embedded database, then serves the Remix app with Express.
//
// README, Decision 2: A small Express server (`app/server/http.server.ts`, run by `tsx`) instead of
// `remix-serve`. `remix-serve` gives the app neither the client's address (needed to throttle
// sign-in per address) nor a place to migrate, seed and lock before listening, nor a per-request
// CSP nonce. The server sets `x-request-id` and `x-app-client-address` on each request after
// removing any sent by the client; the app reads them through `app/server/http/request.server.ts`.
// Because the server entry and the Remix bundle each load their own copy of `db/client.ts`, the
// process's one database handle lives on `globalThis`. `npm install` builds the app (a
// `postinstall` step), so `npm start` serves at once.
//
// README, Decision 38: The embedded database runs no autovacuum, so the server runs ANALYZE at
// start to keep its planner's statistics current.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import { count, sql } from "drizzle-orm";
import express from "express";
import expressStaticGzip from "express-static-gzip";
import { type DatabaseHandle, openDatabase, setDatabase } from "~db/client";
import { DirectoryLockedError } from "~db/lock";
import { migrateDatabase } from "~db/migrate";
import { councils } from "~db/schema";
import { demoAccounts, seedDemo } from "~db/seed/demo";
import { SERVICE_UNAVAILABLE } from "../lib/service";
import { ConfigurationError, DEFAULT_DEMO_PASSWORD, type Env, parseEnv } from "./env.server";
import { createEdge } from "./http/edge.server";
import { isDatabaseUnavailable, logServerError } from "./http/error-log.server";
import { CLIENT_ADDRESS_HEADER, REQUEST_ID_HEADER } from "./http/request.server";

const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

async function openConfiguredDatabase(config: Env): Promise<DatabaseHandle> {
  try {
    return await openDatabase(
      config.DATABASE_URL
        ? { driver: "postgres", url: config.DATABASE_URL }
        : { driver: "pglite", dataDir: config.DATA_DIR },
    );
  } catch (error) {
    if (error instanceof DirectoryLockedError) fail(`Cannot start: ${error.message}`);
    throw error;
  }
}

/** The embedded database gets demo data on its first start; a server only by `npm run db:seed`. */
async function seedIfNew(handle: DatabaseHandle, config: Env): Promise<void> {
  if (handle.driver !== "pglite") return;
  const [existing] = await handle.db.select({ value: count() }).from(councils);
  if ((existing?.value ?? 0) > 0) return;
  await seedDemo(handle.db, config.DEMO_PASSWORD);
  const password =
    config.DEMO_PASSWORD === DEFAULT_DEMO_PASSWORD
      ? `${config.DEMO_PASSWORD} (the demo-only default)`
      : "the value of DEMO_PASSWORD";
  console.log(`Demo data written. Sign in with any of these accounts, password: ${password}`);
  for (const account of demoAccounts()) console.log(`  ${account.email.padEnd(34)} ${account.description}`);
}

function contentSecurityPolicy(nonce: string, mapStyleOrigin: string | undefined): string {
  // The map fetches its style (and, from the same host, its tiles, sprites and glyphs) with fetch().
  const mapHost = mapStyleOrigin ? ` ${mapStyleOrigin}` : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    `img-src 'self' data: blob:${mapHost}`,
    "font-src 'self'",
    `connect-src 'self'${mapHost}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

async function main() {
  let config: Env;
  try {
    config = parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigurationError) fail(error.message);
    throw error;
  }
  process.env.NODE_ENV ??= "production";

  const handle = await openConfiguredDatabase(config);
  let server: Server | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: closing the server and the database.`);
    const forceExit = setTimeout(() => process.exit(1), 8000);
    forceExit.unref();
    await new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await handle.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));

  await migrateDatabase(handle);
  await seedIfNew(handle, config);
  // The embedded database runs no autovacuum daemon, so nothing else keeps its planner's
  // statistics current: without them a list of thousands of sites is sorted whole, not read in order.
  if (handle.driver === "pglite") await handle.db.execute(sql`analyze`);
  setDatabase(handle);

  const buildPath = path.join(root, "build/index.js");
  const build = (await import(pathToFileURL(buildPath).href).catch((error: unknown) => {
    fail(`Cannot load the app build at ${buildPath}: run \`npm run build\` first.\n${String(error)}`);
  })) as ServerBuild;

  const mapStyleOrigin = config.MAP_STYLE_URL ? new URL(config.MAP_STYLE_URL).origin : undefined;
  const ROUTE_REPLACEABLE_HEADERS = new Set(["content-security-policy", "x-content-type-options", "referrer-policy"]);
  const app = express();
  app.disable("x-powered-by");
  // A number of proxies counts from the right of X-Forwarded-For, as each proxy appends to it;
  // the left of it is whatever the client wrote (README, Security).
  if (config.TRUST_PROXY !== false) app.set("trust proxy", config.TRUST_PROXY);
  app.use(compression());
  app.use((req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    // Never trust these from the client: the app reads them to audit and to throttle.
    req.headers[REQUEST_ID_HEADER] = randomUUID();
    req.headers[CLIENT_ADDRESS_HEADER] = req.ip ?? req.socket.remoteAddress ?? "unknown";
    res.setHeader("X-Request-Id", req.headers[REQUEST_ID_HEADER]);
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, mapStyleOrigin));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    if (config.SESSION_SECURE) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    // Remix appends a route's headers; where a route sets one of these (a download's sandbox
    // policy, a feed's referrer policy) it replaces the default rather than sending both.
    const append = res.append.bind(res);
    res.append = (field: string, value?: string | string[]) =>
      ROUTE_REPLACEABLE_HEADERS.has(field.toLowerCase()) && value !== undefined
        ? res.setHeader(field, value)
        : append(field, value);
    next();
  });
  // Fingerprinted bundles can be cached for a year; other public files for an hour. Both are sent
  // from the Brotli or gzip copies the build wrote (precompress-assets.ts), never compressed per request.
  const precompressed = (directory: string, serveStatic: { immutable?: boolean; maxAge: string }) =>
    expressStaticGzip(path.join(root, directory), { enableBrotli: true, orderPreference: ["br", "gzip"], serveStatic });
  const edge = createEdge({
    build,
    mode: process.env.NODE_ENV,
    publicOrigin: config.PUBLIC_ORIGIN,
    loadContext: (_req, res) => ({ cspNonce: String(res.locals.cspNonce), buildVersion: build.assets.version }),
  });
  app.use(edge.screen);
  app.use("/build", precompressed("public/build", { immutable: true, maxAge: "1y" }));
  // Only addresses under public/'s own entries look for a file: a page's address never costs a
  // file-system lookup (the profile of a signed-in page found `stat` in its top ten).
  const publicFiles = precompressed("public", { maxAge: "1h" });
  const publicEntries = new Set(fs.readdirSync(path.join(root, "public")).filter((entry) => entry !== "build"));
  app.use((req, res, next) => {
    const first = req.path.split("/")[1] ?? "";
    if (publicEntries.has(first)) publicFiles(req, res, next);
    else next();
  });
  app.all("*", edge.handle);
  // What gets past the routes (a failure while streaming a file, say): one line without its
  // message, as handleError logs (error-log.server.ts), and a plain answer if one can still be sent.
  app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const address = new URL(req.originalUrl, "http://server.invalid");
    logServerError(
      error,
      new Request(address, { headers: { [REQUEST_ID_HEADER]: String(req.headers[REQUEST_ID_HEADER]) } }),
    );
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const unavailable = isDatabaseUnavailable(error);
    res
      .status(unavailable ? 503 : 500)
      .type("text/plain")
      .send(unavailable ? SERVICE_UNAVAILABLE : "Sorry, there is a problem with the service. Try again later.");
  });

  server = app.listen(config.PORT, config.HOST, () => {
    const address = server?.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    console.log(`Database: ${handle.driver} at ${handle.location}`);
    if (!config.SESSION_SECURE) {
      console.log("Session cookies are not marked Secure: set SESSION_SECURE=true when serving over HTTPS.");
    }
    console.log(`Listening on http://localhost:${port}`);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
