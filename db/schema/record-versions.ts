// How many times each council's records have changed: one row per council, its count raised by
// triggers (migrations/0014_council_record_versions_triggers.sql) in the same transaction as any
// change to the tables listed there, however it was written. A response built from a council's
// records can be kept under this number and reused until it moves (app/server/maps/records-cache.server.ts).
//
// README, Decision 37: Deferred constraint triggers on the twelve tables of council records (sites,
// periods of use, planning records, complaints, legal cases, proceedings, parties, hearings,
// orders, timeline events, documents, boundaries; not contact details, privileged notes or deadline
// completions, which no reused response reads) raise the number once per committed transaction that
// changed any of them, whoever wrote the rows (the app, a seed, a fix by hand); a TRUNCATE raises
// every council's. They fire at commit, so versions rise in commit order and transactions that each
// change one council cannot deadlock over the row (the application never changes two in one
// transaction). Writes that bypass triggers (`session_replication_role = replica`) are not seen.
import { bigint, pgTable, uuid } from "drizzle-orm/pg-core";
import { councils } from "./councils";

export const councilRecordVersions = pgTable("council_record_versions", {
  tenantId: uuid("tenant_id")
    .primaryKey()
    .references(() => councils.id, { onDelete: "cascade" }),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});
