// The map on a date: the council's sites as they stood on a given day (in use or not, open
// enforcement, where court action stood), in a fixed number of queries however many sites there
// are. The reading of the records is app/lib/site-on-date.ts; this module only loads them.
//
// README, Decision 34: The map on a day is the same page with `on=`. A date field (a GET form, so
// it works without JavaScript and can be bookmarked) and, with JavaScript, a slider from 2020 to
// today reload the map's data and its table for that day (`sitesAsOn`); today's view keeps its
// filters and pages. A date that is not a date gets a message and today's map.
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { type IsoDate, isIsoDate, todayInLondon } from "~/lib/dates";
import { ENFORCEMENT_KINDS } from "~/lib/planning-codes";
import type { LocationAccuracy, SiteStatus } from "~/lib/site-codes";
import {
  type LegalCaseDates,
  type PlanningRecordDates,
  type ProceedingDates,
  type SiteStateOnDate,
  siteStateOn,
  type UsePeriodDates,
} from "~/lib/site-on-date";
import { councils, legalCases, planningRecords, proceedingReliefs, proceedings, sites, usePeriods } from "~db/schema";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { type SiteFilter, siteConditions, siteOrder } from "./sites.server";

export interface SiteOnDate {
  reference: string;
  name: string;
  town: string | null;
  latitude: number | null;
  longitude: number | null;
  locationAccuracy: LocationAccuracy | null;
  locationNote: string | null;
  /** The register's status today, not on the day. */
  status: SiteStatus;
  state: SiteStateOnDate;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * The council's sites matching the filter, each with its state on the day. The sites list's
 * filter applies: status, contractor, lawful use, search and archived as recorded today; open
 * enforcement and open legal case as they stood on the day. Sites are never hidden for having been
 * added to the register after the day: the periods of use say whether a site was in use.
 */
export async function sitesAsOn(scope: TenantScope, on: IsoDate, filter: SiteFilter = {}): Promise<SiteOnDate[]> {
  if (!isIsoDate(on)) throw new Error(`Not a calendar date: ${on}`);
  const { openEnforcement, openLegalCase, ...recorded } = filter;
  const rows = await withTenant(scope, async (tx) => {
    const where = siteConditions(tx, scope, recorded, true);
    const matching = tx.select({ id: sites.id }).from(sites).where(where);
    const [siteRows, periodRows, recordRows, caseRows, proceedingRows] = await Promise.all([
      tx
        .select({
          id: sites.id,
          reference: sites.reference,
          name: sites.name,
          town: sites.town,
          latitude: sites.latitude,
          longitude: sites.longitude,
          locationAccuracy: sites.locationAccuracy,
          locationNote: sites.locationNote,
          status: sites.status,
          // A temporary stop notice's length depends on the council's nation (app/lib/deadlines.ts).
          nation: councils.nation,
        })
        .from(sites)
        .innerJoin(councils, eq(councils.id, sites.tenantId))
        .where(where)
        .orderBy(...siteOrder(filter)),
      tx
        .select({
          siteId: usePeriods.siteId,
          startsOn: usePeriods.startsOn,
          startsOnPrecision: usePeriods.startsOnPrecision,
          endsOn: usePeriods.endsOn,
          endsOnPrecision: usePeriods.endsOnPrecision,
        })
        .from(usePeriods)
        .where(and(eq(usePeriods.tenantId, scope.tenantId), inArray(usePeriods.siteId, matching))),
      tx
        .select({
          siteId: planningRecords.siteId,
          kind: planningRecords.kind,
          reference: planningRecords.reference,
          status: planningRecords.status,
          receivedOn: planningRecords.receivedOn,
          issuedOn: planningRecords.issuedOn,
          issuedOnPrecision: planningRecords.issuedOnPrecision,
          servedOn: planningRecords.servedOn,
          displayedOn: planningRecords.displayedOn,
          displayedOnPrecision: planningRecords.displayedOnPrecision,
          statedPeriod: planningRecords.statedPeriod,
          statedPeriodUnit: planningRecords.statedPeriodUnit,
          lodgedOn: planningRecords.lodgedOn,
          startedOn: planningRecords.startedOn,
          decidedOn: planningRecords.decidedOn,
          withdrawnOn: planningRecords.withdrawnOn,
          createdAt: planningRecords.createdAt,
          updatedAt: planningRecords.updatedAt,
        })
        .from(planningRecords)
        .where(
          and(
            eq(planningRecords.tenantId, scope.tenantId),
            inArray(planningRecords.kind, [...ENFORCEMENT_KINDS]),
            inArray(planningRecords.siteId, matching),
          ),
        ),
      tx
        .select({
          id: legalCases.id,
          siteId: legalCases.siteId,
          reference: legalCases.reference,
          status: legalCases.status,
          decidedToLitigateOn: legalCases.decidedToLitigateOn,
          createdAt: legalCases.createdAt,
          updatedAt: legalCases.updatedAt,
        })
        .from(legalCases)
        .where(and(eq(legalCases.tenantId, scope.tenantId), inArray(legalCases.siteId, matching))),
      tx
        .select({
          caseId: proceedings.caseId,
          id: proceedings.id,
          parentId: proceedings.parentId,
          relation: proceedings.relation,
          court: proceedings.court,
          kind: proceedings.kind,
          // Its reliefs in the same statement, as JSON text (the same on both drivers).
          reliefs: sql<string>`coalesce((
            select json_agg(json_build_object('kind', ${proceedingReliefs.kind}, 'outcome', ${proceedingReliefs.outcome})
              order by ${proceedingReliefs.position})
            from ${proceedingReliefs}
            where ${proceedingReliefs.tenantId} = ${proceedings.tenantId}
              and ${proceedingReliefs.proceedingId} = ${proceedings.id}), '[]')::text`,
          neutralCitation: proceedings.neutralCitation,
          issuedOn: proceedings.issuedOn,
          heardOn: proceedings.heardOn,
          decidedOn: proceedings.decidedOn,
          decidedOnPrecision: proceedings.decidedOnPrecision,
          judgmentPublishedOn: proceedings.judgmentPublishedOn,
          outcome: proceedings.outcome,
        })
        .from(proceedings)
        .innerJoin(legalCases, eq(legalCases.id, proceedings.caseId))
        .where(
          and(
            eq(proceedings.tenantId, scope.tenantId),
            eq(legalCases.tenantId, scope.tenantId),
            isNotNull(legalCases.siteId),
            inArray(legalCases.siteId, matching),
          ),
        ),
    ]);
    return { siteRows, periodRows, recordRows, caseRows, proceedingRows };
  });

  const periodsBySite = groupBy(rows.periodRows, (row) => row.siteId);
  const recordsBySite = groupBy(rows.recordRows, (row) => row.siteId);
  const casesBySite = groupBy(rows.caseRows, (row) => row.siteId ?? "");
  const proceedingsByCase = groupBy(rows.proceedingRows, (row) => row.caseId);

  const result: SiteOnDate[] = [];
  for (const { id, nation, ...site } of rows.siteRows) {
    const periods: UsePeriodDates[] = periodsBySite.get(id) ?? [];
    const records: PlanningRecordDates[] = (recordsBySite.get(id) ?? []).map(
      ({ siteId, createdAt, updatedAt, ...record }) => ({
        ...record,
        recordedOn: todayInLondon(createdAt),
        lastChangedOn: todayInLondon(updatedAt),
      }),
    );
    const cases: LegalCaseDates[] = (casesBySite.get(id) ?? []).map((legalCase) => ({
      reference: legalCase.reference,
      status: legalCase.status,
      decidedToLitigateOn: legalCase.decidedToLitigateOn,
      recordedOn: todayInLondon(legalCase.createdAt),
      lastChangedOn: todayInLondon(legalCase.updatedAt),
      proceedings: (proceedingsByCase.get(legalCase.id) ?? []).map(
        ({ caseId, reliefs, ...proceeding }): ProceedingDates => ({
          ...proceeding,
          reliefs: JSON.parse(reliefs) as ProceedingDates["reliefs"],
        }),
      ),
    }));
    const state = siteStateOn(on, { nation, usePeriods: periods, planningRecords: records, legalCases: cases });
    if (openEnforcement !== undefined && (state.enforcement === "open") !== openEnforcement) continue;
    if (openLegalCase !== undefined && state.hasOpenLegalCase !== openLegalCase) continue;
    result.push({ ...site, state });
  }
  return result;
}
