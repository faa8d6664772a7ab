// The complaints CSV files: every complaint matching the list's filter, in the list's order. Any
// member may download the one without contact details; the one with each complainant's contact
// details is for officers and council admins only (complaint-contact:read, checked here and in
// complainant-contacts.server.ts).
import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  CLOSE_REASON_LABELS,
  CLOSING_STATUSES,
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_STATUS_LABELS,
} from "~/lib/complaint-codes";
import { workingDaysBetween } from "~/lib/dates";
import { PLANNING_KIND_LABELS } from "~/lib/planning-codes";
import type { Transaction } from "~db/client";
import { complaints, planningRecords, sites, users } from "~db/schema";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { assertMay, contactsOfComplaints } from "./complainant-contacts.server";
import {
  COMPLAINT_LIST_COLUMNS,
  COMPLAINT_LIST_ORDER,
  type ComplaintFilter,
  complaintConditions,
  complaintSiteJoin,
} from "./complaints.server";

/** Every complaint matching the filter with what the export shows, in list order (one query). */
function exportRows(tx: Transaction, scope: TenantScope, filter: ComplaintFilter) {
  const duplicateOf = alias(complaints, "duplicate_of");
  return tx
    .select({
      id: complaints.id,
      ...COMPLAINT_LIST_COLUMNS,
      details: complaints.details,
      closeReason: complaints.closeReason,
      closeReasonOther: complaints.closeReasonOther,
      closedAt: complaints.closedAt,
      closedByName: users.name,
      duplicateOfReference: duplicateOf.reference,
      planningRecordKind: planningRecords.kind,
      planningRecordReference: planningRecords.reference,
      createdAt: complaints.createdAt,
      updatedAt: complaints.updatedAt,
    })
    .from(complaints)
    .leftJoin(sites, complaintSiteJoin(scope))
    .leftJoin(duplicateOf, and(eq(duplicateOf.id, complaints.duplicateOfId), eq(duplicateOf.tenantId, scope.tenantId)))
    .leftJoin(users, eq(users.id, complaints.closedByUserId))
    .leftJoin(
      planningRecords,
      and(eq(planningRecords.id, complaints.planningRecordId), eq(planningRecords.tenantId, scope.tenantId)),
    )
    .where(complaintConditions(scope, filter))
    .orderBy(...COMPLAINT_LIST_ORDER);
}

/** Every complaint matching the filter, for the CSV any member may download: no contact details. */
export async function exportComplaints(scope: TenantScope, filter: ComplaintFilter) {
  return withTenant(scope, async (tx) => {
    const rows = await exportRows(tx, scope, filter);
    return rows.map(({ id: _id, ...row }) => row);
  });
}

/** The same with each complainant's contact details, for officers and council admins only (two queries). */
export async function exportComplaintsWithContacts(scope: TenantScope, filter: ComplaintFilter) {
  assertMay(scope, "complaint-contact:read");
  return withTenant(scope, async (tx) => {
    const [rows, contacts] = await Promise.all([
      exportRows(tx, scope, filter),
      contactsOfComplaints(
        tx,
        scope,
        tx
          .select({ id: complaints.id })
          .from(complaints)
          .leftJoin(sites, complaintSiteJoin(scope))
          .where(complaintConditions(scope, filter)),
      ),
    ]);
    const byComplaint = new Map(contacts.map((contact) => [contact.complaintId, contact]));
    return rows.map(({ id, ...row }) => {
      const contact = byComplaint.get(id);
      return {
        ...row,
        contactName: contact?.name ?? null,
        contactEmail: contact?.email ?? null,
        contactPhone: contact?.phone ?? null,
        contactAddress: contact?.address ?? null,
      };
    });
  });
}

/** The columns of both complaint CSV files, in order (the contact columns follow in the officers' file). */
export const COMPLAINT_EXPORT_COLUMNS = [
  { key: "reference", header: "Reference" },
  { key: "receivedOn", header: "Received" },
  { key: "workingDaysSinceReceived", header: "Working days since received (open complaints)" },
  { key: "channel", header: "How it was received" },
  { key: "category", header: "What it is about" },
  { key: "summary", header: "Summary" },
  { key: "details", header: "Details" },
  { key: "siteReference", header: "Site reference" },
  { key: "siteName", header: "Site" },
  { key: "status", header: "Status" },
  { key: "closeReason", header: "Reason for closing" },
  { key: "duplicateOfReference", header: "Duplicate of" },
  { key: "closedAt", header: "Closed at" },
  { key: "closedByName", header: "Closed by" },
  { key: "planningRecord", header: "Planning or enforcement record" },
  { key: "createdAt", header: "Logged at" },
  { key: "updatedAt", header: "Last changed" },
];

export const CONTACT_EXPORT_COLUMNS = [
  { key: "contactName", header: "Complainant's name" },
  { key: "contactEmail", header: "Complainant's email address" },
  { key: "contactPhone", header: "Complainant's telephone number" },
  { key: "contactAddress", header: "Complainant's address" },
];

/** A complaint export row in words, as the CSV shows it. */
export function complaintExportRow<T extends Awaited<ReturnType<typeof exportComplaints>>[number]>(
  row: T,
  today: string,
) {
  return {
    ...row,
    workingDaysSinceReceived: CLOSING_STATUSES.includes(row.status) ? null : workingDaysBetween(row.receivedOn, today),
    channel: COMPLAINT_CHANNEL_LABELS[row.channel],
    category: COMPLAINT_CATEGORY_LABELS[row.category],
    status: COMPLAINT_STATUS_LABELS[row.status],
    closeReason:
      row.closeReason === "other"
        ? row.closeReasonOther
        : row.closeReason
          ? CLOSE_REASON_LABELS[row.closeReason]
          : null,
    planningRecord: row.planningRecordKind
      ? `${PLANNING_KIND_LABELS[row.planningRecordKind]}${row.planningRecordReference ? ` ${row.planningRecordReference}` : ""}`
      : null,
  };
}
