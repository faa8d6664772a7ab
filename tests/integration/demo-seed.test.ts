// The demo data: both councils with one account per role, written once however often it runs.
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signIn } from "~/server/access/auth.server";
import { getDb } from "~db/client";
import { councils, memberships, users } from "~db/schema";
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
