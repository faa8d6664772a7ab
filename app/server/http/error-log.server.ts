// What the server logs about an error, and whether it means the database cannot be reached.
//
// Each server error is one line of JSON: the request id, the route (the URL's path, never its query
// string), the error's class and, for a database error, the PostgreSQL or driver error code. An
// error's message is never logged: drizzle's DrizzleQueryError puts the SQL parameters in its message
// (once a complainant's name and email address), and other messages can quote form values. The stack
// frames of an error that is not a database outage are logged without the message lines above them.
import { DrizzleQueryError } from "drizzle-orm";
import { REQUEST_ID_HEADER } from "./request.server";

/** Driver and network codes for "the database server cannot be reached or has gone away". */
const UNREACHABLE_CODES = new Set([
  // postgres.js
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  // Node sockets and name resolution
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down),
  // too_many_connections
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

/** SQLSTATE class 08: connection exceptions. */
const CONNECTION_EXCEPTION_CLASS = "08";

/** A code is logged only if it looks like one: SQLSTATE, a driver code or a Node error code. */
const LOGGABLE_CODE = /^[A-Z0-9_]{2,40}$/;

/** How far down a chain of `cause`s to look: far enough for drizzle's wrapping, never a loop. */
const MAX_CAUSES = 5;

function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = error;
  while (current !== undefined && current !== null && chain.length < MAX_CAUSES && !chain.includes(current)) {
    chain.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return chain;
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && LOGGABLE_CODE.test(code) ? code : undefined;
}

function classOf(error: unknown): string {
  if (error instanceof Error) return error.constructor?.name || error.name || "Error";
  if (error === null) return "null";
  return typeof error === "object" ? (error.constructor?.name ?? "Object") : typeof error;
}

function isUnreachableCode(code: string): boolean {
  return UNREACHABLE_CODES.has(code) || (code.length === 5 && code.startsWith(CONNECTION_EXCEPTION_CLASS));
}

/** A PostgreSQL error as the drivers report it: a five-character SQLSTATE and a severity. */
function isPostgresError(error: unknown): boolean {
  const code = codeOf(error);
  return (
    code !== undefined && /^[0-9A-Z]{5}$/.test(code) && typeof (error as { severity?: unknown }).severity === "string"
  );
}

function isDatabaseLayerError(error: unknown): boolean {
  if (error instanceof DrizzleQueryError || classOf(error) === "DrizzleQueryError") return true;
  if (isPostgresError(error)) return true;
  const code = codeOf(error);
  return code !== undefined && isUnreachableCode(code);
}

/** True when the error, or one it wraps, says the database server cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return errorChain(error).some((link) => {
    const code = codeOf(link);
    return code !== undefined && isUnreachableCode(code);
  });
}

/** True when the error came from the database or its driver (including drizzle's wrapper). */
export function isDatabaseError(error: unknown): boolean {
  return errorChain(error).some(isDatabaseLayerError);
}

/** The PostgreSQL or driver code of a database error: the innermost one in the chain that has one. */
export function databaseErrorCode(error: unknown): string | undefined {
  const codes = errorChain(error)
    .filter(isDatabaseLayerError)
    .map(codeOf)
    .filter((code): code is string => code !== undefined);
  return codes.at(-1);
}

/** The "at …" lines of a stack, without the message lines (which may span several) above them. */
export function stackFrames(error: unknown, limit = 12): string[] {
  if (!(error instanceof Error) || typeof error.stack !== "string") return [];
  return error.stack
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("at "))
    .slice(0, limit);
}

export interface ServerErrorRecord {
  level: "error";
  event: "server_error";
  time: string;
  requestId: string;
  method: string;
  /** The URL's path only: a query string can hold search terms and tokens. */
  route: string;
  /** The error's class, then those of the errors it wraps: ["DrizzleQueryError", "PostgresError"]. */
  errorClass: string[];
  /** For database errors: the SQLSTATE (23505, 57P01) or the driver's code (CONNECTION_CLOSED). */
  code?: string;
  databaseUnavailable: boolean;
  /** Stack frames, for errors other than a database outage (whose frames are all the driver's). */
  frames?: string[];
}

function pathnameOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "(unparseable URL)";
  }
}

/** The record logged for an error raised while serving `request`. Never holds an error message. */
export function describeServerError(error: unknown, request: Request, now: Date = new Date()): ServerErrorRecord {
  const databaseUnavailable = isDatabaseUnavailable(error);
  const record: ServerErrorRecord = {
    level: "error",
    event: "server_error",
    time: now.toISOString(),
    requestId: request.headers.get(REQUEST_ID_HEADER) ?? "none",
    method: request.method,
    route: pathnameOf(request.url),
    errorClass: errorChain(error).map(classOf),
    databaseUnavailable,
  };
  if (isDatabaseError(error)) {
    const code = databaseErrorCode(error);
    if (code) record.code = code;
  }
  if (!databaseUnavailable) record.frames = stackFrames(error);
  return record;
}

/** The record as one line: JSON escapes any line break a frame might hold. */
export function formatServerError(record: ServerErrorRecord): string {
  return JSON.stringify(record);
}

/** Logs one line for an error raised while serving `request`; returns what it logged. */
export function logServerError(
  error: unknown,
  request: Request,
  write: (line: string) => void = (line) => console.error(line),
): ServerErrorRecord {
  const record = describeServerError(error, request);
  write(formatServerError(record));
  return record;
}
