// The edge of the app: what every request passes before any route runs. It refuses what no page
// of ours sends (a form from another origin, a body over its route's limit, control characters in
// the address, Remix's retired `?_data=`), builds the request the routes see (its address from
// PUBLIC_ORIGIN, never from a client's X-Forwarded-Host), and sets the one caching rule. Refusals
// are rendered by the app itself (the root loader throws them), so they look like every other page.
//
// README, Decision 6: CSRF: the Origin header, checked at the edge and in the guard. Every
// state-changing request must come from this site's origin (`Origin`, or `Referer` when a browser
// omits it), compared in scheme, host and port with `PUBLIC_ORIGIN` (or, when unset in development,
// the request's own); one with neither is refused. The edge refuses before any route runs, with the
// app's 403 page (Remix's own check compares hosts only and answers with a 500); the route guard
// checks the same again. SameSite=Lax cookies are the third layer.
//
// README, Decision 40: This replaces @remix-run/express's handler. Before static files it refuses
// addresses with control characters or malformed escapes and Remix v2's old `?_data=` requests;
// before any route it refuses forms from another origin and bodies over the route's limit (1 MB, or
// the route's own handle.bodyLimit; counted while read when there is no Content-Length). To render
// a refusal as the app's own page, the edge renders a page with no loader of its own and the root
// loader throws the refusal, so it has the header, the footer and the right status. In development
// (PUBLIC_ORIGIN unset) the routes' address comes from the Host header. A response without its own
// Cache-Control gets `private, no-store`.
//
// Threats and where each is defended (the README sends readers here):
// - A crafted form that makes the parser build a huge array (`email[999999999]=1`) or recurse
//   50,000 levels: Only the form's own field names (from its zod schemas), list indexes up to 49
//   and no extra nesting reach a parser; anything else is a 400 page (Decision 39)
//   (`app/server/http/form-input.server.ts`).
// - Large bodies that fill memory: 1 MB per route, checked before and while reading (413); upload
//   routes declare their own `handle.bodyLimit` (documents 26 MB, boundaries 3 MB)
//   (`app/server/http/edge.server.ts`, `app/lib/body-limits.ts`).
// - Forms posted from another site (CSRF): Origin (or Referer) must equal `PUBLIC_ORIGIN`, at the
//   edge and in the guard; SameSite=Lax cookies (Decision 6) (`edge.server.ts`, `auth.server.ts`).
// - Control characters (a NUL crashed queries and put a complainant's details in the log): Refused
//   in addresses (400) and in form answers (a message on the field); tab and line breaks are fine
//   (`edge.server.ts`, `form-input.server.ts`).
// - Redirect to another site after sign-in: The target is resolved as a browser would against this
//   site and kept only if it stays here (`app/lib/safe-redirect.ts`).
// - A link that makes a member export privileged material: Chronologies are produced only by a POST
//   from our own form (Decision 26) (`timeline-pages.server.ts`).
// - Cached personal data: Every response without its own header is `private, no-store`; map data is
//   `private, no-cache` with an ETag (`edge.server.ts`).
// - A client choosing its own address (to dodge throttling or forge the audit log):
//   `X-Forwarded-For` is read only `TRUST_PROXY` hops from the right (`http.server.ts`).
// - Password guessing in parallel, and locking someone else out: Attempts are reserved under
//   database locks before the password check; an account's limit holds only failing addresses
//   (Decision 7) (`sign-in-throttle.server.ts`).
// - A zip bomb dressed as a Word or Excel file: The zip's index is read first and at most 1 MiB of
//   one entry inflated (Decision 27) (`zip-inspection.server.ts`).
// - Personal data in the server log: One JSON line per error (request id, path without query, error
//   class, database code), never a message, which may carry submitted values
//   (`error-log.server.ts`, `entry.server.tsx`).
// - The database restarting under load: A patched driver rejects a dropped connection's queries and
//   reconnects; meanwhile a 503 page (`Retry-After: 60`), pages again about a second after recovery
//   (`db/patches/`, `db/client.ts`, `entry.server.tsx`).
import { Transform } from "node:stream";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  type ServerBuild,
  writeReadableStreamToWritable,
} from "@remix-run/node";
import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction } from "express";
import { type BodyLimitHandle, DEFAULT_BODY_LIMIT } from "~/lib/body-limits";

/** A refusal made before any route ran, for the root loader to throw as a page. */
export interface EdgeRefusal {
  status: 400 | 403 | 413;
  message: string;
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Set when the edge refused the request: the root loader throws it as the page. */
    edgeRefusal?: EdgeRefusal;
  }
}

export const REFUSALS = {
  crossOrigin: {
    status: 403,
    message: "This form was sent from another site, so it was not accepted. Go back to the page and try again.",
  },
  tooLarge: (limit: number): EdgeRefusal => ({
    status: 413,
    message: `What was sent is larger than this page accepts (${formatBytes(limit)}), so nothing was saved. Go back to the page and try again.`,
  }),
  badAddress: {
    status: 400,
    message: "The web address has characters in it that no page of this service uses. Check the address and try again.",
  },
} satisfies Record<string, EdgeRefusal | ((limit: number) => EdgeRefusal)>;

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

// C0 and C1 control characters and DEL: never part of a slug, a reference or a search.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** True when the path or query, once decoded, holds a control character (or cannot be decoded). */
export function addressHasControlCharacters(originalUrl: string): boolean {
  const [pathname = "", query = ""] = originalUrl.split("?", 2);
  try {
    if (CONTROL_CHARACTERS.test(decodeURIComponent(pathname))) return true;
    for (const [name, value] of new URLSearchParams(query)) {
      if (CONTROL_CHARACTERS.test(name) || CONTROL_CHARACTERS.test(value)) return true;
    }
    return false;
  } catch {
    return true;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The origin a form came from (Origin, else Referer), or null when it says none. The edge and the
 * route guard (auth.server.ts) both ask this, so they cannot disagree on what a form's origin is.
 */
export function formSourceOrigin(origin: string | null | undefined, referer: string | null | undefined): string | null {
  const source = origin ?? referer;
  if (!source || source === "null") return null;
  try {
    return new URL(source).origin;
  } catch {
    return null;
  }
}

/** The origin people use: PUBLIC_ORIGIN, or (unset, in development and tests) the request's own. */
export function expectedOrigin(req: ExpressRequest, publicOrigin: string | undefined): string {
  if (publicOrigin) return publicOrigin;
  return `${req.protocol}://${req.get("host") ?? "localhost"}`;
}

/** Route patterns with their own body limits, from the build's route modules. */
function bodyLimitsOf(build: ServerBuild): Array<{ pattern: RegExp; limit: number }> {
  const fullPath = (id: string): string => {
    const route = build.routes[id];
    if (!route) return "";
    const parent = route.parentId ? fullPath(route.parentId) : "";
    return route.path ? `${parent}/${route.path}` : parent;
  };
  const limits: Array<{ pattern: RegExp; limit: number }> = [];
  for (const [id, route] of Object.entries(build.routes)) {
    const limit = (route.module.handle as BodyLimitHandle | undefined)?.bodyLimit;
    if (typeof limit !== "number") continue;
    const segments = fullPath(id)
      .split("/")
      .filter(Boolean)
      .map((segment) =>
        segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, (character) => `\\${character}`),
      );
    limits.push({ pattern: new RegExp(`^/${segments.join("/")}/?$`), limit });
  }
  return limits;
}

/** Counts a body's bytes as a route reads it, and stops it past the limit. */
function limitedBody(req: ExpressRequest, limit: number, exceeded: { value: boolean }) {
  let seen = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.byteLength;
      if (seen > limit) {
        exceeded.value = true;
        done(new Error("The request body is larger than its route accepts"));
        req.unpipe(meter);
        return;
      }
      done(null, chunk);
    },
  });
  req.pipe(meter);
  return createReadableStreamFromReadable(meter);
}

function headersOf(req: ExpressRequest, host: string): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === "host" || name === "x-forwarded-host") continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  // Remix compares a form's Origin with this host; the origin check below has already decided.
  headers.set("host", host);
  return headers;
}

export interface EdgeOptions {
  build: ServerBuild;
  mode: string;
  publicOrigin: string | undefined;
  /** The context every request's loaders get, besides a refusal. */
  loadContext: (req: ExpressRequest, res: ExpressResponse) => Record<string, unknown>;
}

/**
 * The edge as two Express handlers: `screen` goes before the static files (an address no page
 * uses never reaches them), `handle` is the Remix request handler (replacing @remix-run/express's)
 * with the checks that concern forms.
 */
export function createEdge({ build, mode, publicOrigin, loadContext }: EdgeOptions) {
  const handleRequest = createRequestHandler(build, mode);
  const routeLimits = bodyLimitsOf(build);
  const bodyLimitFor = (pathname: string) =>
    routeLimits.find((route) => route.pattern.test(pathname))?.limit ?? DEFAULT_BODY_LIMIT;

  function begin(req: ExpressRequest, res: ExpressResponse) {
    const origin = expectedOrigin(req, publicOrigin);
    const url = new URL(`${origin}${req.originalUrl.startsWith("/") ? req.originalUrl : "/"}`);
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const context = loadContext(req, res);
    /** The app's page for a refusal: the root loader throws it (see root.tsx). */
    const refuse = async (refusal: EdgeRefusal) => {
      // Never read what was sent with a refused request; close the connection after answering.
      res.setHeader("Connection", "close");
      // A page with no loader of its own, so the root's is the only one that runs.
      const page = new Request(new URL("/accessibility", origin), {
        headers: headersOf(req, url.host),
        signal: controller.signal,
      });
      await send(res, await handleRequest(page, { ...context, edgeRefusal: refusal }));
    };
    return { origin, url, controller, context, refuse };
  }

  const screen = async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      // Malformed percent-encoding, control characters, or Remix v2's old `?_data=` requests
      // (single fetch uses `.data` addresses; no page of ours asks for one).
      if (addressHasControlCharacters(req.originalUrl) || /[?&]_data(=|&|$)/.test(req.originalUrl)) {
        await begin(req, res).refuse(REFUSALS.badAddress);
        return;
      }
      next();
    } catch (error) {
      next(error);
    }
  };

  const handle = async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const { origin, url, controller, context, refuse } = begin(req, res);
      const limit = bodyLimitFor(url.pathname);
      const declaredLength = Number(req.get("content-length") ?? 0);
      if (!SAFE_METHODS.has(req.method) && formSourceOrigin(req.get("origin"), req.get("referer")) !== origin) {
        await refuse(REFUSALS.crossOrigin);
        return;
      }
      if (declaredLength > limit) {
        await refuse(REFUSALS.tooLarge(limit));
        return;
      }
      const exceeded = { value: false };
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const request = new Request(url.href, {
        method: req.method,
        headers: headersOf(req, url.host),
        signal: controller.signal,
        ...(hasBody ? { body: limitedBody(req, limit, exceeded), duplex: "half" } : {}),
      } as RequestInit);
      const response = await handleRequest(request, context);
      // The route read past the limit and failed; it wrote nothing (readForm refuses first).
      if (exceeded.value) {
        await response.body?.cancel();
        await refuse(REFUSALS.tooLarge(limit));
        return;
      }
      await send(res, response);
    } catch (error) {
      next(error);
    }
  };

  return { screen, handle };
}

/** The caching rule, unless a route set its own: members' pages, data, files are never stored. */
export const DEFAULT_CACHE_CONTROL = "private, no-store";

async function send(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (!response.headers.has("cache-control")) res.setHeader("Cache-Control", DEFAULT_CACHE_CONTROL);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
