// Opens the one database handle of this process: embedded PGlite by default, or a PostgreSQL
// server through postgres.js when DATABASE_URL is set.
//
// README, Decision 1: Embedded PGlite by default, PostgreSQL by `DATABASE_URL`, one migrations
// folder. The service must run anywhere with no set-up, and production must run on a real server.
// Both speak the same SQL, so the same drizzle-kit migrations apply to both, from code at start-up
// (drizzle-kit's own migrator cannot load PGlite). PGlite is PostgreSQL 18 and accepts things 15
// does not, so CI runs the whole suite on the PostgreSQL 15 server too. PGlite does not lock its
// directory, so `db/lock.ts` writes a lock file holding the owner's process id; a second process
// refuses to start, and a lock left by a dead process is taken over.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations, Logger } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { acquireDirectoryLock, type DirectoryLock } from "./lock";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction on it: what a query helper needs. */
export type Queryable = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  driver: "pglite" | "postgres";
  /** Where it lives: the PGlite directory or the server URL without its password. */
  location: string;
  /** The server URL (postgres driver only), for opening a dedicated connection. */
  url?: string;
  close(): Promise<void>;
}

export type OpenOptions = (
  | { driver: "postgres"; url: string; maxConnections?: number }
  | { driver: "pglite"; dataDir?: string; loadDataDir?: Blob; lock?: boolean }
) & {
  /** Called with every SQL statement run (tests count queries with it). */
  onQuery?: (query: string) => void;
};

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.driver === "postgres") {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      // Without an idle timeout the pool keeps the process alive after SIGTERM.
      idle_timeout: 20,
      // Seconds to reach the server and sign in. While it is unreachable, a request waits at most this
      // long and then gets the 503 page, rather than hanging (see app/entry.server.tsx).
      connect_timeout: 4,
      // Seconds before a connection that failed tries again. The driver's default grows with every
      // failed attempt to 10-20 s, so after an outage requests queued behind it waited that long.
      backoff: (attempts: number) => Math.min(3 ** attempts / 100, 1) * (0.5 + Math.random() / 2),
      onnotice: () => {},
    });
    const db = drizzlePostgres(client, {
      schema,
      casing: "snake_case",
      logger: queryLogger(options),
    }) as unknown as Database;
    return {
      db,
      driver: "postgres",
      location: redactUrl(options.url),
      url: options.url,
      close: () => client.end({ timeout: 5 }),
    };
  }

  let lock: DirectoryLock | undefined;
  let pgDir: string | undefined;
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    if (options.lock !== false) lock = acquireDirectoryLock(options.dataDir, "pglite.lock");
    pgDir = path.join(options.dataDir, "pglite");
  }
  try {
    const client = await PGlite.create({ dataDir: pgDir, loadDataDir: options.loadDataDir });
    const db = drizzlePglite(client, {
      schema,
      casing: "snake_case",
      logger: queryLogger(options),
    }) as unknown as Database;
    return {
      db,
      driver: "pglite",
      location: pgDir ?? "memory",
      close: async () => {
        await client.close();
        lock?.release();
      },
      ...({ pglite: client } as object),
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

function queryLogger(options: OpenOptions): Logger | undefined {
  const onQuery = options.onQuery;
  return onQuery ? { logQuery: (query) => onQuery(query) } : undefined;
}

/** The PGlite instance behind a handle, for dumping a data directory (tests only). */
export function pgliteOf(handle: DatabaseHandle): PGlite | undefined {
  return (handle as DatabaseHandle & { pglite?: PGlite }).pglite;
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://(unparseable URL)";
  }
}

// One handle per process. It lives on globalThis because the server entry (run by tsx) and the
// Remix server bundle each load their own copy of this module and must share the handle.
const slot = globalThis as typeof globalThis & { __appDatabase?: DatabaseHandle };

export function setDatabase(handle: DatabaseHandle | undefined): void {
  slot.__appDatabase = handle;
}

export function getDatabaseHandle(): DatabaseHandle {
  const handle = slot.__appDatabase;
  if (!handle) throw new Error("The database is not open: start the app with `npm start`.");
  return handle;
}

export function getDb(): Database {
  return getDatabaseHandle().db;
}
