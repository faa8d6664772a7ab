// The one way the three non-council scopes reach the database: a transaction that sets its
// settings with set_config(…, true) and then SET LOCAL ROLE to the scope's own role, so the
// row-level-security policies and grants of migrations/0016_access_scopes.sql apply.
// (withTenant, in app/server/tenancy.server.ts, does the same for app_tenant_user.)
import { sql } from "drizzle-orm";
import { getDb, type Transaction } from "~db/client";

/** The roles created by migrations/0016_access_scopes.sql; none can log in, none bypasses RLS. */
export type ScopeRole = "app_platform" | "app_public" | "app_precedent_reader";

export async function transactionAs<T>(
  role: ScopeRole,
  settings: { userId?: string },
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return getDb().transaction(async (tx) => {
    if (settings.userId) await tx.execute(sql`select set_config('app.user_id', ${settings.userId}, true)`);
    await tx.execute(sql`set local role ${sql.raw(role)}`);
    return work(tx);
  });
}
