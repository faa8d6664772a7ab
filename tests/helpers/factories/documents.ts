// Records to attach documents to: one of each kind a document can belong to, for a council.
// (The files themselves, and the upload request, are in tests/helpers/files.ts.)
import type { DocumentParentRef } from "../../../app/lib/documents";
import type { Council } from "../../../db/schema";
import { insertComplaint } from "./complaints";
import { insertLegalCase, insertProceeding } from "./legal-cases";
import { insertPlanningRecord, insertSite } from "./sites";

/** A site, a legal case on it with one proceeding, a planning record and a complaint, for a council. */
export async function recordsToAttachTo(council: Council, prefix: string) {
  const site = await insertSite(council, { reference: `${prefix}-S-0001`, name: "Bell Hotel", status: "in_use" });
  const legalCase = await insertLegalCase(council, {
    siteId: site.id,
    reference: `${prefix}-L-0001`,
    title: "Council v Hotel Owner Ltd",
    legalBasis: "s187b_injunction",
    status: "issued",
  });
  const proceeding = {
    id: await insertProceeding(council, legalCase.id, {
      court: "high_court_kb",
      kind: "interim_injunction_application",
    }),
  };
  const planningRecord = {
    id: await insertPlanningRecord(council, site.id, { kind: "planning_contravention_notice", reference: "PCN/1" }),
  };
  const complaint = await insertComplaint(council, {
    reference: `${prefix}-C-0001`,
    receivedOn: "2025-08-01",
    channel: "email",
    category: "planning_breach",
    summary: "Use of the hotel",
    siteId: site.id,
  });
  const parents = {
    legalCase: { type: "legal_case", caseReference: legalCase.reference },
    proceeding: { type: "proceeding", caseReference: legalCase.reference, proceedingId: proceeding.id },
    site: { type: "site", siteReference: site.reference },
    planningRecord: { type: "planning_record", siteReference: site.reference, planningRecordId: planningRecord.id },
    complaint: { type: "complaint", complaintReference: complaint.reference },
  } satisfies Record<string, DocumentParentRef>;
  return { site, legalCase, proceeding, planningRecord, complaint, parents };
}

export type RecordsToAttachTo = Awaited<ReturnType<typeof recordsToAttachTo>>;
