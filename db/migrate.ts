// Applies the committed migrations from code, on either driver, at start-up and in tests.
import { fileURLToPath } from "node:url";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { DatabaseHandle } from "./client";
import { writeMissingTimelines } from "./timeline-backfill";

export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

// Arbitrary constant: several app instances starting together migrate one at a time.
const MIGRATION_LOCK_KEY = 7_318_204_611;

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  await applyMigrations(handle);
  // Records made before the timeline existed get their events once (a no-op afterwards).
  await writeMissingTimelines(handle.db);
}

async function applyMigrations(handle: DatabaseHandle): Promise<void> {
  if (handle.driver === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  if (!handle.url) throw new Error("A postgres handle has no URL to migrate with.");
  // An advisory lock belongs to one connection, so migrate on a dedicated one.
  const client = postgres(handle.url, { max: 1, idle_timeout: 5, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzle(client), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
