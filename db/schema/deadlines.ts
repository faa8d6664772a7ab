// Deadlines marked done, and the secret addresses of people's calendar feeds.
import { date, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { deadlineSources } from "../../app/lib/timeline-codes";
import { id } from "./columns";
import { tenantId } from "./tenant";
import { users } from "./users";

export const deadlineSource = pgEnum("deadline_source", deadlineSources);

/** A deadline someone marked done: which record and which of its deadlines, who and when. */
export const deadlineCompletions = pgTable(
  "deadline_completions",
  {
    id: id(),
    tenantId: tenantId(),
    sourceType: deadlineSource("source_type").notNull(),
    sourceId: uuid("source_id").notNull(),
    /** Which of the record's deadlines (a fixed key such as "response-due"); a record can have several. */
    deadlineKey: text("deadline_key").notNull(),
    /** The date it was due when marked done: a later change of date reopens it. */
    dueOn: date("due_on").notNull(),
    note: text("note"),
    doneByUserId: uuid("done_by_user_id").references(() => users.id, { onDelete: "set null" }),
    doneAt: timestamp("done_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("deadline_completions_tenant_id_idx").on(t.tenantId),
    uniqueIndex("deadline_completions_key").on(t.tenantId, t.sourceType, t.sourceId, t.deadlineKey),
  ],
);

/** One secret feed address per person and council; only its SHA-256 is stored. */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: id(),
    tenantId: tenantId(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("calendar_feeds_token_key").on(t.tokenHash),
    uniqueIndex("calendar_feeds_member_key").on(t.tenantId, t.userId),
  ],
);
