// Reading the two audit logs: a council's own trail (council admins, under withTenant) and the
// platform's (sign-ins, sign-outs, onboarding; platform admins, under withPlatform). Entries are
// written by recordAudit (record-audit.server.ts).
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { auditEvents, users } from "~db/schema";
import { assertCan } from "../access/permissions.server";
import { type PlatformScope, withPlatform } from "../access/platform.server";
import { type TenantScope, withTenant } from "../access/tenancy.server";

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

const entryColumns = {
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
};

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
        .select(entryColumns)
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
        .select(entryColumns)
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
