// Hotel sites: create, edit, archive, read one with everything recorded about it, and list
// with filters (a fixed number of queries however many sites there are).
//
// README, Decision 19: Sites are archived, not deleted. Archiving takes a site out of the register
// and keeps everything recorded about it; it can be restored. Planning records and periods of use
// can be deleted after a confirmation page; the audit log keeps the deleted row.
import { and, asc, count, desc, eq, exists, inArray, isNotNull, isNull, notInArray, type SQL, sql } from "drizzle-orm";
import { todayInLondon } from "~/lib/dates";
import type { DatePrecision } from "~/lib/partial-date";
import { CLOSED_PLANNING_STATUSES, ENFORCEMENT_KINDS } from "~/lib/planning-codes";
import type { SiteInput } from "~/lib/schemas/site";
import type { Contractor, LocationAccuracy, SiteStatus, UseClass } from "~/lib/site-codes";
import { SITE_STATUS_LABELS } from "~/lib/site-codes";
import type { Transaction } from "~db/client";
import { clockContextOf, planningRecordsWithSteps } from "~db/planning-timeline";
import { complaints, councils, legalCases, planningRecords, siteAsRecorded, sites, usePeriods } from "~db/schema";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";
import { nextReference } from "../references.server";
import { siteSearch } from "../search/record-search.server";
import { appendTimeline } from "../timeline/timeline.server";
import { updateVersioned } from "../versioned-update.server";

export { ENFORCEMENT_KINDS };

/**
 * The status's "as at" columns. The date the officer gives; or, when a status is first recorded or
 * changed without a new date (the form still showing the old one, or none), today: the officer
 * states the new status now. Clearing the date of an unchanged status leaves it unknown.
 */
function statusAsOfColumns(
  input: SiteInput,
  before?: { status: SiteStatus; statusAsOf: string | null; statusAsOfPrecision: DatePrecision },
) {
  const given = input.statusAsOf ?? null;
  const unchangedDate =
    given === null || (given.on === before?.statusAsOf && given.precision === before.statusAsOfPrecision);
  if (given && (!before || before.status === input.status || !unchangedDate)) {
    return { statusAsOf: given.on, statusAsOfPrecision: given.precision };
  }
  if (!before || before.status !== input.status) {
    return { statusAsOf: todayInLondon(), statusAsOfPrecision: "day" as const };
  }
  return { statusAsOf: null, statusAsOfPrecision: "day" as const };
}

export async function createSite(scope: TenantScope, input: SiteInput): Promise<string> {
  return withTenant(scope, async (tx) => {
    const reference = await nextReference(tx, scope, "S");
    const [site] = await tx
      .insert(sites)
      .values({ ...input, ...statusAsOfColumns(input), tenantId: scope.tenantId, reference })
      .returning();
    if (!site) throw new Error("The site was not saved.");
    await recordAudit(tx, scope, {
      action: "site.created",
      entityType: "site",
      entityId: site.id,
      after: siteAsRecorded(site),
    });
    return reference;
  });
}

/** The site with this reference in this council, for update (locked until the transaction ends). */
export async function findSite(tx: Transaction, scope: TenantScope, reference: string) {
  const [site] = await tx
    .select()
    .from(sites)
    .where(and(eq(sites.tenantId, scope.tenantId), eq(sites.reference, reference)))
    .limit(1)
    .for("update");
  return site;
}

/** Returns false when there is no such site in this council. */
export async function updateSite(
  scope: TenantScope,
  reference: string,
  input: SiteInput & { version: number },
): Promise<boolean> {
  return withTenant(scope, async (tx) => {
    const before = await findSite(tx, scope, reference);
    if (!before) return false;
    const { version, ...changes } = input;
    const after = await updateVersioned(
      tx,
      scope,
      sites,
      { before, version, what: "site", action: "site.updated", entityType: "site", audited: siteAsRecorded },
      { ...changes, ...statusAsOfColumns(input, before) },
    );
    if (after.status !== before.status) {
      // History, not a fact to keep up to date: the day the register changed, as the officer saw it.
      await appendTimeline(
        tx,
        scope,
        { type: "site", id: after.id, siteId: after.id, legalCaseId: null, path: `sites/${after.reference}` },
        {
          occurredOn: todayInLondon(),
          kind: "site",
          title: `Site status changed: ${SITE_STATUS_LABELS[after.status]}`,
          description: `Was: ${SITE_STATUS_LABELS[before.status].toLowerCase()}.`,
        },
      );
    }
    return true;
  });
}

/** Archives (or restores) a site: it leaves the default list but keeps all its records. */
export async function setSiteArchived(
  scope: TenantScope,
  reference: string,
  archived: boolean,
  version: number,
): Promise<boolean> {
  return withTenant(scope, async (tx) => {
    const before = await findSite(tx, scope, reference);
    if (!before) return false;
    await updateVersioned(
      tx,
      scope,
      sites,
      {
        before,
        version,
        what: "site",
        action: archived ? "site.archived" : "site.restored",
        entityType: "site",
        audited: siteAsRecorded,
      },
      { archivedAt: archived ? new Date() : null },
    );
    return true;
  });
}

/**
 * The site and everything recorded about it, in date order, with the nation whose planning law
 * applies to it (its council's); undefined when not in this council.
 */
export async function getSiteRecord(scope: TenantScope, reference: string) {
  return withTenant(scope, async (tx) => {
    // The council's nation comes with the site, in the same statement.
    const [row] = await tx
      .select({ site: sites, nation: councils.nation })
      .from(sites)
      .innerJoin(councils, eq(councils.id, sites.tenantId))
      .where(and(eq(sites.tenantId, scope.tenantId), eq(sites.reference, reference)))
      .limit(1);
    if (!row) return undefined;
    const { site, nation } = row;
    const [periods, records, siteComplaints] = await Promise.all([
      tx
        .select()
        .from(usePeriods)
        .where(and(eq(usePeriods.tenantId, scope.tenantId), eq(usePeriods.siteId, site.id)))
        .orderBy(asc(usePeriods.startsOn)),
      // With their steps: what their statutory clocks read, with the nation.
      planningRecordsWithSteps(tx, scope.tenantId, site.id),
      tx
        .select({
          reference: complaints.reference,
          receivedOn: complaints.receivedOn,
          summary: complaints.summary,
          status: complaints.status,
          category: complaints.category,
        })
        .from(complaints)
        .where(and(eq(complaints.tenantId, scope.tenantId), eq(complaints.siteId, site.id)))
        .orderBy(asc(complaints.receivedOn)),
    ]);
    return {
      site: siteAsRecorded(site),
      nation,
      usePeriods: periods,
      planningRecords: records,
      clockContext: clockContextOf(nation, records),
      complaints: siteComplaints,
    };
  });
}

export const SITE_PAGE_SIZE = 50;
export const siteSorts = ["reference", "name", "status", "updated"] as const;
export type SiteSort = (typeof siteSorts)[number];

export interface SiteFilter {
  status?: SiteStatus;
  contractor?: Contractor;
  lawfulUse?: UseClass;
  openEnforcement?: boolean;
  openLegalCase?: boolean;
  /** What the officer typed: a reference, UPRN, postcode, or words of the name or address (record-search.server.ts). */
  search?: string;
  archived?: boolean;
  sort?: SiteSort;
  page?: number;
}

function openEnforcementExists(tx: Transaction, scope: TenantScope) {
  return exists(
    tx
      .select({ one: sql`1` })
      .from(planningRecords)
      .where(
        and(
          eq(planningRecords.tenantId, scope.tenantId),
          eq(planningRecords.siteId, sites.id),
          inArray(planningRecords.kind, [...ENFORCEMENT_KINDS]),
          notInArray(planningRecords.status, [...CLOSED_PLANNING_STATUSES]),
        ),
      ),
  );
}

function openLegalCaseExists(tx: Transaction, scope: TenantScope) {
  return exists(
    tx
      .select({ one: sql`1` })
      .from(legalCases)
      .where(
        and(
          eq(legalCases.tenantId, scope.tenantId),
          eq(legalCases.siteId, sites.id),
          sql`${legalCases.status} <> 'concluded'`,
        ),
      ),
  );
}

/** The list's conditions (also used by the map on a date, app/server/council/sites/site-history.server.ts). */
export function siteConditions(
  tx: Transaction,
  scope: TenantScope,
  filter: SiteFilter,
  withStatus: boolean,
): SQL | undefined {
  return and(
    eq(sites.tenantId, scope.tenantId),
    filter.archived ? isNotNull(sites.archivedAt) : isNull(sites.archivedAt),
    withStatus && filter.status ? eq(sites.status, filter.status) : undefined,
    filter.contractor ? eq(sites.contractor, filter.contractor) : undefined,
    filter.lawfulUse ? eq(sites.lawfulUse, filter.lawfulUse) : undefined,
    filter.openEnforcement === true ? openEnforcementExists(tx, scope) : undefined,
    filter.openEnforcement === false ? sql`not ${openEnforcementExists(tx, scope)}` : undefined,
    filter.openLegalCase === true ? openLegalCaseExists(tx, scope) : undefined,
    filter.openLegalCase === false ? sql`not ${openLegalCaseExists(tx, scope)}` : undefined,
    siteSearch(filter.search)?.where,
  );
}

const ORDER: Record<SiteSort, SQL[]> = {
  reference: [sql`${sites.reference} asc`],
  name: [sql`lower(${sites.name}) asc`, sql`${sites.reference} asc`],
  status: [sql`${sites.status} asc`, sql`${sites.reference} asc`],
  updated: [sql`${sites.updatedAt} desc`, sql`${sites.reference} asc`],
};

/**
 * The list's order: with a search, the best matches first (an exact reference, then UPRN, then
 * postcode, then words), each in the chosen sort. Also the CSV's, the map's and the map on a date's.
 */
export function siteOrder(filter: Pick<SiteFilter, "search" | "sort">): SQL[] {
  const rank = siteSearch(filter.search)?.rank;
  return [...(rank ? [sql`${rank} asc`] : []), ...ORDER[filter.sort ?? "reference"]];
}

function listColumns(tx: Transaction, scope: TenantScope) {
  return {
    reference: sites.reference,
    name: sites.name,
    town: sites.town,
    postcode: sites.postcode,
    status: sites.status,
    statusAsOf: sites.statusAsOf,
    statusAsOfPrecision: sites.statusAsOfPrecision,
    contractor: sites.contractor,
    contractorOther: sites.contractorOther,
    lawfulUse: sites.lawfulUse,
    rooms: sites.rooms,
    locationAccuracy: sites.locationAccuracy,
    locationNote: sites.locationNote,
    hasLocation: sql<boolean>`${sites.latitude} is not null and ${sites.longitude} is not null`.mapWith(Boolean),
    updatedAt: sites.updatedAt,
    hasOpenEnforcement: sql<boolean>`${openEnforcementExists(tx, scope)}`.mapWith(Boolean),
    hasOpenLegalCase: sql<boolean>`${openLegalCaseExists(tx, scope)}`.mapWith(Boolean),
  };
}

/** One page of sites, the total, and (unless not wanted) the count of each status: three queries at most. */
export async function listSites(scope: TenantScope, filter: SiteFilter, options: { statusCounts?: boolean } = {}) {
  const page = filter.page ?? 1;
  return withTenant(scope, async (tx) => {
    const where = siteConditions(tx, scope, filter, true);
    const [rows, [total], statusCounts] = await Promise.all([
      tx
        .select(listColumns(tx, scope))
        .from(sites)
        .where(where)
        .orderBy(...siteOrder(filter))
        .limit(SITE_PAGE_SIZE)
        .offset((page - 1) * SITE_PAGE_SIZE),
      tx.select({ value: count() }).from(sites).where(where),
      // How many sites of each status (the list's status filter shows them); a page without that filter skips it.
      options.statusCounts === false
        ? []
        : tx
            .select({ status: sites.status, sites: count() })
            .from(sites)
            .where(siteConditions(tx, scope, filter, false))
            .groupBy(sites.status),
    ]);
    return { sites: rows, total: total?.value ?? 0, statusCounts };
  });
}

/** Every site matching the filter, for the CSV export (one query). */
export async function exportSites(scope: TenantScope, filter: SiteFilter) {
  return withTenant(scope, (tx) =>
    tx
      .select({
        ...listColumns(tx, scope),
        addressLine1: sites.addressLine1,
        addressLine2: sites.addressLine2,
        uprn: sites.uprn,
        latitude: sites.latitude,
        longitude: sites.longitude,
        ownerName: sites.ownerName,
        operatorName: sites.operatorName,
        lawfulUseOther: sites.lawfulUseOther,
        useComplainedOf: sites.useComplainedOf,
      })
      .from(sites)
      .where(siteConditions(tx, scope, filter, true))
      .orderBy(...siteOrder(filter)),
  );
}

/** A site as the map needs it (the fields `siteFeatures` takes). */
export interface MapSiteRow {
  reference: string;
  name: string;
  status: SiteStatus;
  latitude: number | null;
  longitude: number | null;
  locationAccuracy: LocationAccuracy | null;
  locationNote: string | null;
  hasOpenEnforcement: boolean;
  hasOpenLegalCase: boolean;
}

type MapSiteTuple = [
  string,
  string,
  SiteStatus,
  number | null,
  number | null,
  LocationAccuracy | null,
  string | null,
  boolean,
  boolean,
];

/**
 * Every site matching the filter with its recorded position, for the map, in the list's order. One
 * query returning one value: PostgreSQL builds the rows as a JSON array, which for thousands of
 * sites is about twice as fast as thousands of rows (most of the time goes in passing rows back).
 */
export async function mapSites(scope: TenantScope, filter: SiteFilter): Promise<MapSiteRow[]> {
  return withTenant(scope, async (tx) => {
    // `in (…)` rather than the list's `exists (…)`: one hashed lookup instead of a query per site.
    const tuple = sql`json_build_array(${sites.reference}, ${sites.name}, ${sites.status}, ${sites.latitude},
      ${sites.longitude}, ${sites.locationAccuracy}, ${sites.locationNote},
      ${inArray(sites.id, openEnforcementSiteIds(tx, scope))},
      ${inArray(sites.id, openLegalCaseSiteIds(tx, scope))})`;
    const order = sql.join(siteOrder(filter), sql`, `);
    const [result] = await tx
      .select({ rows: sql<string>`coalesce(json_agg(${tuple} order by ${order}), '[]')::text` })
      .from(sites)
      .where(siteConditions(tx, scope, filter, true));
    const tuples = JSON.parse(result?.rows ?? "[]") as MapSiteTuple[];
    return tuples.map(
      ([
        reference,
        name,
        status,
        latitude,
        longitude,
        locationAccuracy,
        locationNote,
        hasOpenEnforcement,
        hasOpenLegalCase,
      ]) => ({
        reference,
        name,
        status,
        latitude,
        longitude,
        locationAccuracy,
        locationNote,
        hasOpenEnforcement,
        hasOpenLegalCase,
      }),
    );
  });
}

function openEnforcementSiteIds(tx: Transaction, scope: TenantScope) {
  return tx
    .select({ siteId: planningRecords.siteId })
    .from(planningRecords)
    .where(
      and(
        eq(planningRecords.tenantId, scope.tenantId),
        inArray(planningRecords.kind, [...ENFORCEMENT_KINDS]),
        notInArray(planningRecords.status, [...CLOSED_PLANNING_STATUSES]),
      ),
    );
}

function openLegalCaseSiteIds(tx: Transaction, scope: TenantScope) {
  return tx
    .select({ siteId: legalCases.siteId })
    .from(legalCases)
    .where(
      and(
        eq(legalCases.tenantId, scope.tenantId),
        isNotNull(legalCases.siteId),
        sql`${legalCases.status} <> 'concluded'`,
      ),
    );
}

/** Sites to choose from in other forms (linking a complaint), newest reference last. */
export async function siteChoices(scope: TenantScope) {
  return withTenant(scope, (tx) =>
    tx
      .select({ id: sites.id, reference: sites.reference, name: sites.name })
      .from(sites)
      .where(and(eq(sites.tenantId, scope.tenantId), isNull(sites.archivedAt)))
      .orderBy(desc(sites.reference)),
  );
}
