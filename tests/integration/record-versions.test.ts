// Each council's records version (migrations/0014): raised once by every committed transaction that
// changes its records, however many rows and however written (a TRUNCATE raises every council's);
// never by a rolled-back one or by another council's changes; readable by the council's members and
// written by no one but the triggers.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "~/server/access/tenancy.server";
import { setSiteArchived } from "~/server/council/sites/sites.server";
import { councilRecordsVersion } from "~/server/maps/records-cache.server";
import { getDb } from "~db/client";
import { councilRecordVersions, sites } from "~db/schema";
import { refusalOf } from "../helpers/db-errors";
import { addSite, type CouncilWithOfficer, councilWithOfficer } from "../helpers/factories";

/** Rows of a raw query on either driver (postgres.js gives an array, PGlite `{ rows }`). */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);

let a: CouncilWithOfficer;
let b: CouncilWithOfficer;

beforeAll(async () => {
  a = await councilWithOfficer();
  b = await councilWithOfficer();
});

describe("a council's records version", () => {
  it("starts at 0 and rises by one for each transaction that changes its records", async () => {
    expect(await councilRecordsVersion(a.scope)).toBe(0);
    const reference = await addSite(a.scope, { name: "Version Hotel" });
    const afterOne = await councilRecordsVersion(a.scope);
    expect(afterOne).toBe(1);

    // Fifty rows in one transaction: still one step.
    await getDb().transaction(async (tx) => {
      for (let index = 0; index < 50; index++) {
        await tx.insert(sites).values({ tenantId: a.council.id, reference: `V-${index}`, name: `Row ${index}` });
      }
    });
    expect(await councilRecordsVersion(a.scope)).toBe(afterOne + 1);

    // A change through the app (the site, its audit entry and its timeline, in one transaction).
    const beforeArchive = await councilRecordsVersion(a.scope);
    await setSiteArchived(a.scope, reference, true, 1);
    expect(await councilRecordsVersion(a.scope)).toBe(beforeArchive + 1);

    // A delete straight in the database.
    const beforeDelete = await councilRecordsVersion(a.scope);
    await getDb().delete(sites).where(eq(sites.reference, "V-0"));
    expect(await councilRecordsVersion(a.scope)).toBe(beforeDelete + 1);
  });

  it("does not move for a rolled-back transaction, nor for another council's changes", async () => {
    const before = await councilRecordsVersion(a.scope);
    const otherBefore = await councilRecordsVersion(b.scope);
    await expect(
      getDb().transaction(async (tx) => {
        await tx.insert(sites).values({ tenantId: a.council.id, reference: "V-rolled-back", name: "Never" });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await councilRecordsVersion(a.scope)).toBe(before);

    await addSite(b.scope, { name: "Other council's hotel" });
    expect(await councilRecordsVersion(a.scope)).toBe(before);
    expect(await councilRecordsVersion(b.scope)).toBe(otherBefore + 1);
  });

  it("rises for every council when a table of records is emptied at once (TRUNCATE)", async () => {
    const [beforeA, beforeB] = [await councilRecordsVersion(a.scope), await councilRecordsVersion(b.scope)];
    await getDb().execute(sql`truncate timeline_events`);
    expect(await councilRecordsVersion(a.scope)).toBe(beforeA + 1);
    expect(await councilRecordsVersion(b.scope)).toBe(beforeB + 1);
  });

  it("is read by the council's members only, and written by no one but the triggers", async () => {
    await addSite(b.scope, { name: "Another" });
    const seen = await withTenant(a.scope, (tx) =>
      tx.select({ tenantId: councilRecordVersions.tenantId }).from(councilRecordVersions),
    );
    expect(seen.map((row) => row.tenantId)).toEqual([a.council.id]);
    await expect(
      refusalOf(
        withTenant(a.scope, (tx) =>
          tx.execute(sql`update council_record_versions set version = 0 where tenant_id = ${a.council.id}`),
        ),
      ),
    ).resolves.toMatch(/permission denied/);
  });

  it("is raised by every table a council page shows (migrations/0014 and 0018)", async () => {
    // Pages' data is reused per version (app/server/council/records-data.server.ts), so a council
    // table without the trigger would leave pages stale. These do not feed a reused page: the audit
    // log, members, calendar-feed tokens, reference counters and the version itself.
    const notRecords = [
      "audit_events",
      "calendar_feeds",
      "council_record_versions",
      "memberships",
      "reference_counters",
    ];
    const tables = await getDb().execute<{ table_name: string }>(
      sql`select table_name from information_schema.columns
          where table_schema = 'public' and column_name = 'tenant_id' order by table_name`,
    );
    const triggers = await getDb().execute<{ table_name: string }>(
      sql`select c.relname as table_name from pg_trigger t join pg_class c on c.oid = t.tgrelid
          where t.tgname = c.relname || '_records_changed'`,
    );
    const withTrigger = new Set(rowsOf<{ table_name: string }>(triggers).map((row) => row.table_name));
    const councilTables = rowsOf<{ table_name: string }>(tables)
      .map((row) => row.table_name)
      .filter((table) => !notRecords.includes(table));
    expect(councilTables).toEqual(
      expect.arrayContaining(["deadline_completions", "complainant_contacts", "privileged_notes"]),
    );
    expect(councilTables.filter((table) => !withTrigger.has(table))).toEqual([]);
  });
});
