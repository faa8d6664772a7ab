// Councils as the platform sees them: the list a platform administrator works from.
import { asc, count, eq } from "drizzle-orm";
import { getDb } from "~db/client";
import { councils, memberships } from "~db/schema";

export async function listCouncilsForPlatform() {
  return getDb()
    .select({
      slug: councils.slug,
      name: councils.name,
      gssCode: councils.gssCode,
      councilType: councils.councilType,
      isLocalPlanningAuthority: councils.isLocalPlanningAuthority,
      members: count(memberships.id),
    })
    .from(councils)
    .leftJoin(memberships, eq(memberships.tenantId, councils.id))
    .groupBy(councils.id)
    .orderBy(asc(councils.name));
}
