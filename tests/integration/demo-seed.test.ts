// The demo data: both councils with one account per role, written once however often it runs.
import { and, asc, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signIn } from "~/server/access/auth.server";
import { getDb } from "~db/client";
import { councils, memberships, proceedingParties, proceedingReliefs, proceedings, users } from "~db/schema";
import { demoAccounts, seedDemo } from "~db/seed/demo";
import { formRequest } from "../helpers/http";

describe("demo seed", () => {
  it("writes Epping Forest and a fictional council, idempotently", async () => {
    expect(await seedDemo(getDb(), "demo password 123")).toBe(true);
    expect(await seedDemo(getDb(), "demo password 123")).toBe(false);
    const [epping] = await getDb().select().from(councils).where(eq(councils.slug, "epping-forest"));
    expect(epping).toMatchObject({
      name: "Epping Forest District Council",
      gssCode: "E07000072",
      nation: "england",
      councilType: "district",
    });
    const [fictional] = await getDb().select().from(councils).where(eq(councils.slug, "northmere"));
    expect(fictional?.name).toMatch(/fictional/);
    // A code is never invented: the fictional council has none.
    expect(fictional?.gssCode).toBeNull();
    const [userCount] = await getDb().select({ value: count() }).from(users);
    expect(userCount?.value).toBe(demoAccounts().length);
    const [membershipCount] = await getDb().select({ value: count() }).from(memberships);
    expect(membershipCount?.value).toBe(8);
  });

  it("lists the Home Secretary in each Epping proceeding only with the role and date facts.md states, and each relief with its outcome", async () => {
    await seedDemo(getDb(), "demo password 123");
    const [epping] = await getDb().select().from(councils).where(eq(councils.slug, "epping-forest"));
    const tenantId = epping?.id ?? "";
    const homeSecretary = await getDb()
      .select({
        citation: proceedings.neutralCitation,
        kind: proceedings.kind,
        role: proceedingParties.role,
        roleOn: proceedingParties.roleOn,
      })
      .from(proceedingParties)
      .innerJoin(proceedings, eq(proceedings.id, proceedingParties.proceedingId))
      .where(and(eq(proceedingParties.tenantId, tenantId), eq(proceedingParties.kind, "home_secretary")))
      .orderBy(asc(proceedings.decidedOn), asc(proceedingParties.role));
    // Refused joinder by Eyre J (19 August 2025); in the Court of Appeal an appellant against that
    // refusal, and an intervener from its decision of 29 August 2025. Nowhere else.
    expect(homeSecretary.map((row) => [row.citation, row.role, row.roleOn])).toEqual([
      ["[2025] EWHC 2183 (KB)", "joinder_refused", "2025-08-19"],
      ["[2025] EWCA Civ 1134", "appellant", null],
      ["[2025] EWCA Civ 1134", "intervener", "2025-08-29"],
    ]);
    const reliefs = await getDb()
      .select({
        citation: proceedings.neutralCitation,
        kind: proceedingReliefs.kind,
        outcome: proceedingReliefs.outcome,
      })
      .from(proceedingReliefs)
      .innerJoin(proceedings, eq(proceedings.id, proceedingReliefs.proceedingId))
      .where(eq(proceedingReliefs.tenantId, tenantId))
      .orderBy(asc(proceedings.decidedOn), asc(proceedingReliefs.position));
    expect(reliefs.map((row) => [row.citation, row.kind, row.outcome])).toEqual([
      ["[2025] EWHC 2183 (KB)", "interim_injunction", "granted"],
      ["[2025] EWHC 2183 (KB)", "interim_declaration", "refused"],
      ["[2025] EWHC 2937 (KB)", "final_injunction", "refused"],
      ["[2025] EWHC 2937 (KB)", "declaration", "refused"],
    ]);
  });

  it("every listed account can sign in with the demo password", async () => {
    for (const account of demoAccounts()) {
      const result = await signIn(
        formRequest("/sign-in", {}, { clientAddress: "198.51.100.7" }),
        account.email,
        "demo password 123",
      );
      expect(result.ok, account.email).toBe(true);
    }
  });
});
