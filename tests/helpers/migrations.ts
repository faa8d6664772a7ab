// A database of its own, migrated only up to a given migration, for a test of the migration after
// it on rows that predate it: PGlite in memory, or a scratch database on the PostgreSQL server when
// DATABASE_URL is set (dropped afterwards).
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
function migrationsUpTo(lastTag: string): string {
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

async function migrateFrom(handle: DatabaseHandle, folder: string): Promise<void> {
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

export interface ScratchDatabase {
  handle: DatabaseHandle;
  /** Closes the database and drops it (on the server) or lets it go (PGlite in memory). */
  close(): Promise<void>;
}

/** A new database with the committed migrations applied up to and including `lastTag`. */
export async function databaseMigratedUpTo(lastTag: string): Promise<ScratchDatabase> {
  const url = process.env.DATABASE_URL;
  let handle: DatabaseHandle;
  let drop: (() => Promise<void>) | undefined;
  if (url) {
    const name = `app_test_migration_${randomBytes(6).toString("hex")}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const scratch = new URL(url);
    scratch.pathname = `/${name}`;
    handle = await openDatabase({ driver: "postgres", url: scratch.toString(), maxConnections: 2 });
    drop = async () => {
      const again = postgres(url, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`);
      await again.end();
    };
  } else {
    handle = await openDatabase({ driver: "pglite" });
  }
  const folder = migrationsUpTo(lastTag);
  try {
    await migrateFrom(handle, folder);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return {
    handle,
    async close() {
      await handle.close();
      await drop?.();
    },
  };
}
