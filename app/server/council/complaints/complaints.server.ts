// Complaints about sites: log, edit, change status or close (with a reason), mark as a duplicate,
// link to enforcement, delete, read one, list with filters. The complainant's contact details are
// saved and read through complainant-contacts.server.ts (personal data: only officers and council
// admins may read them); the CSV files are complaints-csv.server.ts, with this list's filter.
import { and, asc, count, desc, eq, ilike, inArray, notInArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  CLOSING_STATUSES,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintStatus,
} from "~/lib/complaint-codes";
import { todayInLondon } from "~/lib/dates";
import type { ComplaintInput, ComplaintLinkInput, ComplaintStatusInput } from "~/lib/schemas/complaint";
import { complaintFacts } from "~/lib/timeline-facts";
import type { Transaction } from "~db/client";
import { auditEvents, complaints, documents, planningRecords, sites, users } from "~db/schema";
import { can } from "../../access/permissions.server";
import { ChangeRefused, FieldRefused } from "../../access/refusals.server";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";
import { nextReference } from "../references.server";
import { removeTimelineFacts, syncTimeline } from "../timeline/timeline.server";
import { assertCurrent, deleteVersioned, updateVersioned } from "../versioned-update.server";
import { assertMay, contactOfComplaint, hasContact, saveContact, splitInput } from "./complainant-contacts.server";

/** What the stale message calls a complaint, and its audit entries' entity type. */
const COMPLAINT = { what: "complaint", entityType: "complaint" } as const;

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
    assertCurrent(before, version, COMPLAINT.what);
    await assertSiteOfCouncil(tx, scope, fields.siteId);
    const unlink = before.siteId !== fields.siteId && before.planningRecordId !== null;
    const after = await updateVersioned(
      tx,
      scope,
      complaints,
      { ...COMPLAINT, before, version, action: "complaint.updated" },
      {
        ...fields,
        ...(unlink
          ? {
              planningRecordId: null,
              status: before.status === "linked_to_enforcement" ? ("under_review" as const) : before.status,
            }
          : {}),
      },
    );
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
    assertCurrent(before, input.version, COMPLAINT.what);
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
    const after = await updateVersioned(
      tx,
      scope,
      complaints,
      {
        ...COMPLAINT,
        before,
        version: input.version,
        action: !closing
          ? "complaint.status_changed"
          : duplicateOfId
            ? "complaint.marked_duplicate"
            : "complaint.closed",
      },
      {
        status: input.status,
        closeReason: closing ? input.closeReason : null,
        closeReasonOther: closing && input.closeReason === "other" ? input.closeReasonOther : null,
        duplicateOfId,
        closedByUserId: closing ? scope.userId : null,
        closedAt: closing ? new Date() : null,
      },
    );
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
    assertCurrent(before, input.version, COMPLAINT.what);
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
    await updateVersioned(
      tx,
      scope,
      complaints,
      { ...COMPLAINT, before, version: input.version, action: "complaint.linked" },
      {
        planningRecordId: record.id,
        status: "linked_to_enforcement",
        closeReason: null,
        closeReasonOther: null,
        duplicateOfId: null,
        closedByUserId: null,
        closedAt: null,
      },
    );
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
    assertCurrent(before, version, COMPLAINT.what);
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
    await deleteVersioned(tx, scope, complaints, { ...COMPLAINT, before, version, action: "complaint.deleted" });
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
      canSeeContact ? contactOfComplaint(tx, scope, complaint.id) : Promise.resolve([]),
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

/** The list's filter as a condition (the CSV files use it too). */
export function complaintConditions(scope: TenantScope, filter: ComplaintFilter): SQL | undefined {
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

/** A complaint's site, of this council only. */
export function complaintSiteJoin(scope: TenantScope) {
  return and(eq(sites.id, complaints.siteId), eq(sites.tenantId, scope.tenantId));
}

/** What the list shows of a complaint (the CSV files show these and more). */
export const COMPLAINT_LIST_COLUMNS = {
  reference: complaints.reference,
  receivedOn: complaints.receivedOn,
  summary: complaints.summary,
  status: complaints.status,
  category: complaints.category,
  channel: complaints.channel,
  siteReference: sites.reference,
  siteName: sites.name,
};

/** Newest received first, in the list and the CSV files. */
export const COMPLAINT_LIST_ORDER = [desc(complaints.receivedOn), desc(complaints.reference)];

/** One page of complaints, newest received first, and the total (two queries in all). */
export async function listComplaints(scope: TenantScope, filter: ComplaintFilter) {
  const page = filter.page ?? 1;
  return withTenant(scope, async (tx) => {
    const where = complaintConditions(scope, filter);
    const [rows, [total]] = await Promise.all([
      tx
        .select(COMPLAINT_LIST_COLUMNS)
        .from(complaints)
        .leftJoin(sites, complaintSiteJoin(scope))
        .where(where)
        .orderBy(...COMPLAINT_LIST_ORDER)
        .limit(COMPLAINT_PAGE_SIZE)
        .offset((page - 1) * COMPLAINT_PAGE_SIZE),
      tx.select({ value: count() }).from(complaints).leftJoin(sites, complaintSiteJoin(scope)).where(where),
    ]);
    return { complaints: rows, total: total?.value ?? 0 };
  });
}
