// Council B against council A's sites on a date: B's map never lists A's sites or shows anything
// of their states, whatever the filter, even when one of A's records points at B's site.
import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "~/server/access/tenancy.server";
import { sitesAsOn } from "~/server/council/sites/site-history.server";
import { type Council, legalCases, proceedings, usePeriods } from "~db/schema";
import {
  type CouncilWithOfficer,
  councilWithOfficer,
  insertLegalCase,
  insertPlanningRecord,
  insertProceeding,
  insertReliefs,
  insertSite,
  insertUsePeriod,
} from "../../helpers/factories";

let a: CouncilWithOfficer;
let b: CouncilWithOfficer;
let siteOfB: string;

/** A site in use with an open enforcement notice and an interim injunction in force from 19 August 2025. */
async function siteWithEverything(council: Council, reference: string, name: string) {
  const site = await insertSite(council, { reference, name, status: "in_use", latitude: 51.7, longitude: 0.11 });
  await insertUsePeriod(council, site.id, { startsOn: "2025-04-01" });
  await insertPlanningRecord(council, site.id, { kind: "enforcement_notice", issuedOn: "2025-05-01" });
  await injunctionOn(council, site.id);
  return site.id;
}

async function injunctionOn(council: Council, siteId: string, reference = `${council.referencePrefix}-L-0001`) {
  const legalCase = await insertLegalCase(council, {
    siteId,
    reference,
    title: "Council v Hotel Owner Ltd",
    legalBasis: "s187b_injunction",
    status: "interim_relief_in_force",
  });
  const proceedingId = await insertProceeding(council, legalCase.id, {
    court: "high_court_kb",
    kind: "interim_injunction_application",
    neutralCitation: "[2025] EWHC 9999 (KB)",
    issuedOn: "2025-08-11",
    decidedOn: "2025-08-19",
    outcome: "granted",
  });
  await insertReliefs(council, proceedingId, [{ kind: "interim_injunction", outcome: "granted" }]);
}

beforeAll(async () => {
  a = await councilWithOfficer({ referencePrefix: "AA" });
  b = await councilWithOfficer({ referencePrefix: "BB" });
  await siteWithEverything(a.council, "AA-S-0001", "Council A's Hotel");
  siteOfB = (await insertSite(b.council, { reference: "BB-S-0001", name: "Council B's Hotel", status: "in_use" })).id;
});

describe("council B's map on a date", () => {
  it("lists only B's sites, whatever the filter", async () => {
    const filters: Parameters<typeof sitesAsOn>[2][] = [
      {},
      { search: "Council A" },
      { openEnforcement: true },
      { openLegalCase: true },
      { status: "in_use", openEnforcement: true, openLegalCase: true },
      { archived: true },
    ];
    for (const filter of filters) {
      const listed = await sitesAsOn(b.scope, "2025-08-19", filter);
      expect(JSON.stringify(listed), JSON.stringify(filter)).not.toMatch(/AA-S-0001|Council A's Hotel|EWHC 9999/);
    }
    expect((await sitesAsOn(b.scope, "2025-08-19")).map((site) => site.reference)).toEqual(["BB-S-0001"]);
    // A sees its own, so the filters above could have found it.
    expect((await sitesAsOn(a.scope, "2025-08-19", { openLegalCase: true })).map((site) => site.reference)).toEqual([
      "AA-S-0001",
    ]);
  });

  it("shows nothing of A's case on B's site when A's case points at it", async () => {
    await injunctionOn(a.council, siteOfB, "AA-L-0002");
    const [listed] = await sitesAsOn(b.scope, "2025-08-19");
    expect(listed?.state).toMatchObject({
      legal: "none",
      hasOpenLegalCase: false,
      enforcement: "none",
      use: "unknown",
    });
  });

  it("row-level security: B's transaction that forgets its filter reads none of A's records", async () => {
    const [caseRows, proceedingRows, periodRows] = await withTenant(b.scope, (tx) =>
      Promise.all([
        tx.select({ tenantId: legalCases.tenantId }).from(legalCases),
        tx.select({ tenantId: proceedings.tenantId }).from(proceedings),
        tx.select({ tenantId: usePeriods.tenantId }).from(usePeriods),
      ]),
    );
    expect([...caseRows, ...proceedingRows, ...periodRows].filter((row) => row.tenantId === a.council.id)).toEqual([]);
  });
});
