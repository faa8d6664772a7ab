// Column helpers shared by every table: ids, the tenant column, timestamps and the edit version.
//
// Editable rows carry a `version` for optimistic locking (README, Decision 10; the check, the save
// and the audit entry are app/server/council/versioned-update.server.ts).
import { integer, timestamp, uuid } from "drizzle-orm/pg-core";

export const id = () => uuid("id").primaryKey().defaultRandom();

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** Incremented on every update; an update that names a stale version is refused. */
export const version = () => integer("version").notNull().default(1);
