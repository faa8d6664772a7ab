// Complaints about sites: log, edit, change status or close (with a reason), mark as a duplicate,
// link to enforcement, delete, read one, list with filters, export. The complainant's contact
// details live in their own table that only officers and council admins may read, and their values
// never reach the audit trail (only the names of the fields that changed).
import { and, asc, count, desc, eq, ilike, inArray, notInArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  CLOSE_REASON_LABELS,
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_STATUS_LABELS,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintStatus,
} from "~/lib/complaint-codes";
import { todayInLondon, workingDaysBetween } from "~/lib/dates";
import { PLANNING_KIND_LABELS } from "~/lib/planning-codes";
import {
  CLOSING_STATUSES,
  type ComplaintInput,
  type ComplaintLinkInput,
  type ComplaintStatusInput,
} from "~/lib/schemas/complaint";
import { complaintFacts } from "~/lib/timeline-facts";
import type { Transaction } from "~db/client";
import { auditEvents, complainantContacts, complaints, documents, planningRecords, sites, users } from "~db/schema";
import { can, NotPermitted } from "../../access/permissions.server";
import { ChangeRefused, FieldRefused, staleMessage } from "../../access/refusals.server";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";
import { nextReference } from "../references.server";
import { removeTimelineFacts, syncTimeline } from "../timeline/timeline.server";

const CONTACT_FIELDS = ["name", "email", "phone", "address"] as const;
type ContactField = (typeof CONTACT_FIELDS)[number];
export type ComplainantContactDetails = Record<ContactField, string | null>;

function splitInput(input: ComplaintInput) {
  const { contactName, contactEmail, contactPhone, contactAddress, ...complaint } = input;
  const contact: ComplainantContactDetails = {
    name: contactName,
    email: contactEmail,
    phone: contactPhone,
    address: contactAddress,
  };
  return { complaint, contact };
}

/** The names of the contact fields whose values differ; never the values themselves. */
function changedContactFields(
  before: Partial<ComplainantContactDetails> | undefined,
  after: Partial<ComplainantContactDetails>,
): ContactField[] {
  return CONTACT_FIELDS.filter((field) => (before?.[field] ?? null) !== (after[field] ?? null));
}

function hasContact(contact: ComplainantContactDetails): boolean {
  return CONTACT_FIELDS.some((field) => contact[field] !== null);
}

/** Complaints are changed only by officers and council admins (the routes return 403 first). */
function assertMay(scope: TenantScope, permission: "complaint:write" | "complaint-contact:read") {
  if (!can(scope.role, permission)) {
    throw new NotPermitted(
      permission,
      "Only officers and council admins can change complaints or see complainants' details.",
    );
  }
}

/** A site chosen in the form must be one of this council's. */
async function assertSiteOfCouncil(tx: Transaction, scope: TenantScope, siteId: string | null) {
  if (!siteId) return;
  const [site] = await tx
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.tenantId, scope.tenantId), eq(sites.id, siteId)))
    .limit(1);
  if (!site) throw new FieldRefused("siteId", "Choose a site from the list, or 'Not linked to a site'");
}

/** The complaint with this reference in this council, locked until the transaction ends. */
async function findComplaint(tx: Transaction, scope: TenantScope, reference: string) {
  const [complaint] = await tx
    .select()
    .from(complaints)
    .where(and(eq(complaints.tenantId, scope.tenantId), eq(complaints.reference, reference)))
    .limit(1)
    .for("update");
  return complaint;
}

/** Inserts, updates or deletes the complaint's contact row; audits only which fields changed. */
async function saveContact(
  tx: Transaction,
  scope: TenantScope,
  complaintId: string,
  contact: ComplainantContactDetails,
) {
  const [existing] = await tx
    .select()
    .from(complainantContacts)
    .where(and(eq(complainantContacts.tenantId, scope.tenantId), eq(complainantContacts.complaintId, complaintId)))
    .limit(1);
  const changedFields = changedContactFields(existing, contact);
  if (changedFields.length === 0) return;
  const audit = (action: string, entityId: string) =>
    recordAudit(tx, scope, {
      action,
      entityType: "complainant_contact",
      entityId,
      before: existing ? { complaintId } : null,
      after: { complaintId, changedFields },
    });
  if (!existing) {
    const [created] = await tx
      .insert(complainantContacts)
      .values({ ...contact, tenantId: scope.tenantId, complaintId })
      .returning({ id: complainantContacts.id });
    if (!created) throw new Error("The complainant's details were not saved.");
    await audit("complainant_contact.created", created.id);
  } else if (!hasContact(contact)) {
    await tx
      .delete(complainantContacts)
      .where(and(eq(complainantContacts.tenantId, scope.tenantId), eq(complainantContacts.id, existing.id)));
    await audit("complainant_contact.deleted", existing.id);
  } else {
    await tx
      .update(complainantContacts)
      .set({ ...contact, version: existing.version + 1, updatedAt: new Date() })
      .where(and(eq(complainantContacts.tenantId, scope.tenantId), eq(complainantContacts.id, existing.id)));
    await audit("complainant_contact.updated", existing.id);
  }
}

/** A complaint's events belong to its site's timeline; a complaint about no site has none. */
async function syncComplaintTimeline(tx: Transaction, scope: TenantScope, complaint: typeof complaints.$inferSelect) {
  const facts = complaint.siteId
    ? complaintFacts({ ...complaint, closedOn: complaint.closedAt ? todayInLondon(complaint.closedAt) : null })
    : [];
  await syncTimeline(
    tx,
    scope,
    {
      type: "complaint",
      id: complaint.id,
      siteId: complaint.siteId,
      legalCaseId: null,
      path: `complaints/${complaint.reference}`,
    },
    facts,
  );
}

/** Logs a complaint and returns its reference (EF-C-0001). */
export async function createComplaint(scope: TenantScope, input: ComplaintInput): Promise<string> {
  assertMay(scope, "complaint:write");
  const { complaint: fields, contact } = splitInput(input);
  return withTenant(scope, async (tx) => {
    await assertSiteOfCouncil(tx, scope, fields.siteId);
    const reference = await nextReference(tx, scope, "C");
    const [complaint] = await tx
      .insert(complaints)
      .values({ ...fields, tenantId: scope.tenantId, reference })
      .returning();
    if (!complaint) throw new Error("The complaint was not saved.");
    await recordAudit(tx, scope, {
      action: "complaint.created",
      entityType: "complaint",
      entityId: complaint.id,
      after: complaint,
    });
    if (hasContact(contact)) await saveContact(tx, scope, complaint.id, contact);
    await syncComplaintTimeline(tx, scope, complaint);
    return reference;
  });
}

/**
 * Changes what was recorded about a complaint and its complainant. Returns false when there is no
 * such complaint in this council. Moving it to another site removes its link to the old site's
 * planning record (and a "linked to enforcement" complaint goes back to "under review").
 */
export async function updateComplaint(
  scope: TenantScope,
  reference: string,
  input: ComplaintInput & { version: number },
): Promise<boolean> {
  assertMay(scope, "complaint:write");
  const { version, ...rest } = input;
  const { complaint: fields, contact } = splitInput(rest);
  return withTenant(scope, async (tx) => {
    const before = await findComplaint(tx, scope, reference);
    if (!before) return false;
    if (before.version !== version) throw new ChangeRefused(staleMessage("complaint"));
    await assertSiteOfCouncil(tx, scope, fields.siteId);
    const unlink = before.siteId !== fields.siteId && before.planningRecordId !== null;
    const [after] = await tx
      .update(complaints)
      .set({
        ...fields,
        ...(unlink
          ? {
              planningRecordId: null,
              status: before.status === "linked_to_enforcement" ? ("under_review" as const) : before.status,
            }
          : {}),
        version: version + 1,
        updatedAt: new Date(),
      })
      .where(
        and(eq(complaints.tenantId, scope.tenantId), eq(complaints.id, before.id), eq(complaints.version, version)),
      )
      .returning();
    if (!after) throw new ChangeRefused(staleMessage("complaint"));
    await recordAudit(tx, scope, {
      action: "complaint.updated",
      entityType: "complaint",
      entityId: after.id,
      before,
      after,
    });
    await saveContact(tx, scope, after.id, contact);
    await syncComplaintTimeline(tx, scope, after);
    return true;
  });
}

/**
 * Sets a complaint's status. Closing (closed, or no further action) records the reason, who closed
 * it and when; a "duplicate" reason names another complaint of the same council by reference.
 * Reopening (new, under review) clears all of that. Returns false when there is no such complaint
 * in this council; refuses a duplicate reference that is not one of this council's complaints.
 */
export async function changeComplaintStatus(
  scope: TenantScope,
  reference: string,
  input: ComplaintStatusInput & { version: number },
): Promise<boolean> {
  assertMay(scope, "complaint:write");
  return withTenant(scope, async (tx) => {
    const before = await findComplaint(tx, scope, reference);
    if (!before) return false;
    if (before.version !== input.version) throw new ChangeRefused(staleMessage("complaint"));
    const closing = CLOSING_STATUSES.includes(input.status);
    let duplicateOfId: string | null = null;
    if (closing && input.closeReason === "duplicate") {
      const duplicateOf = input.duplicateOfReference ?? "";
      if (duplicateOf === before.reference) {
        throw new FieldRefused(
          "duplicateOfReference",
          "A complaint cannot be a duplicate of itself. Enter the reference of the other complaint",
        );
      }
      const [original] = await tx
        .select({ id: complaints.id, duplicateOfId: complaints.duplicateOfId })
        .from(complaints)
        .where(and(eq(complaints.tenantId, scope.tenantId), eq(complaints.reference, duplicateOf)))
        .limit(1);
      if (!original) {
        throw new FieldRefused(
          "duplicateOfReference",
          `No complaint in this council has the reference ${duplicateOf}. Check the reference, like EF-C-0001`,
        );
      }
      if (original.duplicateOfId === before.id) {
        throw new FieldRefused(
          "duplicateOfReference",
          `${duplicateOf} is already marked as a duplicate of this complaint. Enter the reference of the original complaint`,
        );
      }
      duplicateOfId = original.id;
    }
    const [after] = await tx
      .update(complaints)
      .set({
        status: input.status,
        closeReason: closing ? input.closeReason : null,
        closeReasonOther: closing && input.closeReason === "other" ? input.closeReasonOther : null,
        duplicateOfId,
        closedByUserId: closing ? scope.userId : null,
        closedAt: closing ? new Date() : null,
        version: input.version + 1,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(complaints.tenantId, scope.tenantId),
          eq(complaints.id, before.id),
          eq(complaints.version, input.version),
        ),
      )
      .returning();
    if (!after) throw new ChangeRefused(staleMessage("complaint"));
    await recordAudit(tx, scope, {
      action: !closing ? "complaint.status_changed" : duplicateOfId ? "complaint.marked_duplicate" : "complaint.closed",
      entityType: "complaint",
      entityId: after.id,
      before,
      after,
    });
    await syncComplaintTimeline(tx, scope, after);
    return true;
  });
}

/** Closes a complaint with a reason (or marks it as no further action). */
export async function closeComplaint(
  scope: TenantScope,
  reference: string,
  input: Omit<ComplaintStatusInput, "status"> & { status?: "closed" | "no_further_action"; version: number },
): Promise<boolean> {
  return changeComplaintStatus(scope, reference, { ...input, status: input.status ?? "closed" });
}

/**
 * Links a complaint to a planning or enforcement record of its site and sets its status to
 * "linked to enforcement". Returns false when there is no such complaint in this council; refuses a
 * record that is not of the complaint's site in this council.
 */
export async function linkComplaintToPlanningRecord(
  scope: TenantScope,
  reference: string,
  input: ComplaintLinkInput & { version: number },
): Promise<boolean> {
  assertMay(scope, "complaint:write");
  return withTenant(scope, async (tx) => {
    const before = await findComplaint(tx, scope, reference);
    if (!before) return false;
    if (before.version !== input.version) throw new ChangeRefused(staleMessage("complaint"));
    if (!before.siteId) {
      throw new FieldRefused(
        "planningRecordId",
        "Link the complaint to a site before linking it to a planning or enforcement record",
      );
    }
    const [record] = await tx
      .select({ id: planningRecords.id })
      .from(planningRecords)
      .where(
        and(
          eq(planningRecords.tenantId, scope.tenantId),
          eq(planningRecords.id, input.planningRecordId),
          eq(planningRecords.siteId, before.siteId),
        ),
      )
      .limit(1);
    if (!record) {
      throw new FieldRefused("planningRecordId", "Choose a planning or enforcement record of this complaint's site");
    }
    const [after] = await tx
      .update(complaints)
      .set({
        planningRecordId: record.id,
        status: "linked_to_enforcement",
        closeReason: null,
        closeReasonOther: null,
        duplicateOfId: null,
        closedByUserId: null,
        closedAt: null,
        version: input.version + 1,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(complaints.tenantId, scope.tenantId),
          eq(complaints.id, before.id),
          eq(complaints.version, input.version),
        ),
      )
      .returning();
    if (!after) throw new ChangeRefused(staleMessage("complaint"));
    await recordAudit(tx, scope, {
      action: "complaint.linked",
      entityType: "complaint",
      entityId: after.id,
      before,
      after,
    });
    return true;
  });
}

/**
 * Deletes a complaint logged by mistake, with its complainant's details. Refused while another
 * complaint is marked as a duplicate of it. Returns false when there is no such complaint here.
 */
export async function deleteComplaint(scope: TenantScope, reference: string, version: number): Promise<boolean> {
  assertMay(scope, "complaint:write");
  return withTenant(scope, async (tx) => {
    const before = await findComplaint(tx, scope, reference);
    if (!before) return false;
    if (before.version !== version) throw new ChangeRefused(staleMessage("complaint"));
    const duplicates = await tx
      .select({ reference: complaints.reference })
      .from(complaints)
      .where(and(eq(complaints.tenantId, scope.tenantId), eq(complaints.duplicateOfId, before.id)))
      .orderBy(asc(complaints.reference));
    if (duplicates.length > 0) {
      throw new ChangeRefused(
        `${duplicates.map((row) => row.reference).join(", ")} ${duplicates.length === 1 ? "is" : "are"} marked as a duplicate of this complaint. Change ${duplicates.length === 1 ? "that complaint" : "those complaints"} first.`,
      );
    }
    const [attached] = await tx
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.tenantId, scope.tenantId), eq(documents.complaintId, before.id)))
      .limit(1);
    if (attached)
      throw new ChangeRefused("This complaint has documents attached, so it cannot be deleted. Close it instead.");
    await saveContact(tx, scope, before.id, { name: null, email: null, phone: null, address: null });
    await removeTimelineFacts(tx, scope, "complaint", before.id);
    const [deleted] = await tx
      .delete(complaints)
      .where(
        and(eq(complaints.tenantId, scope.tenantId), eq(complaints.id, before.id), eq(complaints.version, version)),
      )
      .returning({ id: complaints.id });
    if (!deleted) throw new ChangeRefused(staleMessage("complaint"));
    await recordAudit(tx, scope, { action: "complaint.deleted", entityType: "complaint", entityId: before.id, before });
    return true;
  });
}

const STATUS_ACTIONS = [
  "complaint.created",
  "complaint.status_changed",
  "complaint.closed",
  "complaint.marked_duplicate",
  "complaint.linked",
];

/**
 * A complaint with its site, the complaint it duplicates, who closed it, its planning record, the
 * records of its site it could be linked to, and its status history; the complainant's contact
 * details only for officers and council admins. Undefined when not in this council.
 */
export async function getComplaint(scope: TenantScope, reference: string) {
  const canSeeContact = can(scope.role, "complaint-contact:read");
  return withTenant(scope, async (tx) => {
    const duplicateOf = alias(complaints, "duplicate_of");
    const [row] = await tx
      .select({
        complaint: complaints,
        siteReference: sites.reference,
        siteName: sites.name,
        duplicateOfReference: duplicateOf.reference,
        closedByName: users.name,
        planningRecordKind: planningRecords.kind,
        planningRecordReference: planningRecords.reference,
        planningRecordStatus: planningRecords.status,
      })
      .from(complaints)
      .leftJoin(sites, and(eq(sites.id, complaints.siteId), eq(sites.tenantId, scope.tenantId)))
      .leftJoin(
        duplicateOf,
        and(eq(duplicateOf.id, complaints.duplicateOfId), eq(duplicateOf.tenantId, scope.tenantId)),
      )
      .leftJoin(users, eq(users.id, complaints.closedByUserId))
      .leftJoin(
        planningRecords,
        and(eq(planningRecords.id, complaints.planningRecordId), eq(planningRecords.tenantId, scope.tenantId)),
      )
      .where(and(eq(complaints.tenantId, scope.tenantId), eq(complaints.reference, reference)))
      .limit(1);
    if (!row) return undefined;
    const { complaint } = row;
    const [contacts, planningRecordChoices, duplicates, history] = await Promise.all([
      canSeeContact
        ? tx
            .select({
              name: complainantContacts.name,
              email: complainantContacts.email,
              phone: complainantContacts.phone,
              address: complainantContacts.address,
            })
            .from(complainantContacts)
            .where(
              and(eq(complainantContacts.tenantId, scope.tenantId), eq(complainantContacts.complaintId, complaint.id)),
            )
            .limit(1)
        : Promise.resolve([]),
      complaint.siteId
        ? tx
            .select({
              id: planningRecords.id,
              kind: planningRecords.kind,
              reference: planningRecords.reference,
              status: planningRecords.status,
            })
            .from(planningRecords)
            .where(and(eq(planningRecords.tenantId, scope.tenantId), eq(planningRecords.siteId, complaint.siteId)))
            .orderBy(asc(planningRecords.createdAt))
        : Promise.resolve([]),
      tx
        .select({ reference: complaints.reference })
        .from(complaints)
        .where(and(eq(complaints.tenantId, scope.tenantId), eq(complaints.duplicateOfId, complaint.id)))
        .orderBy(asc(complaints.reference)),
      tx
        .select({
          id: auditEvents.id,
          occurredAt: auditEvents.occurredAt,
          action: auditEvents.action,
          actorName: users.name,
          actorUserId: auditEvents.actorUserId,
          status: sql<ComplaintStatus | null>`${auditEvents.after}->>'status'`,
        })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorUserId))
        .where(
          and(
            eq(auditEvents.tenantId, scope.tenantId),
            eq(auditEvents.entityType, "complaint"),
            eq(auditEvents.entityId, complaint.id),
            inArray(auditEvents.action, STATUS_ACTIONS),
          ),
        )
        .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id)),
    ]);
    return {
      complaint,
      site: complaint.siteId && row.siteReference ? { reference: row.siteReference, name: row.siteName ?? "" } : null,
      duplicateOfReference: row.duplicateOfReference,
      closedByName: row.closedByName,
      planningRecord:
        complaint.planningRecordId && row.planningRecordKind
          ? {
              id: complaint.planningRecordId,
              kind: row.planningRecordKind,
              reference: row.planningRecordReference,
              status: row.planningRecordStatus,
            }
          : null,
      planningRecordChoices,
      duplicates: duplicates.map((duplicate) => duplicate.reference),
      history,
      /** Null for roles that may not see it, and when none was given. */
      contact: canSeeContact ? (contacts[0] ?? null) : null,
      canSeeContact,
    };
  });
}

export const COMPLAINT_PAGE_SIZE = 50;

export interface ComplaintFilter {
  /** A status, or "open": any status but closed and no further action. */
  status?: ComplaintStatus | "open";
  category?: ComplaintCategory;
  channel?: ComplaintChannel;
  siteId?: string;
  /** A site's reference (EF-S-0001). */
  site?: string;
  /** Part of a complaint's reference or summary. */
  search?: string;
  page?: number;
}

function complaintConditions(scope: TenantScope, filter: ComplaintFilter): SQL | undefined {
  const search = filter.search?.trim();
  const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return and(
    eq(complaints.tenantId, scope.tenantId),
    filter.status === "open"
      ? notInArray(complaints.status, [...CLOSING_STATUSES])
      : filter.status
        ? eq(complaints.status, filter.status)
        : undefined,
    filter.category ? eq(complaints.category, filter.category) : undefined,
    filter.channel ? eq(complaints.channel, filter.channel) : undefined,
    filter.siteId ? eq(complaints.siteId, filter.siteId) : undefined,
    filter.site ? eq(sites.reference, filter.site) : undefined,
    pattern ? or(ilike(complaints.reference, pattern), ilike(complaints.summary, pattern)) : undefined,
  );
}

function siteJoin(scope: TenantScope) {
  return and(eq(sites.id, complaints.siteId), eq(sites.tenantId, scope.tenantId));
}

const listColumns = {
  reference: complaints.reference,
  receivedOn: complaints.receivedOn,
  summary: complaints.summary,
  status: complaints.status,
  category: complaints.category,
  channel: complaints.channel,
  siteReference: sites.reference,
  siteName: sites.name,
};

const ORDER = [desc(complaints.receivedOn), desc(complaints.reference)];

/** One page of complaints, newest received first, and the total (two queries in all). */
export async function listComplaints(scope: TenantScope, filter: ComplaintFilter) {
  const page = filter.page ?? 1;
  return withTenant(scope, async (tx) => {
    const where = complaintConditions(scope, filter);
    const [rows, [total]] = await Promise.all([
      tx
        .select(listColumns)
        .from(complaints)
        .leftJoin(sites, siteJoin(scope))
        .where(where)
        .orderBy(...ORDER)
        .limit(COMPLAINT_PAGE_SIZE)
        .offset((page - 1) * COMPLAINT_PAGE_SIZE),
      tx.select({ value: count() }).from(complaints).leftJoin(sites, siteJoin(scope)).where(where),
    ]);
    return { complaints: rows, total: total?.value ?? 0 };
  });
}

/** Every complaint matching the filter with what the export shows, in list order (one query). */
function exportRows(tx: Transaction, scope: TenantScope, filter: ComplaintFilter) {
  const duplicateOf = alias(complaints, "duplicate_of");
  return tx
    .select({
      id: complaints.id,
      ...listColumns,
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
    .leftJoin(sites, siteJoin(scope))
    .leftJoin(duplicateOf, and(eq(duplicateOf.id, complaints.duplicateOfId), eq(duplicateOf.tenantId, scope.tenantId)))
    .leftJoin(users, eq(users.id, complaints.closedByUserId))
    .leftJoin(
      planningRecords,
      and(eq(planningRecords.id, complaints.planningRecordId), eq(planningRecords.tenantId, scope.tenantId)),
    )
    .where(complaintConditions(scope, filter))
    .orderBy(...ORDER);
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
      tx
        .select({
          complaintId: complainantContacts.complaintId,
          name: complainantContacts.name,
          email: complainantContacts.email,
          phone: complainantContacts.phone,
          address: complainantContacts.address,
        })
        .from(complainantContacts)
        .where(
          and(
            eq(complainantContacts.tenantId, scope.tenantId),
            inArray(
              complainantContacts.complaintId,
              tx
                .select({ id: complaints.id })
                .from(complaints)
                .leftJoin(sites, siteJoin(scope))
                .where(complaintConditions(scope, filter)),
            ),
          ),
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
