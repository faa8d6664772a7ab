// The map on a date: the demo's Bell Hotel on the days of the Epping appeal chain, the list's
// filters applied as of the day, and a fixed number of queries however many sites there are.
import { beforeAll, describe, expect, it } from "vitest";
import { signIn } from "~/server/access/auth.server";
import { requireTenantScope, type TenantScope } from "~/server/access/tenancy.server";
import { sitesAsOn } from "~/server/council/sites/site-history.server";
import { getDb } from "~db/client";
import { type Council, legalCases, planningRecords, proceedingReliefs, proceedings, usePeriods } from "~db/schema";
import { seedDemo } from "~db/seed/demo";
import { councilWithOfficer, insertPlanningRecord, insertSites } from "../helpers/factories";
import { formRequest, getRequest } from "../helpers/http";
import { countQueries } from "../helpers/queries";

const PASSWORD = "demo password 123";
let epping: TenantScope;

beforeAll(async () => {
  await seedDemo(getDb(), PASSWORD);
  const signedIn = await signIn(
    formRequest("/sign-in", {}, { clientAddress: "198.51.100.21" }),
    "viewer@epping-forest.example",
    PASSWORD,
  );
  if (!signedIn.ok) throw new Error("could not sign in the Epping viewer");
  const cookie = signedIn.setCookie.split(";")[0] ?? "";
  epping = await requireTenantScope(getRequest("/c/epping-forest", cookie), { slug: "epping-forest" }, "record:read");
});

async function bellHotelOn(on: string) {
  const listed = await sitesAsOn(epping, on);
  const bell = listed.find((site) => site.reference === "EF-S-0001");
  if (!bell) throw new Error("The Bell Hotel is not listed");
  return bell;
}

describe("Epping on a date", () => {
  it("19 August 2025: the Bell Hotel in use with the interim injunction in force", async () => {
    const bell = await bellHotelOn("2025-08-19");
    expect(bell).toMatchObject({
      name: "The Bell Hotel",
      latitude: 51.7,
      longitude: 0.11,
      locationAccuracy: "town",
      locationNote: "Approximate: Epping town, not the hotel's position",
      status: "in_use",
    });
    expect(bell.state).toMatchObject({
      on: "2025-08-19",
      use: "in_use",
      useLabel: "In use as asylum accommodation",
      legal: "interim_injunction_in_force",
      legalLabel: "Interim injunction in force",
      legalExplanation: "Interim injunction granted 19 August 2025, [2025] EWHC 2183 (KB)",
      legalCaseReference: "EF-L-0001",
      enforcement: "none",
    });
  });

  it("2 September 2025: the injunction set aside by the Court of Appeal", async () => {
    const bell = await bellHotelOn("2025-09-02");
    expect(bell.state).toMatchObject({ use: "in_use", legal: "injunction_set_aside" });
    expect(bell.state.legalExplanation).toContain(
      "Set aside by the Court of Appeal on 29 August 2025, [2025] EWCA Civ 1134",
    );
  });

  it("18 August 2025 proceedings issued; 12 November 2025 final injunction refused; 1 March 2025 not in use", async () => {
    expect((await bellHotelOn("2025-08-18")).state.legal).toBe("proceedings_issued");
    expect((await bellHotelOn("2025-11-12")).state.legal).toBe("final_injunction_refused");
    expect((await bellHotelOn("2025-03-01")).state).toMatchObject({
      use: "not_in_use",
      useWhen: "between",
      legal: "none",
    });
  });

  it("applies the open legal case filter as of the day", async () => {
    const references = async (on: string, openLegalCase: boolean) =>
      (await sitesAsOn(epping, on, { openLegalCase })).map((site) => site.reference);
    expect(await references("2025-03-01", true)).toEqual([]);
    expect(await references("2025-08-19", true)).toEqual(["EF-S-0001"]);
    expect(await references("2025-08-19", false)).toEqual([]);
    // After the Supreme Court's refusal (published 1 December 2025) the council sought to appeal
    // Mould J; the Court of Appeal refused permission in March 2026 (day not found), which ended the
    // case by the end of that month at the latest.
    expect(await references("2025-12-02", true)).toEqual(["EF-S-0001"]);
    expect(await references("2026-03-15", true)).toEqual(["EF-S-0001"]);
    expect(await references("2026-04-01", false)).toEqual(["EF-S-0001"]);
  });
});

describe("the list's filters on a date", () => {
  it("applies open enforcement as of the day, and the recorded filters as they are today", async () => {
    const { council, scope } = await councilWithOfficer({ referencePrefix: "FD" });
    const [noticed, quiet, ceased, archived] = await insertSites(council, [
      { reference: "FD-S-0001", name: "Noticed Hotel", status: "in_use" },
      { reference: "FD-S-0002", name: "Quiet Hotel", status: "in_use" },
      { reference: "FD-S-0003", name: "Ceased Hotel", status: "ceased" },
      { reference: "FD-S-0004", name: "Archived Hotel", status: "in_use", archivedAt: new Date() },
    ]);
    if (!noticed || !quiet || !ceased || !archived) throw new Error("sites not created");
    // Complied with today, so closed from today; open from its issue until then.
    await insertPlanningRecord(council, noticed.id, {
      kind: "enforcement_notice",
      reference: "EN/1",
      status: "complied",
      issuedOn: "2025-05-01",
    });
    await insertPlanningRecord(council, archived.id, { kind: "stop_notice", servedOn: "2025-05-01" });
    const references = async (on: string, filter: Parameters<typeof sitesAsOn>[2]) =>
      (await sitesAsOn(scope, on, filter)).map((site) => site.reference);

    expect(await references("2025-06-01", {})).toEqual(["FD-S-0001", "FD-S-0002", "FD-S-0003"]);
    expect(await references("2025-06-01", { openEnforcement: true })).toEqual(["FD-S-0001"]);
    expect(await references("2025-04-30", { openEnforcement: true })).toEqual([]);
    expect(await references("2025-06-01", { openEnforcement: false })).toEqual(["FD-S-0002", "FD-S-0003"]);
    expect(await references("2025-06-01", { status: "ceased" })).toEqual(["FD-S-0003"]);
    expect(await references("2025-06-01", { archived: true, openEnforcement: true })).toEqual(["FD-S-0004"]);
    const [listed] = await sitesAsOn(scope, "2025-06-01", { search: "Noticed" });
    expect(listed?.state).toMatchObject({
      enforcement: "open",
      enforcementExplanation: "Enforcement notice EN/1, issued 1 May 2025",
      use: "unknown",
    });
  });
});

/** `count` sites, each with a period of use, an enforcement notice and a case with an appeal chain. */
async function councilWithSites(prefix: string, count: number) {
  const { council, scope } = await councilWithOfficer({ referencePrefix: prefix });
  const siteRows = await insertSites(
    council,
    Array.from({ length: count }, (_, index) => ({
      reference: `${prefix}-S-${String(index + 1).padStart(4, "0")}`,
      name: `Hotel ${index + 1}`,
      status: "in_use" as const,
      latitude: 51.7,
      longitude: 0.11,
    })),
  );
  await addRecords(council, siteRows);
  return scope;
}

async function addRecords(council: Council, siteRows: { id: string }[]) {
  const db = getDb();
  await db
    .insert(usePeriods)
    .values(siteRows.map((site) => ({ tenantId: council.id, siteId: site.id, startsOn: "2025-04-01" })));
  await db.insert(planningRecords).values(
    siteRows.map((site) => ({
      tenantId: council.id,
      siteId: site.id,
      kind: "enforcement_notice" as const,
      issuedOn: "2025-05-01",
    })),
  );
  const caseRows = await db
    .insert(legalCases)
    .values(
      siteRows.map((site, index) => ({
        tenantId: council.id,
        siteId: site.id,
        reference: `${council.referencePrefix}-L-${String(index + 1).padStart(4, "0")}`,
        title: "Council v Hotel Owner Ltd",
        legalBasis: "s187b_injunction" as const,
        status: "issued" as const,
      })),
    )
    .returning({ id: legalCases.id });
  const interims = await db
    .insert(proceedings)
    .values(
      caseRows.map((legalCase) => ({
        tenantId: council.id,
        caseId: legalCase.id,
        court: "high_court_kb" as const,
        kind: "interim_injunction_application" as const,
        issuedOn: "2025-08-11",
        decidedOn: "2025-08-19",
        outcome: "granted" as const,
      })),
    )
    .returning({ id: proceedings.id, caseId: proceedings.caseId });
  // Two reliefs each, as at Epping: an interim injunction granted, an interim declaration refused.
  await db.insert(proceedingReliefs).values(
    interims.flatMap((interim) => [
      {
        tenantId: council.id,
        proceedingId: interim.id,
        kind: "interim_injunction" as const,
        outcome: "granted" as const,
        position: 0,
      },
      {
        tenantId: council.id,
        proceedingId: interim.id,
        kind: "interim_declaration" as const,
        outcome: "refused" as const,
        position: 1,
      },
    ]),
  );
  await db.insert(proceedings).values(
    interims.map((interim) => ({
      tenantId: council.id,
      caseId: interim.caseId,
      parentId: interim.id,
      relation: "appeal_from" as const,
      court: "court_of_appeal_civil" as const,
      kind: "appeal" as const,
      decidedOn: "2025-08-29",
      outcome: "allowed" as const,
    })),
  );
}

describe("the number of queries", () => {
  it("is the same for 3 sites as for 300", async () => {
    const few = await councilWithSites("QF", 3);
    const many = await councilWithSites("QM", 300);
    const small = await countQueries(() => sitesAsOn(few, "2025-09-02", { openEnforcement: true }));
    const large = await countQueries(() => sitesAsOn(many, "2025-09-02", { openEnforcement: true }));
    expect(small.result).toHaveLength(3);
    expect(large.result).toHaveLength(300);
    expect(large.result.every((site) => site.state.legal === "injunction_set_aside")).toBe(true);
    expect(large.queries.length).toBe(small.queries.length);
    // The tenant settings and the role (one statement), then sites, periods of use, records, cases
    // and proceedings.
    expect(large.queries.length).toBe(6);
  });
});
