// Migrations 0027 and 0028 on a database that already holds proceedings and parties. 0027: each
// proceeding's one relief_sought becomes its first relief, with the proceeding's outcome where that
// can be said of a relief, "refused" for a dismissed claim, and otherwise no outcome ("not decided
// yet"); a proceeding that recorded no relief gets none; the column goes, and the new table has its
// tenant policy and its records-version trigger. 0028: a party's joined_on is kept as role_on. Run
// on a database of its own (PGlite in memory, or a scratch database on the PostgreSQL server when
// DATABASE_URL is set).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~db/client";
import { migrateDatabase } from "~db/migrate";
import { databaseMigratedUpTo, type ScratchDatabase } from "../helpers/migrations";
import { rowsOf } from "../helpers/queries";

const BEFORE = "0024_location_accuracy";

let scratch: ScratchDatabase;
let handle: DatabaseHandle;

beforeAll(async () => {
  scratch = await databaseMigratedUpTo(BEFORE);
  handle = scratch.handle;
});

afterAll(async () => {
  await scratch?.close();
});

describe("migrations 0027_proceeding_reliefs and 0028_party_role_date", () => {
  it("moves each proceeding's relief sought into its reliefs, with an outcome only where the proceeding's says it", async () => {
    const [council] = await rowsOf<{ id: string }>(
      handle.db.execute(sql`
        insert into councils (slug, name, gss_code, council_type, is_local_planning_authority, reference_prefix)
        values ('relief-migration', 'Relief Migration Council', 'E07999903', 'district', true, 'RM') returning id`),
    );
    const tenantId = council?.id ?? "";
    const [legalCase] = await rowsOf<{ id: string }>(
      handle.db.execute(sql`
        insert into legal_cases (tenant_id, reference, title, legal_basis)
        values (${tenantId}, 'RM-L-0001', 'Council v Owner', 's187b_injunction') returning id`),
    );
    const proceeding = (claim: string, kind: string, relief: string | null, outcome: string | null) =>
      sql`(${tenantId}, ${legalCase?.id}, 'high_court_kb', ${kind}::proceeding_kind, ${claim},
        ${relief}::relief_kind, ${outcome}::outcome, ${outcome ? "2025-08-19" : null}::date)`;
    await handle.db.execute(sql`
      insert into proceedings (tenant_id, case_id, court, kind, claim_number, relief_sought, outcome, decided_on) values
      ${sql.join(
        [
          proceeding("RM-1", "interim_injunction_application", "interim_injunction", "granted"),
          proceeding("RM-2", "trial_final_injunction", "final_injunction", "dismissed"),
          proceeding("RM-3", "trial_final_injunction", "declaration", "adjourned"),
          proceeding("RM-4", "return_date", "interim_injunction", null),
          proceeding("RM-5", "trial_final_injunction", null, "granted"),
        ],
        sql`, `,
      )}`);
    await handle.db.execute(sql`
      insert into proceeding_parties (tenant_id, proceeding_id, name, role, kind, joined_on)
      select ${tenantId}, id, 'Secretary of State for the Home Department', 'intervener', 'home_secretary', '2025-08-29'
      from proceedings where tenant_id = ${tenantId} and claim_number = 'RM-1'`);

    await migrateDatabase(handle);

    const parties = await rowsOf<{ role: string; role_on: string }>(
      handle.db.execute(sql`select role, role_on::text from proceeding_parties where tenant_id = ${tenantId}`),
    );
    expect(parties).toEqual([{ role: "intervener", role_on: "2025-08-29" }]);

    const reliefs = await rowsOf<{ claim_number: string; kind: string; outcome: string | null; position: number }>(
      handle.db.execute(sql`
        select p.claim_number, r.kind, r.outcome, r.position
        from proceedings p join proceeding_reliefs r on r.proceeding_id = p.id and r.tenant_id = p.tenant_id
        where p.tenant_id = ${tenantId} order by p.claim_number`),
    );
    expect(reliefs.map((row) => [row.claim_number, row.kind, row.outcome, row.position])).toEqual([
      ["RM-1", "interim_injunction", "granted", 0],
      ["RM-2", "final_injunction", "refused", 0],
      ["RM-3", "declaration", null, 0],
      ["RM-4", "interim_injunction", null, 0],
    ]);

    const column = await rowsOf<{ column_name: string }>(
      handle.db.execute(sql`
        select column_name from information_schema.columns
        where table_name = 'proceedings' and column_name = 'relief_sought'`),
    );
    expect(column).toEqual([]);
    const guarded = await rowsOf<{ rls: boolean; policies: number; triggers: number }>(
      handle.db.execute(sql`
        select c.relrowsecurity as rls,
          (select count(*) from pg_policy p where p.polrelid = c.oid)::int as policies,
          (select count(*) from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'proceeding_reliefs_records_changed')::int as triggers
        from pg_class c where c.relname = 'proceeding_reliefs'`),
    );
    expect(guarded).toEqual([{ rls: true, policies: 1, triggers: 1 }]);
  }, 60_000);
});
