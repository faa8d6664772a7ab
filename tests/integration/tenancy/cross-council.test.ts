// An attack from council B on council A's memberships and audit records, through every route
// and domain function of the foundation: each attempt is a 404 and changes nothing.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as councilLoader } from "~/routes/c.$slug";
import { loader as dashboardLoader } from "~/routes/c.$slug._index";
import { loader as auditLoader } from "~/routes/c.$slug.audit";
import { action as membersAction, loader as membersLoader } from "~/routes/c.$slug.members";
import { listAuditEvents } from "~/server/audit/audit-log.server";
import { changeMemberRole, listMembers, removeMember } from "~/server/council/members.server";
import { getDb } from "~db/client";
import { auditEvents, type Council, memberships } from "~db/schema";
import {
  createCouncil,
  createMember,
  memberCookie,
  memberScope,
  scopeFor,
  type TestMember,
} from "../../helpers/factories";
import { formRequest, getRequest, run } from "../../helpers/http";

let councilA: Council;
let councilB: Council;
let officerA: TestMember;
let officerBCookie: string;
let adminBCookie: string;

beforeAll(async () => {
  councilA = await createCouncil();
  councilB = await createCouncil();
  officerA = await createMember(councilA, "officer");
  officerBCookie = await memberCookie(councilB, "officer");
  adminBCookie = await memberCookie(councilB, "council_admin");
  // Give council A an audit trail to aim at.
  const scopeA = await memberScope(councilA, "council_admin", "member:manage");
  await changeMemberRole(scopeA, { membershipId: officerA.membership.id, role: "legal", version: 1 });
});

async function membershipOfOfficerA() {
  const [row] = await getDb().select().from(memberships).where(eq(memberships.id, officerA.membership.id));
  return row;
}

describe("council B against council A", () => {
  type AnyLoader = (args: LoaderFunctionArgs) => Promise<unknown>;
  it.each<[string, AnyLoader, string]>([
    ["the council section", councilLoader, ""],
    ["the dashboard", dashboardLoader, ""],
    ["the members page", membersLoader, "/members"],
    ["the audit log", auditLoader, "/audit"],
  ])("B's officer and admin get 404 for A's %s", async (_name, loader, path) => {
    for (const cookie of [officerBCookie, adminBCookie]) {
      const outcome = await run(() =>
        loader({
          request: getRequest(`/c/${councilA.slug}${path}`, cookie),
          params: { slug: councilA.slug },
          context: {},
        }),
      );
      expect(outcome.status).toBe(404);
    }
  });

  it("a council that does not exist looks exactly the same: 404", async () => {
    const outcome = await run(() =>
      dashboardLoader({
        request: getRequest("/c/no-such-council", officerBCookie),
        params: { slug: "no-such-council" },
        context: {},
      }),
    );
    expect(outcome.status).toBe(404);
  });

  it("B's admin cannot change or remove A's member through A's URL", async () => {
    const before = await membershipOfOfficerA();
    for (const fields of <Record<string, string>[]>[
      {
        intent: "change-role",
        membershipId: officerA.membership.id,
        role: "council_admin",
        version: String(before?.version),
      },
      { intent: "remove", membershipId: officerA.membership.id, version: String(before?.version) },
    ]) {
      const outcome = await run(() =>
        membersAction({
          request: formRequest(`/c/${councilA.slug}/members`, fields, { cookie: adminBCookie }),
          params: { slug: councilA.slug },
          context: {},
        }),
      );
      expect(outcome.status).toBe(404);
    }
    expect(await membershipOfOfficerA()).toEqual(before);
  });

  it("B's admin cannot change or remove A's member by sending A's id to B's own URL", async () => {
    const before = await membershipOfOfficerA();
    for (const fields of <Record<string, string>[]>[
      { intent: "change-role", membershipId: officerA.membership.id, role: "viewer", version: String(before?.version) },
      { intent: "remove", membershipId: officerA.membership.id, version: String(before?.version) },
    ]) {
      const outcome = await run(() =>
        membersAction({
          request: formRequest(`/c/${councilB.slug}/members`, fields, { cookie: adminBCookie }),
          params: { slug: councilB.slug },
          context: {},
        }),
      );
      expect(outcome.status).toBe(404);
    }
    expect(await membershipOfOfficerA()).toEqual(before);
  });

  it("B's scope reads none of A's members or audit entries, and its domain functions cannot touch A's", async () => {
    const scopeB = await scopeFor(councilB, adminBCookie, "member:manage");
    const members = await listMembers(scopeB);
    expect(members.map((member) => member.membershipId)).not.toContain(officerA.membership.id);
    const audit = await listAuditEvents(scopeB, { page: 1 });
    const aEntries = await getDb()
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(eq(auditEvents.tenantId, councilA.id));
    expect(aEntries.length).toBeGreaterThan(0);
    expect(audit.entries.map((entry) => entry.id)).not.toEqual(expect.arrayContaining([aEntries[0]?.id]));
    const before = await membershipOfOfficerA();
    expect(await changeMemberRole(scopeB, { membershipId: officerA.membership.id, role: "viewer", version: 2 })).toBe(
      false,
    );
    expect(await removeMember(scopeB, { membershipId: officerA.membership.id, version: 2 })).toBe(false);
    expect(await membershipOfOfficerA()).toEqual(before);
  });
});
