// A complainant's contact details: personal data, kept in their own table (README, Decision 17, in
// db/schema/complaints.ts) and written only with the complaint they belong to. Only roles with the
// `complaint-contact:read` permission (officers and council admins) may read them: every reader
// here checks it, behind the routes' guards and the table's row-level security. Their values never
// reach the audit trail, only the names of the fields that changed.
import { and, eq, inArray, type SQLWrapper } from "drizzle-orm";
import type { ComplaintInput } from "~/lib/schemas/complaint";
import type { Transaction } from "~db/client";
import { complainantContacts } from "~db/schema";
import { can, NotPermitted } from "../../access/permissions.server";
import type { TenantScope } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";

const CONTACT_FIELDS = ["name", "email", "phone", "address"] as const;
type ContactField = (typeof CONTACT_FIELDS)[number];
export type ComplainantContactDetails = Record<ContactField, string | null>;

/**
 * Complaints are changed, and complainants' details read, only by officers and council admins (the
 * routes return 403 first). Shared by the complaint modules, which all import this one.
 */
export function assertMay(scope: TenantScope, permission: "complaint:write" | "complaint-contact:read") {
  if (!can(scope.role, permission)) {
    throw new NotPermitted(
      permission,
      "Only officers and council admins can change complaints or see complainants' details.",
    );
  }
}

/** The complaint form's answers, split into the complaint's own and the complainant's contact details. */
export function splitInput(input: ComplaintInput) {
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

export function hasContact(contact: ComplainantContactDetails): boolean {
  return CONTACT_FIELDS.some((field) => contact[field] !== null);
}

/**
 * Inserts, updates or deletes the complaint's contact row (all fields empty: deleted); audits only
 * which fields changed. Called inside the complaint's own change, whose version guards this one.
 */
export async function saveContact(
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

/** One complaint's contact details (none recorded: an empty list); refused to roles that may not read them. */
export function contactOfComplaint(tx: Transaction, scope: TenantScope, complaintId: string) {
  assertMay(scope, "complaint-contact:read");
  return tx
    .select({
      name: complainantContacts.name,
      email: complainantContacts.email,
      phone: complainantContacts.phone,
      address: complainantContacts.address,
    })
    .from(complainantContacts)
    .where(and(eq(complainantContacts.tenantId, scope.tenantId), eq(complainantContacts.complaintId, complaintId)))
    .limit(1);
}

/**
 * The contact details of the complaints a query selects (`complaintIds`: a select of complaint
 * ids, one query in all); refused to roles that may not read them.
 */
export function contactsOfComplaints(tx: Transaction, scope: TenantScope, complaintIds: SQLWrapper) {
  assertMay(scope, "complaint-contact:read");
  return tx
    .select({
      complaintId: complainantContacts.complaintId,
      name: complainantContacts.name,
      email: complainantContacts.email,
      phone: complainantContacts.phone,
      address: complainantContacts.address,
    })
    .from(complainantContacts)
    .where(
      and(eq(complainantContacts.tenantId, scope.tenantId), inArray(complainantContacts.complaintId, complaintIds)),
    );
}
