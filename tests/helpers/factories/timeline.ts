// Timeline events written straight into the database, as if added by hand long ago.
import { getDb } from "../../../db/client";
import { type Council, timelineEvents } from "../../../db/schema";

/** Timeline events for a council (of kind "other" unless given), in one statement. */
export async function insertTimelineEvents(
  council: Council,
  values: (Omit<typeof timelineEvents.$inferInsert, "tenantId" | "kind"> &
    Partial<Pick<typeof timelineEvents.$inferInsert, "kind">>)[],
) {
  await getDb()
    .insert(timelineEvents)
    .values(values.map((event) => ({ tenantId: council.id, kind: "other" as const, ...event })));
}
