// Migration 0020 on a database that already holds sites: every recorded point gets an accuracy
// ("town" where its note says the town's centre, else "approximate"), a site with no point gets
// none, and from then on the database refuses a point without one. Run on a database of its own
// (PGlite in memory, or a scratch database on the PostgreSQL server when DATABASE_URL is set).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~db/client";
import { migrateDatabase } from "~db/migrate";
import { refusalOf } from "../helpers/db-errors";
import { databaseMigratedUpTo, type ScratchDatabase } from "../helpers/migrations";
import { rowsOf } from "../helpers/queries";

const BEFORE = "0019_dashboard_recent_indexes";

let scratch: ScratchDatabase;
let handle: DatabaseHandle;

beforeAll(async () => {
  scratch = await databaseMigratedUpTo(BEFORE);
  handle = scratch.handle;
});

afterAll(async () => {
  await scratch?.close();
});

describe("migration 0020_location_accuracy", () => {
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
