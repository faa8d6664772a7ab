// What the council dashboard shows: the council, its people by role, and recent activity.
import { and, count, desc, eq } from "drizzle-orm";
import { auditEvents, councils, memberships, users } from "~db/schema";
import { type TenantScope, withTenant } from "./tenancy.server";

export async function getDashboard(scope: TenantScope) {
  return withTenant(scope, async (tx) => {
    const [council] = await tx
      .select({
        name: councils.name,
        gssCode: councils.gssCode,
        councilType: councils.councilType,
        isLocalPlanningAuthority: councils.isLocalPlanningAuthority,
      })
      .from(councils)
      .where(eq(councils.id, scope.tenantId));
    const roleCounts = await tx
      .select({ role: memberships.role, members: count() })
      .from(memberships)
      .where(eq(memberships.tenantId, scope.tenantId))
      .groupBy(memberships.role);
    const recentActivity =
      scope.role === "council_admin"
        ? await tx
            .select({
              id: auditEvents.id,
              occurredAt: auditEvents.occurredAt,
              action: auditEvents.action,
              actorName: users.name,
            })
            .from(auditEvents)
            .leftJoin(users, eq(users.id, auditEvents.actorUserId))
            .where(and(eq(auditEvents.tenantId, scope.tenantId)))
            .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
            .limit(5)
        : [];
    if (!council) throw new Error("The council of a valid scope is missing.");
    return { council, roleCounts, recentActivity };
  });
}
