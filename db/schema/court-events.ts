// Hearings and orders of a court proceeding. An order's deadline can carry a time of day, as
// the Epping order did ("by 16:00 on 12 September 2025").
//
// README, Decision 24: Court orders keep their time of day. An order's deadline is a calendar date
// plus an optional London time (`time` column), because orders say "by 16:00 on 12 September 2025";
// hearings likewise. Orders and hearings appear on the dashboard only while their case is not
// concluded, so a set-aside order of a finished case does not sit there as overdue for ever.
import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, time, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, version } from "./columns";
import { proceedings } from "./legal";
import { tenantId } from "./tenant";

export const hearings = pgTable(
  "hearings",
  {
    id: id(),
    tenantId: tenantId(),
    proceedingId: uuid("proceeding_id")
      .notNull()
      .references(() => proceedings.id, { onDelete: "cascade" }),
    heldOn: date("held_on").notNull(),
    /** London time, when known. */
    startsAt: time("starts_at"),
    kind: text("kind").notNull(),
    notes: text("notes"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index("hearings_tenant_id_idx").on(t.tenantId, t.heldOn),
    index("hearings_proceeding_idx").on(t.proceedingId),
  ],
);

export const courtOrders = pgTable(
  "court_orders",
  {
    id: id(),
    tenantId: tenantId(),
    proceedingId: uuid("proceeding_id")
      .notNull()
      .references(() => proceedings.id, { onDelete: "cascade" }),
    madeOn: date("made_on").notNull(),
    requires: text("requires").notNull(),
    dueOn: date("due_on"),
    /** London time of day the order gives, when it gives one. */
    dueAt: time("due_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index("court_orders_tenant_id_idx").on(t.tenantId, t.dueOn),
    index("court_orders_proceeding_idx").on(t.proceedingId),
    check("court_orders_due_after_made", sql`${t.dueOn} is null or ${t.dueOn} >= ${t.madeOn}`),
    check("court_orders_time_needs_date", sql`${t.dueAt} is null or ${t.dueOn} is not null`),
  ],
);

export type Hearing = typeof hearings.$inferSelect;
export type CourtOrder = typeof courtOrders.$inferSelect;
