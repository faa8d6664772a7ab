// Complaints: as createComplaint takes them, or written straight into the database with the
// complainant's contact details.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { ComplaintInput } from "../../../app/lib/schemas/complaint";
import { getDb } from "../../../db/client";
import { type Council, complainantContacts, complaints } from "../../../db/schema";

const suffix = () => randomBytes(3).toString("hex").toUpperCase();

/** A complaint as createComplaint takes it: an email about a planning breach, no site, no contact details. */
export function complaintInput(overrides: Partial<ComplaintInput> = {}): ComplaintInput {
  return {
    receivedOn: "2025-08-19",
    channel: "email",
    category: "planning_breach",
    summary: "A complaint",
    details: null,
    siteId: null,
    contactName: null,
    contactEmail: null,
    contactPhone: null,
    contactAddress: null,
    ...overrides,
  };
}

/** A complaint written straight into the database (received by email on 1 August 2025 unless given). */
export async function insertComplaint(
  council: Council,
  values: Omit<Partial<typeof complaints.$inferInsert>, "tenantId"> = {},
) {
  const [complaint] = await getDb()
    .insert(complaints)
    .values({
      tenantId: council.id,
      reference: `${council.referencePrefix}-C-${suffix()}`,
      receivedOn: "2025-08-01",
      channel: "email",
      category: "planning_breach",
      summary: "A complaint",
      ...values,
    })
    .returning({ id: complaints.id, reference: complaints.reference });
  if (!complaint) throw new Error("complaint not created");
  return complaint;
}

/** The complainant's contact details for a complaint, written straight into the database. */
export async function insertComplainantContact(
  council: Council,
  complaintId: string,
  values: Omit<Partial<typeof complainantContacts.$inferInsert>, "tenantId" | "complaintId">,
) {
  await getDb()
    .insert(complainantContacts)
    .values({ tenantId: council.id, complaintId, ...values });
}

/** The id of the council's complaint with this reference. */
export async function complaintIdOf(council: Council, reference: string): Promise<string> {
  const [complaint] = await getDb()
    .select({ id: complaints.id })
    .from(complaints)
    .where(and(eq(complaints.tenantId, council.id), eq(complaints.reference, reference)));
  if (!complaint) throw new Error(`no complaint ${reference}`);
  return complaint.id;
}
