// The server's error log: one line per error, with the request id and route, and never a database
// error's message, its parameters or anything typed into a form.
import { DrizzleQueryError } from "drizzle-orm";
import { PostgresError } from "postgres";
import { describe, expect, it } from "vitest";
import {
  databaseErrorCode,
  describeServerError,
  isDatabaseUnavailable,
  logServerError,
  stackFrames,
} from "~/server/http/error-log.server";
import { REQUEST_ID_HEADER } from "~/server/http/request.server";

const COMPLAINANT_NAME = "Jane Complainant";
const COMPLAINANT_EMAIL = "jane.complainant@example.com";

function request(path: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  headers.set(REQUEST_ID_HEADER, "req-1234");
  return new Request(`http://localhost${path}`, { ...init, headers });
}

/** What postgres.js rejects with when the server refuses a row (a PostgresError with a SQLSTATE). */
function uniqueViolation(): Error {
  return new PostgresError({
    message: `duplicate key value violates unique constraint "complaints_email_key": ${COMPLAINANT_EMAIL}`,
    severity: "ERROR",
    code: "23505",
    detail: `Key (email)=(${COMPLAINANT_EMAIL}) already exists.`,
  } as never);
}

/** What postgres.js rejects with when the connection is lost (a plain Error with a code). */
function connectionClosed(): Error {
  return Object.assign(new Error("write CONNECTION_CLOSED 127.0.0.1:5432"), {
    code: "CONNECTION_CLOSED",
    errno: "CONNECTION_CLOSED",
    address: "127.0.0.1",
    port: 5432,
  });
}

function logged(error: unknown, req: Request): string {
  const lines: string[] = [];
  logServerError(error, req, (line) => lines.push(line));
  expect(lines).toHaveLength(1);
  return lines[0] ?? "";
}

describe("logServerError", () => {
  it("never logs a complainant's name or email from a failed query's parameters", () => {
    const error = new DrizzleQueryError(
      'insert into "complaints" ("name", "email") values ($1, $2)',
      [COMPLAINANT_NAME, COMPLAINANT_EMAIL],
      uniqueViolation(),
    );
    // The message drizzle builds holds them: the log must not.
    expect(error.message).toContain(COMPLAINANT_EMAIL);
    const line = logged(
      error,
      request("/c/epping/complaints/new?name=Jane", { method: "POST", body: `email=${COMPLAINANT_EMAIL}` }),
    );

    expect(line).not.toContain(COMPLAINANT_NAME);
    expect(line).not.toContain(COMPLAINANT_EMAIL);
    expect(line).not.toContain("Jane");
    expect(line).not.toContain("insert into");
    expect(line).not.toContain("duplicate key");
    const record = JSON.parse(line);
    expect(record).toMatchObject({
      requestId: "req-1234",
      method: "POST",
      route: "/c/epping/complaints/new",
      errorClass: ["DrizzleQueryError", "PostgresError"],
      code: "23505",
      databaseUnavailable: false,
    });
  });

  it("writes exactly one line, even when the message spans several", () => {
    const error = new DrizzleQueryError("select 1\nfrom somewhere", ["a\nb"], connectionClosed());
    const line = logged(error, request("/c/epping/sites"));
    expect(line).not.toContain("\n");
  });

  it("logs a driver's code for a lost connection, and no stack frames", () => {
    const record = describeServerError(
      new DrizzleQueryError("select 1", [], connectionClosed()),
      request("/c/epping/sites"),
    );
    expect(record.code).toBe("CONNECTION_CLOSED");
    expect(record.databaseUnavailable).toBe(true);
    expect(record.frames).toBeUndefined();
  });

  it("logs the stack frames of an error from the code, without its message", () => {
    function failingLoader(): never {
      throw new TypeError(`Cannot read properties of undefined (reading '${COMPLAINANT_EMAIL}')`);
    }
    let thrown: unknown;
    try {
      failingLoader();
    } catch (error) {
      thrown = error;
    }
    const line = logged(thrown, request("/c/epping/sites/EF-SITE-0001?q=secret"));
    const record = JSON.parse(line);
    expect(record.errorClass).toEqual(["TypeError"]);
    expect(record.code).toBeUndefined();
    expect(record.route).toBe("/c/epping/sites/EF-SITE-0001");
    expect(record.frames[0]).toMatch(/^at failingLoader /);
    expect(line).not.toContain(COMPLAINANT_EMAIL);
    expect(line).not.toContain("secret");
    expect(line).not.toContain("Cannot read");
  });

  it("says so when the request had no id", () => {
    const record = describeServerError(new Error("x"), new Request("http://localhost/"));
    expect(record.requestId).toBe("none");
  });
});

describe("stackFrames", () => {
  it("drops every message line, however many there are", () => {
    const error = new Error("Failed query: select 1\nparams: Jane,jane@example.com");
    expect(error.stack).toContain("params: Jane");
    const frames = stackFrames(error);
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.every((frame) => frame.startsWith("at "))).toBe(true);
    expect(frames.join("\n")).not.toContain("Jane");
  });
});

describe("isDatabaseUnavailable", () => {
  const withCode = (code: string) => Object.assign(new Error("m"), { code });

  it.each([
    "CONNECTION_CLOSED",
    "CONNECTION_ENDED",
    "CONNECTION_DESTROYED",
    "CONNECT_TIMEOUT",
    "ECONNREFUSED",
    "ECONNRESET",
    "57P01",
    "57P03",
    "08006",
  ])("is true for %s, bare or as drizzle's cause", (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true);
    expect(isDatabaseUnavailable(new DrizzleQueryError("select 1", [], withCode(code)))).toBe(true);
  });

  it("is false for a refused row, a bug, or something that is not an error", () => {
    expect(isDatabaseUnavailable(new DrizzleQueryError("insert", [], uniqueViolation()))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x"))).toBe(false);
    expect(isDatabaseUnavailable(new Response("Not found", { status: 404 }))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it("stops at a cycle of causes", () => {
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe("databaseErrorCode", () => {
  it("is the innermost code a database error carries", () => {
    expect(databaseErrorCode(new DrizzleQueryError("insert", [], uniqueViolation()))).toBe("23505");
  });

  it("is undefined for an error from the code", () => {
    expect(databaseErrorCode(Object.assign(new Error("x"), { code: "ERR_INVALID_ARG_TYPE" }))).toBeUndefined();
  });
});
