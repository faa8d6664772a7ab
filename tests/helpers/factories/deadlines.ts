// Deadlines come from planning records, hearings and court orders (see sites.ts and
// legal-cases.ts); what is stored of them is who marked one done.
import { eq } from "drizzle-orm";
import { getDb } from "../../../db/client";
import { type Council, deadlineCompletions } from "../../../db/schema";

/** The council's deadline completions as stored. */
export function completionsOf(council: Council) {
  return getDb().select().from(deadlineCompletions).where(eq(deadlineCompletions.tenantId, council.id));
}
