// What the council dashboard shows: deadlines due soon or overdue from every open planning record,
// court orders and hearings of running cases, new complaints, recently changed records, the
// council and its people (a fixed number of queries).
import { and, asc, count, desc, eq, gte, isNotNull, isNull, lte, ne, notInArray } from "drizzle-orm";
import { addDays, todayInLondon } from "~/lib/dates";
import { deadlinesFor } from "~/lib/deadlines";
import { CLOSED_PLANNING_STATUSES, PLANNING_KIND_LABELS } from "~/lib/planning-codes";
import {
  auditEvents,
  complaints,
  councils,
  courtOrders,
  hearings,
  legalCases,
  memberships,
  planningRecords,
  proceedings,
  sites,
  users,
} from "~db/schema";
import { type TenantScope, withTenant } from "./tenancy.server";

export const DASHBOARD_WINDOW_DAYS = 14;

export async function getDashboard(scope: TenantScope, now = new Date()) {
  const today = todayInLondon(now);
  const horizon = addDays(today, DASHBOARD_WINDOW_DAYS);
  return withTenant(scope, async (tx) => {
    const [
      [council],
      roleCounts,
      openRecords,
      newComplaints,
      recentSites,
      recentRecords,
      recentActivity,
      orders,
      upcomingHearings,
    ] = await Promise.all([
      tx
        .select({
          name: councils.name,
          gssCode: councils.gssCode,
          councilType: councils.councilType,
          isLocalPlanningAuthority: councils.isLocalPlanningAuthority,
        })
        .from(councils)
        .where(eq(councils.id, scope.tenantId)),
      tx
        .select({ role: memberships.role, members: count() })
        .from(memberships)
        .where(eq(memberships.tenantId, scope.tenantId))
        .groupBy(memberships.role),
      tx
        .select({ record: planningRecords, siteReference: sites.reference, siteName: sites.name })
        .from(planningRecords)
        .innerJoin(sites, and(eq(sites.id, planningRecords.siteId), eq(sites.tenantId, scope.tenantId)))
        .where(
          and(
            eq(planningRecords.tenantId, scope.tenantId),
            notInArray(planningRecords.status, [...CLOSED_PLANNING_STATUSES]),
            isNull(sites.archivedAt),
          ),
        ),
      tx
        .select({ reference: complaints.reference, receivedOn: complaints.receivedOn, summary: complaints.summary })
        .from(complaints)
        .where(and(eq(complaints.tenantId, scope.tenantId), eq(complaints.status, "new")))
        .orderBy(desc(complaints.receivedOn), desc(complaints.reference))
        .limit(10),
      tx
        .select({ reference: sites.reference, name: sites.name, updatedAt: sites.updatedAt })
        .from(sites)
        .where(eq(sites.tenantId, scope.tenantId))
        .orderBy(desc(sites.updatedAt))
        .limit(5),
      tx
        .select({
          id: planningRecords.id,
          kind: planningRecords.kind,
          reference: planningRecords.reference,
          updatedAt: planningRecords.updatedAt,
          siteReference: sites.reference,
        })
        .from(planningRecords)
        .innerJoin(sites, eq(sites.id, planningRecords.siteId))
        .where(eq(planningRecords.tenantId, scope.tenantId))
        .orderBy(desc(planningRecords.updatedAt))
        .limit(5),
      scope.role === "council_admin"
        ? tx
            .select({
              id: auditEvents.id,
              occurredAt: auditEvents.occurredAt,
              action: auditEvents.action,
              actorName: users.name,
            })
            .from(auditEvents)
            .leftJoin(users, eq(users.id, auditEvents.actorUserId))
            .where(eq(auditEvents.tenantId, scope.tenantId))
            .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
            .limit(5)
        : Promise.resolve([]),
      // Orders with a date to meet, in cases still running.
      tx
        .select({
          id: courtOrders.id,
          requires: courtOrders.requires,
          dueOn: courtOrders.dueOn,
          dueAt: courtOrders.dueAt,
          caseReference: legalCases.reference,
          caseTitle: legalCases.title,
        })
        .from(courtOrders)
        .innerJoin(proceedings, eq(proceedings.id, courtOrders.proceedingId))
        .innerJoin(legalCases, eq(legalCases.id, proceedings.caseId))
        .where(
          and(
            eq(courtOrders.tenantId, scope.tenantId),
            isNotNull(courtOrders.dueOn),
            lte(courtOrders.dueOn, horizon),
            ne(legalCases.status, "concluded"),
          ),
        )
        .orderBy(asc(courtOrders.dueOn)),
      tx
        .select({
          id: hearings.id,
          heldOn: hearings.heldOn,
          startsAt: hearings.startsAt,
          kind: hearings.kind,
          caseReference: legalCases.reference,
          caseTitle: legalCases.title,
        })
        .from(hearings)
        .innerJoin(proceedings, eq(proceedings.id, hearings.proceedingId))
        .innerJoin(legalCases, eq(legalCases.id, proceedings.caseId))
        .where(and(eq(hearings.tenantId, scope.tenantId), gte(hearings.heldOn, today), lte(hearings.heldOn, horizon)))
        .orderBy(asc(hearings.heldOn)),
    ]);
    if (!council) throw new Error("The council of a valid scope is missing.");

    const deadlines = openRecords
      .flatMap(({ record, siteReference, siteName }) =>
        deadlinesFor(record).map((deadline) => ({
          key: `${record.id}-${deadline.label}`,
          label: deadline.label,
          dueOn: deadline.dueOn,
          name: `${PLANNING_KIND_LABELS[record.kind]}${record.reference ? ` ${record.reference}` : ""}`,
          href: `/c/${scope.councilSlug}/sites/${siteReference}#record-${record.id}`,
          context: `${siteReference} ${siteName}`,
        })),
      )
      .concat(
        orders.map((order) => ({
          key: `order-${order.id}`,
          label: `Order: ${order.requires}${order.dueAt ? ` (by ${order.dueAt.slice(0, 5)})` : ""}`,
          dueOn: order.dueOn as string,
          name: order.caseTitle,
          href: `/c/${scope.councilSlug}/cases/${order.caseReference}`,
          context: order.caseReference,
        })),
        upcomingHearings.map((hearing) => ({
          key: `hearing-${hearing.id}`,
          label: `Hearing: ${hearing.kind}${hearing.startsAt ? ` at ${hearing.startsAt.slice(0, 5)}` : ""}`,
          dueOn: hearing.heldOn,
          name: hearing.caseTitle,
          href: `/c/${scope.councilSlug}/cases/${hearing.caseReference}`,
          context: hearing.caseReference,
        })),
      )
      .filter((deadline) => deadline.dueOn <= horizon)
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn));

    const recentlyChanged = [
      ...recentSites.map((site) => ({
        key: `site-${site.reference}`,
        text: `${site.reference} ${site.name}`,
        href: `/c/${scope.councilSlug}/sites/${site.reference}`,
        updatedAt: site.updatedAt,
      })),
      ...recentRecords.map((record) => ({
        key: `record-${record.id}`,
        text: `${PLANNING_KIND_LABELS[record.kind]}${record.reference ? ` ${record.reference}` : ""} (${record.siteReference})`,
        href: `/c/${scope.councilSlug}/sites/${record.siteReference}#record-${record.id}`,
        updatedAt: record.updatedAt,
      })),
    ]
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
      .slice(0, 8);

    return {
      council,
      roleCounts,
      today,
      overdue: deadlines.filter((deadline) => deadline.dueOn < today),
      dueSoon: deadlines.filter((deadline) => deadline.dueOn >= today),
      newComplaints,
      recentlyChanged,
      recentActivity,
    };
  });
}
