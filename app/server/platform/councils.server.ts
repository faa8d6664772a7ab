// Councils as the platform sees them: the list a platform administrator works from, read as
// app_platform (councils and memberships, never a council's records).
import { asc, count, eq } from "drizzle-orm";
import { councils, memberships } from "~db/schema";
import { type PlatformScope, withPlatform } from "../access/platform.server";

export async function listCouncilsForPlatform(scope: PlatformScope) {
  return withPlatform(scope, (tx) =>
    tx
      .select({
        slug: councils.slug,
        name: councils.name,
        gssCode: councils.gssCode,
        nation: councils.nation,
        councilType: councils.councilType,
        isLocalPlanningAuthority: councils.isLocalPlanningAuthority,
        members: count(memberships.id),
      })
      .from(councils)
      .leftJoin(memberships, eq(memberships.tenantId, councils.id))
      .groupBy(councils.id)
      .orderBy(asc(councils.name)),
  );
}
