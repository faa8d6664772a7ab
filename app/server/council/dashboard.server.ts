// What the council dashboard shows: deadlines due soon or overdue (the open ones of the deadlines
// list: planning and enforcement records, court orders and hearings of running cases), orders no
// longer live whose deadline was near (struck through with their status, README, Decision 46), new
// complaints, recently changed records (all from the records, reusable per records version), and
// the council and its people (read every time). A fixed number of queries each.
import { and, count, desc, eq } from "drizzle-orm";
import { addDays, todayInLondon } from "~/lib/dates";
import { PLANNING_KIND_LABELS } from "~/lib/planning-codes";
import { auditEvents, complaints, councils, memberships, planningRecords, sites, users } from "~db/schema";
import { can } from "../access/permissions.server";
import { type TenantScope, withTenant } from "../access/tenancy.server";
import { collectDeadlines, type DeadlineItem, isLive, noLongerDue } from "./deadlines/deadlines.server";

export const DASHBOARD_WINDOW_DAYS = 14;
/** The most deadlines each of the dashboard's two lists shows; the deadlines page has the rest. */
export const DASHBOARD_DEADLINES_SHOWN = 10;

/**
 * What the dashboard shows from the council's records: deadlines due soon or overdue, new
 * complaints and recently changed records. It depends on the records alone, so a loader may keep it
 * per records version (README, Decision 45). `deadlines`, the council's current deadlines
 * (collectDeadlines), may be given by a caller that keeps them too; otherwise they are collected.
 */
export async function getDashboardRecords(
  scope: TenantScope,
  { now = new Date(), deadlines: current }: { now?: Date; deadlines?: readonly DeadlineItem[] } = {},
) {
  const today = todayInLondon(now);
  const horizon = addDays(today, DASHBOARD_WINDOW_DAYS);
  return withTenant(scope, async (tx) => {
    const [allDeadlines, newComplaints, recentSites, recentRecords] = await Promise.all([
      current ?? collectDeadlines(tx, scope),
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
    ]);

    const shown = (deadline: DeadlineItem) => ({
      key: `${deadline.sourceId}-${deadline.deadlineKey}`,
      label:
        deadline.sourceType === "court_order"
          ? `${deadline.label}${deadline.dueAt ? ` (by ${deadline.dueAt})` : ""}`
          : deadline.sourceType === "hearing"
            ? `${deadline.label}${deadline.dueAt ? ` at ${deadline.dueAt}` : ""}`
            : deadline.label,
      dueOn: deadline.dueOn,
      name: deadline.belongsTo.type === "site" ? deadline.belongsTo.record : deadline.belongsTo.caseTitle,
      href: deadline.belongsTo.href,
      context:
        deadline.belongsTo.type === "site"
          ? `${deadline.belongsTo.siteReference} ${deadline.belongsTo.siteName}`
          : deadline.belongsTo.caseReference,
      // A court order's status in words, once it has changed (a varied order's deadline is still due).
      status: deadline.orderStatus?.words ?? null,
    });
    // Done deadlines leave the dashboard; past hearings have happened, so are never overdue; an
    // order no longer live is never due, and is shown struck through while its date was near.
    const deadlines = allDeadlines
      .filter((deadline) => isLive(deadline) && !deadline.done && deadline.dueOn <= horizon)
      .filter((deadline) => deadline.sourceType !== "hearing" || deadline.dueOn >= today)
      .map(shown);
    const notLive = allDeadlines.filter((deadline) => noLongerDue(deadline, today, DASHBOARD_WINDOW_DAYS)).map(shown);

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

    const overdue = deadlines.filter((deadline) => deadline.dueOn < today);
    const dueSoon = deadlines.filter((deadline) => deadline.dueOn >= today);
    return {
      today,
      // The most overdue and the soonest due, and how many there are in all.
      overdue: overdue.slice(0, DASHBOARD_DEADLINES_SHOWN),
      overdueCount: overdue.length,
      dueSoon: dueSoon.slice(0, DASHBOARD_DEADLINES_SHOWN),
      dueSoonCount: dueSoon.length,
      noLongerDue: notLive.slice(0, DASHBOARD_DEADLINES_SHOWN),
      noLongerDueCount: notLive.length,
      newComplaints,
      recentlyChanged,
    };
  });
}

/**
 * What the dashboard shows about the council and its people: the council, its members by role and,
 * for those who may read the audit log, its latest entries. Read on every request (members and the
 * audit log do not move the records version).
 */
export async function getDashboardCouncil(scope: TenantScope) {
  return withTenant(scope, async (tx) => {
    const [[council], roleCounts, recentActivity] = await Promise.all([
      tx
        .select({
          name: councils.name,
          gssCode: councils.gssCode,
          nation: councils.nation,
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
      can(scope.role, "audit:read")
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
    ]);
    if (!council) throw new Error("The council of a valid scope is missing.");
    return { council, roleCounts, recentActivity };
  });
}
