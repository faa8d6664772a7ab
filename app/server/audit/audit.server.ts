// The one way to write an audit entry, always inside the transaction that makes the change,
// and the council's view of its own audit trail.
//
// README, Decision 8: Two audit logs, one function. `recordAudit` writes every entry, inside the
// transaction of the change, with the record before and after (password hashes removed). Changes to
// a council's records carry its `tenant_id` and appear in that council's audit log (council
// admins). Sign-ins and sign-outs belong to a person, not a council (a person may belong to
// several), so they carry no council and appear in the platform audit log (platform admins).
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Transaction } from "~db/client";
import { auditEvents, users } from "~db/schema";
import { assertCan } from "../access/permissions.server";
import { type PlatformScope, withPlatform } from "../access/platform.server";
import { type TenantScope, withTenant } from "../access/tenancy.server";

/** Who is acting: a council scope, or a platform-level actor (tenantId null). */
export interface AuditActor {
  tenantId: string | null;
  userId: string | null;
  requestId: string | null;
}

export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Keys that never reach the audit trail, whatever record they appear in. */
const REDACTED_KEYS = new Set(["passwordHash", "password_hash", "password"]);

function redact(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (key, inner) => (REDACTED_KEYS.has(key) ? undefined : inner))) as unknown;
}

export async function recordAudit(tx: Transaction, actor: AuditActor, change: AuditChange): Promise<void> {
  await tx.insert(auditEvents).values({
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    requestId: actor.requestId,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: redact(change.before),
    after: redact(change.after),
  });
}

export const AUDIT_PAGE_SIZE = 25;

export interface AuditFilter {
  entityType?: string;
  actorUserId?: string;
  page: number;
}

export interface AuditEntryView {
  id: string;
  occurredAt: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** The council's audit trail, newest first, one page at a time. */
export async function listAuditEvents(scope: TenantScope, filter: AuditFilter) {
  assertCan(scope, "audit:read");
  return withTenant(scope, async (tx) => {
    const where = and(
      eq(auditEvents.tenantId, scope.tenantId),
      filter.entityType ? eq(auditEvents.entityType, filter.entityType) : undefined,
      filter.actorUserId ? eq(auditEvents.actorUserId, filter.actorUserId) : undefined,
    );
    const [rows, [total], entityTypes] = await Promise.all([
      tx
        .select({
          id: auditEvents.id,
          occurredAt: auditEvents.occurredAt,
          action: auditEvents.action,
          entityType: auditEvents.entityType,
          entityId: auditEvents.entityId,
          actorName: users.name,
          actorEmail: users.email,
          before: auditEvents.before,
          after: auditEvents.after,
          requestId: auditEvents.requestId,
        })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorUserId))
        .where(where)
        .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
        .limit(AUDIT_PAGE_SIZE)
        .offset((filter.page - 1) * AUDIT_PAGE_SIZE),
      tx.select({ value: count() }).from(auditEvents).where(where),
      tx
        .selectDistinct({ entityType: auditEvents.entityType })
        .from(auditEvents)
        .where(eq(auditEvents.tenantId, scope.tenantId))
        .orderBy(auditEvents.entityType),
    ]);
    return {
      entries: rows satisfies AuditEntryView[],
      total: total?.value ?? 0,
      entityTypes: entityTypes.map((row) => row.entityType),
    };
  });
}

/** Platform-level events (sign-ins, sign-outs, onboarding), for platform administrators, read as app_platform. */
export async function listPlatformAuditEvents(scope: PlatformScope, filter: { page: number }) {
  const where = isNull(auditEvents.tenantId);
  return withPlatform(scope, async (tx) => {
    const [rows, [total]] = await Promise.all([
      tx
        .select({
          id: auditEvents.id,
          occurredAt: auditEvents.occurredAt,
          action: auditEvents.action,
          entityType: auditEvents.entityType,
          entityId: auditEvents.entityId,
          actorName: users.name,
          actorEmail: users.email,
          before: auditEvents.before,
          after: auditEvents.after,
          requestId: auditEvents.requestId,
        })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorUserId))
        .where(where)
        .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
        .limit(AUDIT_PAGE_SIZE)
        .offset((filter.page - 1) * AUDIT_PAGE_SIZE),
      tx.select({ value: count() }).from(auditEvents).where(where),
    ]);
    return { entries: rows satisfies AuditEntryView[], total: total?.value ?? 0 };
  });
}
