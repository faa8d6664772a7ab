// People who sign in, their council memberships and roles, and their sessions.
import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { type Role, roles } from "../../app/lib/roles";
import { createdAt, id, updatedAt, version } from "./columns";
import { councils } from "./councils";

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    isPlatformAdmin: boolean("is_platform_admin").notNull().default(false),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`)],
);

export { roles };
export const role = pgEnum("role", roles);

export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => councils.id, { onDelete: "restrict" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: role("role").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("memberships_tenant_user_key").on(t.tenantId, t.userId),
    index("memberships_tenant_id_idx").on(t.tenantId),
    index("memberships_user_id_idx").on(t.userId),
  ],
);

/** Lucia's session table: the id is the opaque token held in the cookie. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

/**
 * One row per sign-in attempt, read to throttle guessing per account and per address. The row is
 * written (reserved) before the password is checked; `succeeded` is null until it has been, and
 * counts as a failure meanwhile (app/server/access/sign-in-throttle.server.ts).
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: id(),
    emailKey: text("email_key").notNull(),
    clientAddress: text("client_address").notNull(),
    succeeded: boolean("succeeded"),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.emailKey, t.attemptedAt),
    index("sign_in_attempts_address_idx").on(t.clientAddress, t.attemptedAt),
  ],
);

export type User = typeof users.$inferSelect;
export type { Role };
export type Membership = typeof memberships.$inferSelect;
