// Sites and what hangs off them: a site added through the app (as an officer would), or written
// straight into the database with its planning records and periods of use.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { PAST_DATE_FIELDS } from "../../../app/lib/planning-codes";
import type { PlanningRecordInput } from "../../../app/lib/schemas/planning-record";
import type { TenantScope } from "../../../app/server/access/tenancy.server";
import { createSite } from "../../../app/server/council/sites/sites.server";
import { getDb } from "../../../db/client";
import { type Council, enforcementNoticeSteps, planningRecords, sites, usePeriods } from "../../../db/schema";

const suffix = () => randomBytes(3).toString("hex").toUpperCase();

/**
 * A site added through the domain function, under the council's next reference; returns the
 * reference. A point is approximate unless the test says how accurate it is.
 */
export async function addSite(scope: TenantScope, values: Partial<Parameters<typeof createSite>[1]> = {}) {
  return createSite(scope, {
    name: "Test Hotel",
    addressLine1: null,
    addressLine2: null,
    town: "Testtown",
    postcode: null,
    uprn: null,
    latitude: null,
    longitude: null,
    locationAccuracy: (values.latitude ?? values.longitude ?? null) !== null ? "approximate" : null,
    locationNote: null,
    ownerName: null,
    operatorName: null,
    contractor: "unknown",
    contractorOther: null,
    rooms: null,
    lawfulUse: "c1_hotel",
    lawfulUseOther: null,
    useComplainedOf: null,
    status: "in_use",
    ...values,
  });
}

/** The id of the council's site with this reference. */
export async function siteIdOf(council: Council, reference: string): Promise<string> {
  const [site] = await getDb()
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.tenantId, council.id), eq(sites.reference, reference)));
  if (!site) throw new Error(`no site ${reference}`);
  return site.id;
}

type SiteValues = Omit<Partial<typeof sites.$inferInsert>, "tenantId">;

/** Sites written straight into the database (no audit, no timeline), in the order given; a point is approximate unless given. */
export async function insertSites(council: Council, values: SiteValues[]) {
  const rows = await getDb()
    .insert(sites)
    .values(
      values.map((site) => ({
        tenantId: council.id,
        reference: `${council.referencePrefix}-S-${suffix()}`,
        name: "Test Hotel",
        // A point says how accurate it is (the database insists): approximate unless the test says.
        locationAccuracy: (site.latitude ?? site.longitude ?? null) !== null ? ("approximate" as const) : null,
        ...site,
      })),
    )
    .returning({ id: sites.id, reference: sites.reference });
  if (rows.length !== values.length) throw new Error("sites not created");
  return rows;
}

/** One site written straight into the database. */
export async function insertSite(council: Council, values: SiteValues = {}) {
  const [site] = await insertSites(council, [values]);
  if (!site) throw new Error("site not created");
  return site;
}

/** A planning record as the domain functions take it: every field empty (a date day-precise) unless given. */
export function planningInput(
  values: Partial<PlanningRecordInput> & Pick<PlanningRecordInput, "kind">,
): PlanningRecordInput {
  const dates = Object.fromEntries(
    PAST_DATE_FIELDS.flatMap((field) => [
      [field, null],
      [`${field}Precision`, "day"],
    ]),
  ) as Pick<PlanningRecordInput, (typeof PAST_DATE_FIELDS)[number] | `${(typeof PAST_DATE_FIELDS)[number]}Precision`>;
  return {
    reference: null,
    status: "open",
    description: null,
    linkUrl: null,
    certificateType: null,
    applicationCategory: null,
    ...dates,
    decision: null,
    extendedTo: null,
    enforcementNoticeId: null,
    specialReasons: null,
    stepsRequired: null,
    compliancePeriod: null,
    compliancePeriodUnit: null,
    statedPeriod: null,
    statedPeriodUnit: null,
    steps: [],
    otherDeadlineOn: null,
    otherDeadlineLabel: null,
    ...values,
  };
}

type PlanningRecordValues = Omit<Partial<typeof planningRecords.$inferInsert>, "tenantId" | "siteId"> &
  Pick<typeof planningRecords.$inferInsert, "kind">;

/** Planning records on a site, written straight into the database (open unless given); returns their ids. */
export async function insertPlanningRecords(council: Council, siteId: string, values: PlanningRecordValues[]) {
  const rows = await getDb()
    .insert(planningRecords)
    .values(values.map((record) => ({ tenantId: council.id, siteId, status: "open" as const, ...record })))
    .returning({ id: planningRecords.id });
  if (rows.length !== values.length) throw new Error("planning records not created");
  return rows.map((row) => row.id);
}

/** One planning record on a site, written straight into the database; returns its id. */
export async function insertPlanningRecord(council: Council, siteId: string, values: PlanningRecordValues) {
  const [id] = await insertPlanningRecords(council, siteId, [values]);
  if (!id) throw new Error("planning record not created");
  return id;
}

/** A period of use of a site, written straight into the database; returns its id. */
export async function insertUsePeriod(
  council: Council,
  siteId: string,
  values: Omit<typeof usePeriods.$inferInsert, "tenantId" | "siteId">,
) {
  const [period] = await getDb()
    .insert(usePeriods)
    .values({ tenantId: council.id, siteId, ...values })
    .returning({ id: usePeriods.id });
  if (!period) throw new Error("period of use not created");
  return period.id;
}

/** An enforcement notice's steps, written straight into the database (position 1, 2, … in the order given). */
export async function insertComplianceSteps(
  council: Council,
  planningRecordId: string,
  steps: { steps?: string | null; compliancePeriod: number; compliancePeriodUnit: "days" | "months" }[],
) {
  await getDb()
    .insert(enforcementNoticeSteps)
    .values(
      steps.map((step, index) => ({
        tenantId: council.id,
        planningRecordId,
        position: index + 1,
        steps: null,
        ...step,
      })),
    );
}
