// Uploaded documents (judgments, notices, witness statements, photographs). The bytes live in
// file storage; this row holds what they are, who uploaded them, their SHA-256 and the flags.
// Privileged documents are hidden from viewers by row-level security as well as by the code.
import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { documentKinds } from "../../app/lib/timeline-codes";
import { id } from "./columns";
import { complaints } from "./complaints";
import { legalCases, proceedings } from "./legal";
import { planningRecords } from "./planning";
import { sites } from "./sites";
import { tenantId } from "./tenant";
import { users } from "./users";

export const documentKind = pgEnum("document_kind", documentKinds);

export const documents = pgTable(
  "documents",
  {
    id: id(),
    tenantId: tenantId(),
    /** Exactly one of the next five says what the document is attached to. */
    legalCaseId: uuid("legal_case_id").references(() => legalCases.id, { onDelete: "restrict" }),
    proceedingId: uuid("proceeding_id").references(() => proceedings.id, { onDelete: "restrict" }),
    siteId: uuid("site_id").references(() => sites.id, { onDelete: "restrict" }),
    planningRecordId: uuid("planning_record_id").references(() => planningRecords.id, { onDelete: "restrict" }),
    complaintId: uuid("complaint_id").references(() => complaints.id, { onDelete: "restrict" }),
    kind: documentKind("kind").notNull(),
    title: text("title").notNull(),
    /** The date the document bears (a judgment's date, a letter's date), for the chronology. */
    documentDate: date("document_date"),
    fileName: text("file_name").notNull(),
    /** Detected from the file's bytes, never taken from the browser. */
    contentType: text("content_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    privileged: boolean("privileged").notNull().default(false),
    publishable: boolean("publishable").notNull().default(false),
    uploadedByUserId: uuid("uploaded_by_user_id").references(() => users.id, { onDelete: "set null" }),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("documents_tenant_id_idx").on(t.tenantId, t.uploadedAt),
    index("documents_legal_case_idx").on(t.legalCaseId),
    index("documents_proceeding_idx").on(t.proceedingId),
    index("documents_site_idx").on(t.siteId),
    index("documents_planning_record_idx").on(t.planningRecordId),
    index("documents_complaint_idx").on(t.complaintId),
    check(
      "documents_one_parent",
      sql`num_nonnulls(${t.legalCaseId}, ${t.proceedingId}, ${t.siteId}, ${t.planningRecordId}, ${t.complaintId}) = 1`,
    ),
    check("documents_privileged_not_publishable", sql`not (${t.privileged} and ${t.publishable})`),
    check("documents_sha256_hex", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check("documents_size_positive", sql`${t.sizeBytes} > 0`),
  ],
);

export type StoredDocument = typeof documents.$inferSelect;
