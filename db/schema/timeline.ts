// The stored timeline: one row per dated event, written by the domain functions when records
// change (so history survives later edits) or added by an officer by hand. A site's timeline is
// its rows; a case's timeline is its rows plus its site's rows that belong to no case.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  text,
  time,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { timelineKinds, visibilities } from "../../app/lib/timeline-codes";
import { createdAt, id, updatedAt, version } from "./columns";
import { precisionOf } from "./date-precision";
import { documents } from "./documents";
import { legalCases } from "./legal";
import { sites } from "./sites";
import { tenantId } from "./tenant";
import { users } from "./users";

export const timelineKind = pgEnum("timeline_kind", timelineKinds);
export const visibility = pgEnum("visibility", visibilities);

export const timelineEvents = pgTable(
  "timeline_events",
  {
    id: id(),
    tenantId: tenantId(),
    siteId: uuid("site_id").references(() => sites.id, { onDelete: "cascade" }),
    legalCaseId: uuid("legal_case_id").references(() => legalCases.id, { onDelete: "cascade" }),
    occurredOn: date("occurred_on").notNull(),
    occurredOnPrecision: precisionOf("occurred_on"),
    /** London time of day, when the event has one (a hearing, an order's deadline). */
    occurredAt: time("occurred_at"),
    kind: timelineKind("kind").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    sourceUrl: text("source_url"),
    visibility: visibility("visibility").notNull().default("internal"),
    privileged: boolean("privileged").notNull().default(false),
    /**
     * A deadline that is no longer due (its court order set aside, stayed, discharged, expired or
     * complied with): pages strike its date through, and its title says why (README, Decision 46).
     */
    noLongerDue: boolean("no_longer_due").notNull().default(false),
    /** The record the event comes from (null for an event added by hand). */
    subjectType: text("subject_type"),
    subjectId: uuid("subject_id"),
    /** Where the record is shown, relative to the council ("sites/EF-S-0001/records/…"). */
    recordPath: text("record_path"),
    /** Which dated fact of the record this is ("issued", "decided", …); null for appended history. */
    fact: text("fact"),
    documentId: uuid("document_id").references(() => documents.id, { onDelete: "set null" }),
    /** Insertion order: keeps events of the same day in a stable order. */
    sequence: bigint("sequence", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index("timeline_events_site_idx").on(t.tenantId, t.siteId, t.occurredOn),
    index("timeline_events_case_idx").on(t.tenantId, t.legalCaseId, t.occurredOn),
    uniqueIndex("timeline_events_fact_key").on(t.tenantId, t.subjectType, t.subjectId, t.fact),
    check("timeline_events_has_home", sql`${t.siteId} is not null or ${t.legalCaseId} is not null`),
    check("timeline_events_privileged_internal", sql`not (${t.privileged} and ${t.visibility} = 'public')`),
    check("timeline_events_complaints_internal", sql`not (${t.kind} = 'complaint' and ${t.visibility} = 'public')`),
    check("timeline_events_subject_pair", sql`(${t.subjectType} is null) = (${t.subjectId} is null)`),
  ],
);

export type TimelineEvent = typeof timelineEvents.$inferSelect;
