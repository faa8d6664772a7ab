// For tests of a migration on a database that already holds data: a database of its own (PGlite
// in memory, or a scratch database on the PostgreSQL server when DATABASE_URL is set), the
// committed migrations up to a given one, and raw queries' rows on either driver.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "../../db/client";
import { migrationsFolder } from "../../db/migrate";

/** The committed migrations up to and including `lastTag`, copied to a folder of their own. */
export function migrationsUpTo(lastTag: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-up-to-"));
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  if (last < 0) throw new Error(`No migration ${lastTag}`);
  journal.entries = journal.entries.slice(0, last + 1);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

/** The rows of a raw query, whichever driver ran it (PGlite answers `{ rows }`, postgres.js an array). */
export async function rowsOf<Row>(query: Promise<unknown>): Promise<Row[]> {
  const result = (await query) as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}

/** Applies the migrations in `folder` (those not applied yet). */
export async function migrateFrom(handle: DatabaseHandle, folder: string): Promise<void> {
  if (handle.driver === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: folder });
    return;
  }
  const client = postgres(handle.url ?? "", { max: 1, idle_timeout: 5, onnotice: () => {} });
  try {
    await migratePostgres(drizzle(client), { migrationsFolder: folder });
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** A database of its own, and how to be rid of it. */
export async function scratchDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await openDatabase({ driver: "pglite" });
    return { handle, drop: () => handle.close() };
  }
  const name = `app_test_migration_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  const handle = await openDatabase({ driver: "postgres", url: scratch.toString(), maxConnections: 2 });
  return {
    handle,
    drop: async () => {
      await handle.close();
      const again = postgres(url, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}
