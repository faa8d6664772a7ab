// Requests to a running server as an attacker would send them: raw bodies, any headers, no browser.
import http from "node:http";
import { DEMO_PASSWORD } from "./support";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Milliseconds from sending to the last byte. */
  took: number;
}

/**
 * Sends one request with node:http (fetch would refuse some of what an attacker sends, such as a
 * body of the wrong length). `body` may be a string, bytes, or a generator of chunks (sent chunked).
 */
export function rawRequest(
  baseUrl: string,
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer | (() => Iterable<Buffer>);
    timeoutMs?: number;
  } = {},
): Promise<RawResponse> {
  const url = new URL(path, baseUrl);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: options.method ?? "GET", headers: options.headers, timeout: options.timeoutMs ?? 30_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            took: performance.now() - started,
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`No answer from ${path} in time`)));
    // The server may answer and close before reading all of a refused body: that is the point.
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    const body = options.body;
    if (typeof body === "function") {
      void (async () => {
        for (const chunk of body()) {
          if (request.destroyed) return;
          if (!request.write(chunk)) await new Promise((next) => request.once("drain", next));
        }
        request.end();
      })();
    } else {
      request.end(body);
    }
  });
}

/** Posts a urlencoded form with this server's own Origin. */
export function postForm(
  baseUrl: string,
  path: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return rawRequest(baseUrl, path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl, ...headers },
    body,
  });
}

/** Signs in with a demo account and returns the session cookie. */
export async function signInCookie(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await postForm(baseUrl, "/sign-in", new URLSearchParams({ email, password }).toString());
  const cookie = [response.headers["set-cookie"] ?? []].flat()[0];
  if (response.status !== 302 || !cookie) throw new Error(`Could not sign in as ${email}: ${response.status}`);
  return cookie.split(";")[0] ?? "";
}

/** The resident memory of a process, in bytes (Linux). */
export async function residentBytes(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kilobytes = Number(status.match(/VmRSS:\s+(\d+) kB/)?.[1] ?? 0);
  return kilobytes * 1024;
}
