// Migrations 0024 and 0025 on a database that already holds councils and sites. 0024: every recorded point gets an accuracy
// ("town" where its note says the town's centre, else "approximate"), a site with no point gets
// none, and from then on the database refuses a point without one. 0025: each council's nation comes
// from its GSS code, and a code of the other nation is refused from then on. Run on a database of its own
// (PGlite in memory, or a scratch database on the PostgreSQL server when DATABASE_URL is set).
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~db/client";
import { migrateDatabase } from "~db/migrate";
import { refusalOf } from "../helpers/db-errors";
import { migrateFrom, migrationsUpTo, rowsOf, scratchDatabase } from "../helpers/migrations";

const BEFORE = "0019_dashboard_recent_indexes";

let handle: DatabaseHandle;
let dropDatabase: (() => Promise<void>) | undefined;
let earlierMigrations: string;

beforeAll(async () => {
  ({ handle, drop: dropDatabase } = await scratchDatabase());
  earlierMigrations = migrationsUpTo(BEFORE);
  await migrateFrom(handle, earlierMigrations);
});

afterAll(async () => {
  await dropDatabase?.();
  if (earlierMigrations) fs.rmSync(earlierMigrations, { recursive: true, force: true });
});

describe("migration 0024_location_accuracy", () => {
  it("gives every recorded point an accuracy from its note, and none to a site without a point", async () => {
    const [council] = await rowsOf<{ id: string }>(
      handle.db.execute(sql`
        insert into councils (slug, name, gss_code, council_type, is_local_planning_authority, reference_prefix)
        values ('migration-test', 'Migration Test Council', 'E07999902', 'district', true, 'MT') returning id`),
    );
    const tenantId = council?.id;
    expect(tenantId).toBeTruthy();
    const site = (reference: string, latitude: number | null, longitude: number | null, note: string | null) =>
      sql`(${tenantId}, ${reference}, ${reference}, ${latitude}, ${longitude}, ${note})`;
    await handle.db.execute(sql`
      insert into sites (tenant_id, reference, name, latitude, longitude, location_note) values
      ${sql.join(
        [
          site("MT-S-0001", 51.7, 0.11, "Approximate: Epping town, not the hotel's position"),
          site("MT-S-0002", 52.05, 1.14, "Town centre of Ipswich"),
          site("MT-S-0003", 52.64, 0.17, "The centre of the town"),
          site("MT-S-0004", 51.69, 0.1, "Behind the station"),
          site("MT-S-0005", 51.68, 0.09, null),
          site("MT-S-0006", null, null, "Approximate: somewhere in town"),
        ],
        sql`, `,
      )}`);

    await handle.db.execute(sql`
      insert into councils (slug, name, gss_code, council_type, is_local_planning_authority, reference_prefix)
      values ('migration-test-cymru', 'Migration Test Welsh Council', 'W06999901', 'welsh_principal_area', true, 'MC')`);

    await migrateDatabase(handle);

    const accuracies = await rowsOf<{ reference: string; location_accuracy: string | null }>(
      handle.db.execute(
        sql`select reference, location_accuracy from sites where tenant_id = ${tenantId} order by reference`,
      ),
    );
    expect(accuracies.map((row) => [row.reference, row.location_accuracy])).toEqual([
      ["MT-S-0001", "town"],
      ["MT-S-0002", "town"],
      ["MT-S-0003", "town"],
      ["MT-S-0004", "approximate"],
      ["MT-S-0005", "approximate"],
      ["MT-S-0006", null],
    ]);

    await expect(
      refusalOf(
        handle.db.execute(sql`
          insert into sites (tenant_id, reference, name, latitude, longitude)
          values (${tenantId}, 'MT-S-0007', 'No accuracy', 51.7, 0.11)`),
      ),
    ).resolves.toContain("sites_location_accuracy_with_point");
  }, 60_000);
});

describe("migration 0025_council_nation (run after the test above, from the same earlier state)", () => {
  it("gives each council its nation from its code, and then refuses a code of the other nation", async () => {
    // Both councils were inserted above, before the later migrations ran.
    const rows = await rowsOf<{ slug: string; nation: string; gss_code: string | null }>(
      handle.db.execute(
        sql`select slug, nation, gss_code from councils where slug like 'migration-test%' order by slug`,
      ),
    );
    expect(rows).toEqual([
      { slug: "migration-test", nation: "england", gss_code: "E07999902" },
      { slug: "migration-test-cymru", nation: "wales", gss_code: "W06999901" },
    ]);
    await expect(
      refusalOf(
        handle.db.execute(sql`
          insert into councils (slug, name, gss_code, nation, council_type, reference_prefix)
          values ('migration-test-wales', 'Welsh code, English nation', 'W06000999', 'england', 'welsh_principal_area', 'MW')`),
      ),
    ).resolves.toContain("councils_gss_code_nation");
    await handle.db.execute(sql`
      insert into councils (slug, name, gss_code, nation, council_type, reference_prefix)
      values ('migration-test-none', 'No code on record', null, 'wales', 'welsh_principal_area', 'MN')`);
  });
});
