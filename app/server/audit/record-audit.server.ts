// The one way to write an audit entry, always inside the transaction that makes the change. It
// depends on nothing but the schema, so every module may use it (the access layer included)
// without an import cycle; reading the logs is audit-log.server.ts.
//
// README, Decision 8: Two audit logs, one function. `recordAudit` writes every entry, inside the
// transaction of the change, with the record before and after (password hashes removed). Changes to
// a council's records carry its `tenant_id` and appear in that council's audit log (council
// admins). Sign-ins and sign-outs belong to a person, not a council (a person may belong to
// several), so they carry no council and appear in the platform audit log (platform admins).
import type { Transaction } from "~db/client";
import { auditEvents } from "~db/schema";

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
