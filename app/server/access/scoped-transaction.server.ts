// The one way application code reaches the database: a transaction that sets its settings with
// set_config(…, true) and then SET LOCAL ROLE to its scope's own role, so the grants and
// row-level-security policies of that role apply (migrations/0001_tenant_isolation.sql for
// app_tenant_user, 0016_access_scopes.sql for the platform, public and precedent roles,
// 0017_auth_role.sql for app_auth). Only this module uses the owning connection (a lint rule
// refuses `getDb` anywhere else in app/); migrations, the seed and tests use it directly.
//
// README, Decision 41: Outside a council, code runs under a role too. The platform administrator's
// pages used to query as the database owner, which no policy restrains. Now there are four scopes,
// each made by one guard and each opening transactions under one role of its own
// (`app_tenant_user`, `app_platform`, `app_public`, `app_precedent_reader`;
// `migrations/0016_access_scopes.sql`), so what an audience may reach is written once, in grants
// and policies, and a forgotten `where` is answered by the database. `app_platform` sees councils,
// memberships and the platform audit log but is refused every council record table; `app_public`
// sees councils' names only; `app_precedent_reader` sees nothing until the library exists. Deleting
// a council and changing or deleting audit entries are granted to no one. Auth's own lookups
// run as `app_auth` (`migrations/0017_auth_role.sql`): sessions, users' sign-in columns, the
// throttle's attempts, memberships and calendar-feed tokens, and sign-in entries in the platform
// audit log, nothing else. `tests/integration/tenancy/scopes.test.ts` checks each
// role on both drivers.
//
// The scopes (README, Architecture):
// - `TenantScope`: guard `requireTenantScope(request, params, permission)`
//   (`access/tenancy.server.ts`); runs under `withTenant` as `app_tenant_user`; may: the council's
//   own records, by role.
// - `PlatformScope`: guard `requirePlatformScope(request)`: a platform administrator, else 403
//   (`access/platform.server.ts`); runs under `withPlatform` as `app_platform`; may: councils,
//   memberships, boundaries, users (no password hashes), the platform audit log; no council
//   records.
// - `PublicScope`: guard `publicScope(request)`: no user, reads no cookie
//   (`access/public.server.ts`); runs under `withPublic` as `app_public`; may: read `councils(slug,
//   name)` only, today.
// - `PrecedentScope`: guard `requirePrecedentScope(request)`: a member whose role has
//   `precedent:read`, else 403 (`access/precedents.server.ts`); runs under `withPrecedents` as
//   `app_precedent_reader`; may: nothing yet (the library's tables come later).
// - (the guards themselves): guard sign-in, sessions (lucia, through
//   `access/session-store.server.ts`), membership and calendar-token lookups; runs under `withAuth`
//   as `app_auth`; may: sessions; users' sign-in columns; sign-in attempts; memberships, councils'
//   names, feed tokens (read); sign-in entries in the platform audit log.
import { sql } from "drizzle-orm";
import { getDb, type Transaction } from "~db/client";

/**
 * The roles created by migrations/0016_access_scopes.sql and (app_auth) 0017_auth_role.sql; none
 * can log in, none bypasses RLS.
 */
export type ScopeRole = "app_tenant_user" | "app_platform" | "app_public" | "app_precedent_reader" | "app_auth";

export async function transactionAs<T>(
  role: ScopeRole,
  settings: { tenantId?: string; userId?: string; role?: string },
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return getDb().transaction(async (tx) => {
    // One statement: the settings the policies read (app_current_tenant_id(), app_current_user_id())
    // and then the role, which set_config('role', …, true) sets exactly as SET LOCAL ROLE does.
    // `true`: all of them end with the transaction.
    const { tenantId = "", userId = "", role: memberRole = "" } = settings;
    await tx.execute(
      sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('app.user_id', ${userId}, true), set_config('app.role', ${memberRole}, true), set_config('role', ${role}, true)`,
    );
    return work(tx);
  });
}

/**
 * Runs the access layer's own lookups (sessions, sign-in and its throttle, memberships for the
 * guards, calendar-feed tokens) as app_auth, which may reach exactly those tables. Use only `tx`.
 */
export function withAuth<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  return transactionAs("app_auth", {}, work);
}
