// The one way the three non-council scopes reach the database: a transaction that sets its
// settings with set_config(…, true) and then SET LOCAL ROLE to the scope's own role, so the
// row-level-security policies and grants of migrations/0016_access_scopes.sql apply.
// (withTenant, in app/server/access/tenancy.server.ts, does the same for app_tenant_user.)
//
// README, Decision 41: Outside a council, code runs under a role too. The platform administrator's
// pages used to query as the database owner, which no policy restrains. Now there are four scopes,
// each made by one guard and each opening transactions under one role of its own
// (`app_tenant_user`, `app_platform`, `app_public`, `app_precedent_reader`;
// `migrations/0016_access_scopes.sql`), so what an audience may reach is written once, in grants
// and policies, and a forgotten `where` is answered by the database. `app_platform` sees councils,
// memberships and the platform audit log but is refused every council record table; `app_public`
// sees councils' names only; `app_precedent_reader` sees nothing until the library exists. Deleting
// a council and changing or deleting audit entries are granted to no one. Auth's own lookups still
// use the owner (to be moved to `app_auth`). `tests/integration/tenancy/scopes.test.ts` checks each
// role on both drivers.
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
