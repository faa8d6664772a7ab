// Complaints about sites, and the complainant's contact details, kept in a table of their own
// that only the council's officers can read (row-level security checks the role too).
//
// README, Decision 17: Complainants' contact details live in their own table, readable by officers
// only. `complainant_contacts` has a row-level-security policy on the council *and* the role
// (`withTenant` sets `app.role`), so legal and viewer members cannot read it even through a query
// that forgets to check. Exports leave it out, except the officer-only contacts CSV. The audit
// trail records which contact fields changed, never their values.
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { closeReasons, complaintCategories, complaintChannels, complaintStatuses } from "../../app/lib/complaint-codes";
import { createdAt, id, updatedAt, version } from "./columns";
import { planningRecords } from "./planning";
import { sites } from "./sites";
import { tenantId } from "./tenant";
import { users } from "./users";

export const complaintChannel = pgEnum("complaint_channel", complaintChannels);
export const complaintCategory = pgEnum("complaint_category", complaintCategories);
export const complaintStatus = pgEnum("complaint_status", complaintStatuses);
export const closeReason = pgEnum("close_reason", closeReasons);

export const complaints = pgTable(
  "complaints",
  {
    id: id(),
    tenantId: tenantId(),
    reference: text("reference").notNull(),
    receivedOn: date("received_on").notNull(),
    channel: complaintChannel("channel").notNull(),
    category: complaintCategory("category").notNull(),
    summary: text("summary").notNull(),
    details: text("details"),
    siteId: uuid("site_id").references(() => sites.id, { onDelete: "set null" }),
    status: complaintStatus("status").notNull().default("new"),
    closeReason: closeReason("close_reason"),
    closeReasonOther: text("close_reason_other"),
    closedByUserId: uuid("closed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    duplicateOfId: uuid("duplicate_of_id").references((): AnyPgColumn => complaints.id, { onDelete: "set null" }),
    planningRecordId: uuid("planning_record_id").references(() => planningRecords.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("complaints_tenant_reference_key").on(t.tenantId, t.reference),
    index("complaints_tenant_id_idx").on(t.tenantId),
    index("complaints_tenant_status_idx").on(t.tenantId, t.status, t.receivedOn),
    index("complaints_site_idx").on(t.siteId),
    check("complaints_not_own_duplicate", sql`${t.duplicateOfId} is null or ${t.duplicateOfId} <> ${t.id}`),
  ],
);

export const complainantContacts = pgTable(
  "complainant_contacts",
  {
    id: id(),
    tenantId: tenantId(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    name: text("name"),
    email: text("email"),
    phone: text("phone"),
    address: text("address"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("complainant_contacts_complaint_key").on(t.complaintId),
    index("complainant_contacts_tenant_id_idx").on(t.tenantId),
  ],
);

export type Complaint = typeof complaints.$inferSelect;
export type ComplainantContact = typeof complainantContacts.$inferSelect;
