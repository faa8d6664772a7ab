// Column helpers shared by every table: ids, the tenant column, timestamps and the edit version.
//
// README, Decision 10: Optimistic locking. Editable rows carry a `version`; an update names the
// version the form was loaded with, and a stale one is refused with a message ("Someone else
// changed this …") and changes nothing.
import { integer, timestamp, uuid } from "drizzle-orm/pg-core";

export const id = () => uuid("id").primaryKey().defaultRandom();

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** Incremented on every update; an update that names a stale version is refused. */
export const version = () => integer("version").notNull().default(1);
