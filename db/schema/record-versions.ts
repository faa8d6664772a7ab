// How many times each council's records have changed: one row per council, its count raised by
// triggers (migrations/0014_council_record_versions_triggers.sql) in the same transaction as any
// change to the tables listed there, however it was written. A response built from a council's
// records can be kept under this number and reused until it moves (app/server/records-cache.server.ts).
import { bigint, pgTable, uuid } from "drizzle-orm/pg-core";
import { councils } from "./councils";

export const councilRecordVersions = pgTable("council_record_versions", {
  tenantId: uuid("tenant_id")
    .primaryKey()
    .references(() => councils.id, { onDelete: "cascade" }),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});
