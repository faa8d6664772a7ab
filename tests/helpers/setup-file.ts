// Before each test file: a fresh database copied from the migrated image or template, made the
// process's database, and a data directory of its own for stored files; afterwards both are
// removed (the database dropped on a server). Any console.error fails the test that caused it.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { DiskStorage, setStorage } from "../../app/server/council/documents/storage.server";
import { type DatabaseHandle, openDatabase, setDatabase } from "../../db/client";

// Uploaded files go here, never into ./data; set before anything reads the configuration.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-test-data-"));
process.env.DATA_DIR = dataDir;
setStorage(new DiskStorage(path.join(dataDir, "files")));

let handle: DatabaseHandle | undefined;

/** Every statement the test file's database ran, while a recording is on (see countQueries). */
const recorded: { queries: string[] | undefined } = { queries: undefined };
const onQuery = (query: string) => recorded.queries?.push(query);
(globalThis as { __queryRecorder?: typeof recorded }).__queryRecorder = recorded;
let databaseName: string | undefined;

beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (url) {
    databaseName = `app_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${databaseName} template ${inject("templateDatabase")}`);
    await admin.end();
    const fileUrl = new URL(url);
    fileUrl.pathname = `/${databaseName}`;
    handle = await openDatabase({ driver: "postgres", url: fileUrl.toString(), maxConnections: 4, onQuery });
  } else {
    const image = fs.readFileSync(inject("pgliteImage"));
    handle = await openDatabase({ driver: "pglite", loadDataDir: new Blob([image]), onQuery });
  }
  setDatabase(handle);
});

afterAll(async () => {
  await handle?.close();
  setDatabase(undefined);
  setStorage(undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const url = process.env.DATABASE_URL;
  if (url && databaseName) {
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
    await admin.end();
  }
});

const consoleErrors: unknown[][] = [];
const originalError = console.error;
console.error = (...args: unknown[]) => {
  consoleErrors.push(args);
  originalError(...args);
};

afterEach(() => {
  if (consoleErrors.length > 0) {
    const first = consoleErrors[0]?.map(String).join(" ");
    consoleErrors.length = 0;
    throw new Error(`console.error was called during the test: ${first}`);
  }
});
