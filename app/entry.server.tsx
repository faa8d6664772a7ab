// Server rendering: streams the page, with the request's CSP nonce on every inline script; and the
// one place server errors are logged and a database outage becomes a 503 page.
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable, redirectDocument } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./components/nonce";
import { SERVICE_UNAVAILABLE } from "./lib/service";
import { isDatabaseUnavailable, logServerError } from "./server/http/error-log.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce?: string;
    /** The app build's version (Remix's assets version), for caches whose bodies the code shapes. */
    buildVersion?: string;
  }
}

const ABORT_DELAY = 5000;
export const streamTimeout = ABORT_DELAY;

/**
 * Requests during which a loader or action failed because the database could not be reached. Remix
 * calls handleError with the raw error before it sanitises it (in production the ErrorBoundary and
 * handleRequest only see "Unexpected Server Error"), so handleError marks the request here.
 */
const databaseUnavailableDuring = new WeakSet<Request>();

/** Logs each server error once, as one line without its message (see error-log.server.ts). */
export const handleError: HandleErrorFunction = (thrown, { request }) => {
  if (request.signal.aborted) return;
  // A thrown Response is an answer, not a failure (our own 503 below comes back through here).
  if (thrown instanceof Response) return;
  let error = thrown;
  if (isRouteErrorResponse(thrown)) {
    // Remix's own 4xx (no route matches, no action) are the client's; a 5xx may wrap the real error.
    const wrapped = (thrown as { error?: unknown }).error;
    if (thrown.status < 500 || wrapped === undefined) return;
    error = wrapped;
  }
  logServerError(error, request);
  if (isDatabaseUnavailable(error)) databaseUnavailableDuring.add(request);
};

/**
 * A client-side navigation or form submission (a single-fetch `.data` request) that met a database
 * outage is sent to load the page as a document, which shows the 503 page until the database is back.
 */
export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  if (!databaseUnavailableDuring.has(request)) return response;
  const url = new URL(request.url);
  url.searchParams.delete("_routes");
  const pathname = url.pathname === "/_root.data" ? "/" : url.pathname.replace(/\.data$/, "");
  // One leading slash: "//host/…" would send the browser to another site.
  return redirectDocument(`/${pathname.replace(/^\/+/, "")}${url.search}`, {
    headers: { "Cache-Control": "no-store" },
  });
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  if (databaseUnavailableDuring.has(request) && responseStatusCode !== 503) {
    // Remix renders a thrown Response again at the root ErrorBoundary, as an ErrorResponse that the
    // page and its hydration data agree on, with the Response's status (this function runs again).
    throw new Response(SERVICE_UNAVAILABLE, { status: 503, statusText: "Service Unavailable" });
  }
  if (responseStatusCode === 503) {
    responseHeaders.set("Retry-After", "60");
    responseHeaders.set("Cache-Control", "no-store");
  }
  const nonce = loadContext.cspNonce ?? "";
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged here; before it, onShellError rejects.
          if (shellRendered) handleError(error, { request, params: {}, context: loadContext });
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
