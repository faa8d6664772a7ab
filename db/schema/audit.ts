// The audit trail: who did what to which record, with the record before and after.
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { councils } from "./councils";
import { users } from "./users";

export const auditEvents = pgTable(
  "audit_events",
  {
    id: id(),
    /** Null for platform-level events (sign-ins, onboarding a council). */
    tenantId: uuid("tenant_id").references(() => councils.id, { onDelete: "restrict" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_tenant_id_idx").on(t.tenantId, t.occurredAt.desc()),
    index("audit_events_tenant_entity_idx").on(t.tenantId, t.entityType, t.occurredAt.desc()),
    index("audit_events_actor_idx").on(t.actorUserId, t.occurredAt.desc()),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
