// Councils: a bare council, and a council with an officer already signed in (the usual start of a
// test about a council's records).
import { randomBytes } from "node:crypto";
import { getDb } from "../../../db/client";
import { type Council, councils } from "../../../db/schema";
import { scopeFor, signedInMember } from "./users";

let gssCounter = 0;

export async function createCouncil(overrides: Partial<typeof councils.$inferInsert> = {}): Promise<Council> {
  const suffix = randomBytes(4).toString("hex");
  gssCounter += 1;
  const [council] = await getDb()
    .insert(councils)
    .values({
      slug: `council-${suffix}`,
      name: `Test Council ${suffix}`,
      gssCode: `E07${String(800000 + Math.floor(Math.random() * 100000) + gssCounter).padStart(6, "0")}`,
      nation: "england",
      councilType: "district",
      isLocalPlanningAuthority: true,
      referencePrefix: "TC",
      ...overrides,
    })
    .returning();
  if (!council) throw new Error("council not created");
  return council;
}

/** A new council with one officer signed in: the officer's cookie, and the scope to write sites with. */
export async function councilWithOfficer(overrides: Partial<typeof councils.$inferInsert> = {}) {
  const council = await createCouncil(overrides);
  const { cookie, ...officer } = await signedInMember(council, "officer");
  const scope = await scopeFor(council, cookie, "site:write");
  return { council, officer, cookie, scope };
}

export type CouncilWithOfficer = Awaited<ReturnType<typeof councilWithOfficer>>;
export type { Council };
