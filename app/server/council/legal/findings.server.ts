// What a court found on each factor it weighed in a proceeding: add (or restate), remove, audited.
// README, Decision 48: a factor is stored with its direction (for the council, against, not present,
// noted, or not stated by the source) and a paragraph reference, never as a bare tag, so "flagrant
// breach" cannot be read as found when the court found the opposite.
import { and, eq } from "drizzle-orm";
import { isUuid } from "~/lib/ids";
import type { FindingInput } from "~/lib/schemas/legal-case";
import { proceedingFindings } from "~db/schema";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";
import { findCaseProceeding, syncProceedingTimeline } from "./proceedings.server";

/**
 * Records the court's finding on a factor of a proceeding of this council's case; a factor already
 * recorded for the proceeding is restated (one finding per factor). False when not found.
 */
export async function recordFinding(
  scope: TenantScope,
  caseReference: string,
  proceedingId: string,
  input: FindingInput,
): Promise<boolean> {
  return withTenant(scope, async (tx) => {
    const found = await findCaseProceeding(tx, scope, caseReference, proceedingId);
    if (!found) return false;
    const [before] = await tx
      .select()
      .from(proceedingFindings)
      .where(
        and(
          eq(proceedingFindings.tenantId, scope.tenantId),
          eq(proceedingFindings.proceedingId, found.proceeding.id),
          eq(proceedingFindings.factor, input.factor),
        ),
      );
    const values = { finding: input.finding, paragraph: input.paragraph, note: input.note };
    const [after] = await tx
      .insert(proceedingFindings)
      .values({ ...values, factor: input.factor, tenantId: scope.tenantId, proceedingId: found.proceeding.id })
      .onConflictDoUpdate({ target: [proceedingFindings.proceedingId, proceedingFindings.factor], set: values })
      .returning();
    await recordAudit(tx, scope, {
      action: before ? "finding.changed" : "finding.added",
      entityType: "proceeding_finding",
      entityId: after?.id ?? null,
      before,
      after,
    });
    await syncProceedingTimeline(tx, scope, found.legalCase, found.proceeding);
    return true;
  });
}

/** Removes a finding from a proceeding of this council's case; false when not found. */
export async function removeFinding(
  scope: TenantScope,
  caseReference: string,
  proceedingId: string,
  findingId: string,
): Promise<boolean> {
  return withTenant(scope, async (tx) => {
    const found = await findCaseProceeding(tx, scope, caseReference, proceedingId);
    if (!found || !isUuid(findingId)) return false;
    const [removed] = await tx
      .delete(proceedingFindings)
      .where(
        and(
          eq(proceedingFindings.tenantId, scope.tenantId),
          eq(proceedingFindings.proceedingId, found.proceeding.id),
          eq(proceedingFindings.id, findingId),
        ),
      )
      .returning();
    if (!removed) return false;
    await recordAudit(tx, scope, {
      action: "finding.removed",
      entityType: "proceeding_finding",
      entityId: removed.id,
      before: removed,
    });
    await syncProceedingTimeline(tx, scope, found.legalCase, found.proceeding);
    return true;
  });
}
