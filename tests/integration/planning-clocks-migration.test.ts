// Migration 0030 on a database that already holds planning records: an enforcement notice's single
// steps and period become its step 1; the `appealed` tick box gives way to a linked appeal (the
// site's one appeal where it can only be that one, otherwise a pending appeal record of its own, so
// the notice stays suspended); every past date is day-precise; then the column is gone. Run on a
// database of its own.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~db/client";
import { migrateDatabase } from "~db/migrate";
import { databaseMigratedUpTo, type ScratchDatabase } from "../helpers/migrations";
import { rowsOf } from "../helpers/queries";

let scratch: ScratchDatabase;
let handle: DatabaseHandle;

beforeAll(async () => {
  scratch = await databaseMigratedUpTo("0029_court_clocks");
  handle = scratch.handle;
});

afterAll(async () => {
  await scratch?.close();
});

describe("migration 0030_planning_clocks", () => {
  it("moves steps into rows, turns `appealed` into linked appeals, and drops the column", async () => {
    const [council] = await rowsOf<{ id: string }>(
      handle.db.execute(sql`
        insert into councils (slug, name, gss_code, nation, council_type, is_local_planning_authority, reference_prefix)
        values ('clocks-migration', 'Clocks Migration Council', null, 'england', 'district', true, 'CM') returning id`),
    );
    const tenantId = council?.id;
    const sites = await rowsOf<{ id: string; reference: string }>(
      handle.db.execute(sql`
        insert into sites (tenant_id, reference, name) values
          (${tenantId}, 'CM-S-1', 'One notice appealed, one appeal'),
          (${tenantId}, 'CM-S-2', 'One notice appealed, no appeal'),
          (${tenantId}, 'CM-S-3', 'Two notices appealed, one appeal')
        returning id, reference`),
    );
    const siteId = (reference: string) => sites.find((site) => site.reference === reference)?.id;
    await handle.db.execute(sql`
      insert into planning_records (tenant_id, site_id, kind, reference, steps_required, compliance_period,
        compliance_period_unit, appealed, effective_on) values
        (${tenantId}, ${siteId("CM-S-1")}, 'enforcement_notice', 'EN/1', 'Cease the use', 3, 'months', true, '2025-06-01'),
        (${tenantId}, ${siteId("CM-S-1")}, 'enforcement_appeal', 'APP/1', null, null, null, false, null),
        (${tenantId}, ${siteId("CM-S-2")}, 'enforcement_notice', 'EN/2', null, 28, 'days', true, '2025-06-01'),
        (${tenantId}, ${siteId("CM-S-3")}, 'enforcement_notice', 'EN/3A', 'Remove the fencing', null, null, true, null),
        (${tenantId}, ${siteId("CM-S-3")}, 'enforcement_notice', 'EN/3B', null, null, null, true, null),
        (${tenantId}, ${siteId("CM-S-3")}, 'enforcement_appeal', 'APP/3', null, null, null, false, null),
        (${tenantId}, ${siteId("CM-S-3")}, 'breach_of_condition_notice', 'BCN/1', 'Comply with condition 4', 28, 'days', false, null)`);

    await migrateDatabase(handle);

    const records = await rowsOf<{
      id: string;
      reference: string | null;
      kind: string;
      steps_required: string | null;
      compliance_period: number | null;
      enforcement_notice_id: string | null;
      description: string | null;
      status: string;
      served_on_precision: string;
    }>(
      handle.db.execute(sql`
        select id, reference, kind, steps_required, compliance_period, enforcement_notice_id, description, status,
          served_on_precision
        from planning_records where tenant_id = ${tenantId} order by reference nulls last, id`),
    );
    const byReference = (reference: string) => records.find((record) => record.reference === reference);
    // The site's only appeal is linked to its only notice marked appealed.
    expect(byReference("APP/1")?.enforcement_notice_id).toBe(byReference("EN/1")?.id);
    // A notice marked appealed with no appeal gets one, pending; so do two notices sharing one appeal.
    const created = records.filter((record) => record.reference === null);
    expect(created.map((record) => [record.kind, record.status, record.enforcement_notice_id]).sort()).toEqual(
      [
        ["enforcement_appeal", "open", byReference("EN/2")?.id],
        ["enforcement_appeal", "open", byReference("EN/3A")?.id],
        ["enforcement_appeal", "open", byReference("EN/3B")?.id],
      ].sort(),
    );
    expect(created[0]?.description).toMatch(/^Recorded when enforcement appeals became records of their own/);
    expect(byReference("APP/3")?.enforcement_notice_id).toBeNull();
    // Every past date is day-precise, as before.
    expect(new Set(records.map((record) => record.served_on_precision))).toEqual(new Set(["day"]));

    const steps = await rowsOf<{
      reference: string;
      position: number;
      steps: string | null;
      compliance_period: number | null;
      compliance_period_unit: string | null;
    }>(
      handle.db.execute(sql`
        select p.reference, s.position, s.steps, s.compliance_period, s.compliance_period_unit
        from enforcement_notice_steps s join planning_records p on p.id = s.planning_record_id
        where s.tenant_id = ${tenantId} order by p.reference`),
    );
    expect(steps).toEqual([
      {
        reference: "EN/1",
        position: 1,
        steps: "Cease the use",
        compliance_period: 3,
        compliance_period_unit: "months",
      },
      { reference: "EN/2", position: 1, steps: null, compliance_period: 28, compliance_period_unit: "days" },
      {
        reference: "EN/3A",
        position: 1,
        steps: "Remove the fencing",
        compliance_period: null,
        compliance_period_unit: null,
      },
    ]);
    // The notices' own columns are emptied; a breach of condition notice keeps its.
    expect(
      records.filter((record) => record.kind === "enforcement_notice").map((record) => record.compliance_period),
    ).toEqual([null, null, null, null]);
    expect(byReference("BCN/1")).toMatchObject({ steps_required: "Comply with condition 4", compliance_period: 28 });

    const columns = await rowsOf<{ column_name: string }>(
      handle.db.execute(sql`
        select column_name from information_schema.columns
        where table_name = 'planning_records' and column_name = 'appealed'`),
    );
    expect(columns).toEqual([]);
  }, 60_000);
});
