// Hearings and orders of a court proceeding, and what the legal team decided about the time limits
// a proceeding's decision starts (court clocks). An order's deadline can carry a time of day, as
// the Epping order did ("by 16:00 on 12 September 2025").
//
// README, Decision 24: Court orders keep their time of day. An order's deadline is a calendar date
// plus an optional London time (`time` column), because orders say "by 16:00 on 12 September 2025";
// hearings likewise. Orders and hearings appear on the dashboard only while their case is not
// concluded, so a set-aside order of a finished case does not sit there as overdue for ever.
//
// README, Decision 46 (app/lib/order-status.ts): an order's status, the date it changed and the
// proceeding whose decision changed it. The database refuses a changed status without a date, a
// date before the order was made, and a proceeding of another council; the domain function
// (orders.server.ts) also refuses a proceeding of another case, which no constraint here can see.
import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { courtClockDecisions as courtClockDecisionValues, courtClocks } from "../../app/lib/court-clocks";
import { orderStatuses } from "../../app/lib/legal-codes";
import { createdAt, id, updatedAt, version } from "./columns";
import { proceedings } from "./legal";
import { tenantId } from "./tenant";
import { users } from "./users";

export const orderStatus = pgEnum("order_status", orderStatuses);
export const courtClock = pgEnum("court_clock", courtClocks);
export const courtClockDecision = pgEnum("court_clock_decision", courtClockDecisionValues);

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
    status: orderStatus("status").notNull().default("in_force"),
    /** When the status last changed; required unless the order is in force as made. */
    statusOn: date("status_on"),
    /** The proceeding (of the same case) whose decision changed the status, when one did. */
    statusByProceedingId: uuid("status_by_proceeding_id"),
    statusNote: text("status_note"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index("court_orders_tenant_id_idx").on(t.tenantId, t.dueOn),
    index("court_orders_proceeding_idx").on(t.proceedingId),
    check("court_orders_due_after_made", sql`${t.dueOn} is null or ${t.dueOn} >= ${t.madeOn}`),
    check("court_orders_time_needs_date", sql`${t.dueAt} is null or ${t.dueOn} is not null`),
    check("court_orders_status_needs_date", sql`${t.status} = 'in_force' or ${t.statusOn} is not null`),
    check("court_orders_status_after_made", sql`${t.statusOn} is null or ${t.statusOn} >= ${t.madeOn}`),
    // With the tenant in the key, a proceeding of another council cannot be named.
    foreignKey({
      name: "court_orders_status_by_proceeding_fk",
      columns: [t.tenantId, t.statusByProceedingId],
      foreignColumns: [proceedings.tenantId, proceedings.id],
    }),
  ],
);

/**
 * A court clock the legal team confirmed or dismissed (app/lib/court-clocks.ts says which clocks a
 * decision starts; app/server/council/legal/court-clocks.server.ts writes these, audited). One row
 * per proceeding and clock, with who decided and when. It stands only while the clock still runs
 * from `from_on`, the day it ran from when decided: a corrected decision date makes the clock a
 * suggestion again. A confirmed clock may carry the last day the court directed instead of the
 * rule's; the rule's own date is never stored (README, Decision 15).
 */
export const courtClockDecisions = pgTable(
  "court_clock_decisions",
  {
    id: id(),
    tenantId: tenantId(),
    proceedingId: uuid("proceeding_id").notNull(),
    clock: courtClock("clock").notNull(),
    decision: courtClockDecision("decision").notNull(),
    fromOn: date("from_on").notNull(),
    directedDueOn: date("directed_due_on"),
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("court_clock_decisions_tenant_id_idx").on(t.tenantId),
    uniqueIndex("court_clock_decisions_key").on(t.tenantId, t.proceedingId, t.clock),
    // With the tenant in the key, a proceeding of another council cannot be named.
    foreignKey({
      name: "court_clock_decisions_proceeding_fk",
      columns: [t.tenantId, t.proceedingId],
      foreignColumns: [proceedings.tenantId, proceedings.id],
    }).onDelete("cascade"),
    check(
      "court_clock_decisions_directed_when_confirmed",
      sql`${t.directedDueOn} is null or ${t.decision} = 'confirmed'`,
    ),
    check(
      "court_clock_decisions_directed_after_from",
      sql`${t.directedDueOn} is null or ${t.directedDueOn} >= ${t.fromOn}`,
    ),
  ],
);

export type Hearing = typeof hearings.$inferSelect;
export type CourtOrder = typeof courtOrders.$inferSelect;
