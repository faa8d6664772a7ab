// The database's own lock: inside withTenant, a query that forgets its tenant filter still sees
// only its council's rows, and writes for another council are refused. Runs on both drivers.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type TenantScope, withTenant } from "~/server/access/tenancy.server";
import { getDb } from "~db/client";
import type { Council } from "~db/schema";
import { auditEvents, councils, memberships, users } from "~db/schema";
import { refusalOf } from "../../helpers/db-errors";
import {
  createCouncil,
  createMember,
  scopeFor,
  sessionCookieFor,
  signedInMember,
  type TestMember,
} from "../../helpers/factories";
import { rowsOf } from "../../helpers/queries";

let councilA: Council;
let councilB: Council;
let scopeA: TenantScope;
let memberOfB: TestMember;

beforeAll(async () => {
  councilA = await createCouncil();
  councilB = await createCouncil();
  const officerA = await signedInMember(councilA, "officer");
  await createMember(councilA, "viewer");
  memberOfB = await createMember(councilB, "officer");
  await createMember(councilB, "legal");
  scopeA = await scopeFor(councilA, officerA.cookie);
});

describe("row-level security under withTenant", () => {
  it("a query that forgets its tenant filter still sees only the council's own memberships", async () => {
    const rows = await withTenant(scopeA, (tx) => tx.select({ tenantId: memberships.tenantId }).from(memberships));
    expect(rows.length).toBe(2);
    expect(new Set(rows.map((row) => row.tenantId))).toEqual(new Set([councilA.id]));
  });

  it("sees only its own council row", async () => {
    const rows = await withTenant(scopeA, (tx) => tx.select({ id: councils.id }).from(councils));
    expect(rows).toEqual([{ id: councilA.id }]);
  });

  it("sees only the users who are members of the council, and never their password hashes", async () => {
    const visible = await withTenant(scopeA, (tx) => tx.select({ id: users.id }).from(users));
    expect(visible).toHaveLength(2);
    expect(visible.map((row) => row.id)).not.toContain(memberOfB.user.id);
    expect(await refusalOf(withTenant(scopeA, (tx) => tx.select({ hash: users.passwordHash }).from(users)))).toMatch(
      /permission denied/,
    );
  });

  it("refuses to insert a membership for another council", async () => {
    expect(
      await refusalOf(
        withTenant(scopeA, (tx) =>
          tx.insert(memberships).values({ tenantId: councilB.id, userId: memberOfB.user.id, role: "council_admin" }),
        ),
      ),
    ).toMatch(/row-level security/);
    const [row] = await withTenantB((tx) =>
      tx.select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, memberOfB.user.id)),
    );
    expect(row?.role).toBe("officer");
  });

  it("an update or delete that forgets its filter touches no other council's rows", async () => {
    const updated = await withTenant(scopeA, (tx) =>
      tx.execute(sql`update memberships set role = 'viewer' where tenant_id = ${councilB.id}`),
    );
    expect(rowCount(updated)).toBe(0);
    const deleted = await withTenant(scopeA, (tx) =>
      tx.execute(sql`delete from memberships where tenant_id = ${councilB.id}`),
    );
    expect(rowCount(deleted)).toBe(0);
    const remaining = await withTenantB((tx) => tx.select({ id: memberships.id }).from(memberships));
    expect(remaining).toHaveLength(2);
  });

  it("refuses an audit entry for another council, and refuses to change or delete any audit entry", async () => {
    expect(
      await refusalOf(
        withTenant(scopeA, (tx) =>
          tx
            .insert(auditEvents)
            .values({ tenantId: councilB.id, actorUserId: scopeA.userId, action: "forged", entityType: "x" }),
        ),
      ),
    ).toMatch(/row-level security/);
    await withTenant(scopeA, (tx) =>
      tx
        .insert(auditEvents)
        .values({ tenantId: councilA.id, actorUserId: scopeA.userId, action: "test.own", entityType: "x" }),
    );
    expect(
      await refusalOf(withTenant(scopeA, (tx) => tx.execute(sql`update audit_events set action = 'rewritten'`))),
    ).toMatch(/permission denied/);
    expect(await refusalOf(withTenant(scopeA, (tx) => tx.execute(sql`delete from audit_events`)))).toMatch(
      /permission denied/,
    );
  });

  it("covers every table with a council column: row-level security on, and a policy for the council role", async () => {
    const tables = await rowsOf<{ table_name: string; secured: boolean; policies: number }>(
      getDb().execute(sql`
        select c.relname as table_name, c.relrowsecurity as secured,
          (select count(*) from pg_policy p join pg_roles r on r.oid = any(p.polroles)
            where p.polrelid = c.oid and r.rolname = 'app_tenant_user')::int as policies
        from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
        where c.relkind = 'r' and exists (
          select 1 from information_schema.columns col
          where col.table_schema = 'public' and col.table_name = c.relname and col.column_name = 'tenant_id')
        order by 1`),
    );
    expect(tables.map((table) => table.table_name)).toEqual(
      expect.arrayContaining(["proceeding_reliefs", "court_clock_decisions"]),
    );
    expect(tables.filter((table) => !table.secured || table.policies === 0)).toEqual([]);
  });

  it("sees nothing at all when no council is set", async () => {
    const rows = await withTenant(
      { ...scopeA, tenantId: "00000000-0000-0000-0000-000000000000" } as TenantScope,
      (tx) => tx.select({ id: memberships.id }).from(memberships),
    );
    expect(rows).toEqual([]);
  });
});

async function withTenantB<T>(work: Parameters<typeof withTenant<T>>[1]): Promise<T> {
  const scopeB = await scopeFor(councilB, await sessionCookieFor(memberOfB.user));
  return withTenant(scopeB, work);
}

/** Rows affected by a raw statement: postgres.js reports `count`, PGlite `affectedRows`. */
function rowCount(result: unknown): number {
  const value = result as { count?: number; affectedRows?: number };
  return value.count ?? value.affectedRows ?? -1;
}
