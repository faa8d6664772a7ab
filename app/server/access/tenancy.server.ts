// The tenancy guard and the only way council data is queried: requireTenantScope mints a
// scope for a signed-in member of the council named in the URL, and withTenant runs work
// for that scope under row-level security.
//
// README, Decision 3: Tenancy is enforced twice. The guard `requireTenantScope` is the only way to
// get a `TenantScope` (a branded type), and every domain function runs its queries inside
// `withTenant`, as the role `app_tenant_user`. That role has row-level-security policies on every
// council-owned table, can see only the members of the current council in `users` (and never the
// `password_hash` column), and may insert audit entries but never update or delete them. A council
// that does not exist and a council you do not belong to both give 404. Tests in
// `tests/integration/tenancy/` attack both locks on both drivers.
import { createHash } from "node:crypto";
import type { Params } from "@remix-run/react";
import { and, eq, isNull } from "drizzle-orm";
import type { Transaction } from "~db/client";
import { calendarFeeds, councilRecordVersions, councils, memberships, type Role, users } from "~db/schema";
import { requestIdOf } from "../http/request.server";
import { notFound } from "../http/responses.server";
import { requireUser, type SignedInUser } from "./auth.server";
import { can, forbidden, type Permission } from "./permissions.server";
import { memoisedForRequest } from "./request-memo.server";
import { transactionAs, withAuth } from "./scoped-transaction.server";

declare const tenantScopeBrand: unique symbol;

export interface TenantScope {
  readonly tenantId: string;
  readonly councilSlug: string;
  readonly councilName: string;
  readonly userId: string;
  readonly role: Role;
  /**
   * How many times the council's records had changed when the guard ran (council_record_versions),
   * read with the membership: what page data reused per version is filed under
   * (council/records-data.server.ts).
   */
  readonly recordsVersion: number;
  readonly requestId: string;
  readonly user: SignedInUser;
  readonly [tenantScopeBrand]: true;
}

/**
 * The guard. Not signed in: redirect to sign in. No such council, or not a member: 404
 * (never say which). A member whose role may not take `permission`'s action: 403, with `refusal`
 * or a message naming the roles that may.
 */
export async function requireTenantScope(
  request: Request,
  params: Params,
  permission: Permission,
  refusal?: string,
): Promise<TenantScope> {
  const user = await requireUser(request);
  const slug = params.slug;
  if (!slug) throw notFound();
  const [row] = await memoisedForRequest(request, `membership in ${slug}`, () =>
    withAuth((tx) =>
      tx
        .select({
          tenantId: councils.id,
          councilName: councils.name,
          role: memberships.role,
          recordsVersion: councilRecordVersions.version,
        })
        .from(councils)
        .innerJoin(memberships, and(eq(memberships.tenantId, councils.id), eq(memberships.userId, user.id)))
        .leftJoin(councilRecordVersions, eq(councilRecordVersions.tenantId, councils.id))
        .where(eq(councils.slug, slug))
        .limit(1),
    ),
  );
  if (!row) throw notFound();
  if (!can(row.role, permission)) throw forbidden(permission, refusal);
  return {
    tenantId: row.tenantId,
    councilSlug: slug,
    councilName: row.councilName,
    userId: user.id,
    role: row.role,
    recordsVersion: row.recordsVersion ?? 0,
    requestId: requestIdOf(request),
    user,
  } as TenantScope;
}

/** What is stored for a calendar feed's secret token: its SHA-256, never the token itself. */
export function calendarFeedTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A feed token as issued: 32 random bytes in base64url. */
const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The scope behind a calendar feed's secret address, for calendar apps that cannot sign in: the
 * token's owner, while still an active member of the council, with their current role. Undefined
 * for an unknown, regenerated or revoked token, a removed member or a deactivated account.
 */
export async function scopeForCalendarFeed(request: Request, token: string): Promise<TenantScope | undefined> {
  if (!FEED_TOKEN.test(token)) return undefined;
  const [row] = await withAuth((tx) =>
    tx
      .select({
        tenantId: councils.id,
        councilSlug: councils.slug,
        councilName: councils.name,
        role: memberships.role,
        userId: users.id,
        email: users.email,
        name: users.name,
        isPlatformAdmin: users.isPlatformAdmin,
        recordsVersion: councilRecordVersions.version,
      })
      .from(calendarFeeds)
      .innerJoin(
        memberships,
        and(eq(memberships.tenantId, calendarFeeds.tenantId), eq(memberships.userId, calendarFeeds.userId)),
      )
      .innerJoin(councils, eq(councils.id, calendarFeeds.tenantId))
      .innerJoin(users, eq(users.id, calendarFeeds.userId))
      .leftJoin(councilRecordVersions, eq(councilRecordVersions.tenantId, calendarFeeds.tenantId))
      .where(and(eq(calendarFeeds.tokenHash, calendarFeedTokenHash(token)), isNull(users.deactivatedAt)))
      .limit(1),
  );
  if (!row) return undefined;
  return {
    tenantId: row.tenantId,
    councilSlug: row.councilSlug,
    councilName: row.councilName,
    userId: row.userId,
    role: row.role,
    recordsVersion: row.recordsVersion ?? 0,
    requestId: requestIdOf(request),
    user: { id: row.userId, email: row.email, name: row.name, isPlatformAdmin: row.isPlatformAdmin },
  } as TenantScope;
}

/**
 * Runs `work` in a transaction as app_tenant_user (migrations/0001_tenant_isolation.sql) with the
 * council and user set, so the database's policies confine every statement to this council. Use
 * only `tx` inside.
 */
export async function withTenant<T>(scope: TenantScope, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return transactionAs("app_tenant_user", { tenantId: scope.tenantId, userId: scope.userId, role: scope.role }, work);
}
