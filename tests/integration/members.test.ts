// A council admin manages members: role changes and removals are audited, stale forms and
// leaving the council without an admin are refused with a message, other roles get a 403 (from the
// guard, and from the domain functions themselves).
import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { action as membersAction, loader as membersLoader } from "~/routes/c.$slug.members";
import { listAuditEvents } from "~/server/audit/audit-log.server";
import { changeMemberRole, removeMember } from "~/server/council/members.server";
import { getDb } from "~db/client";
import { auditEvents, type Council, memberships } from "~db/schema";
import {
  createCouncil,
  createMember,
  scopeFor,
  sessionCookieFor,
  signedInMember,
  type TestMember,
} from "../helpers/factories";
import { formRequest, getRequest, run } from "../helpers/http";

let council: Council;
let admin: TestMember;
let adminCookie: string;

beforeAll(async () => {
  council = await createCouncil();
  admin = await createMember(council, "council_admin");
  adminCookie = await sessionCookieFor(admin.user);
});

function post(fields: Record<string, string>, cookie = adminCookie) {
  return run(() =>
    membersAction({
      request: formRequest(`/c/${council.slug}/members`, fields, { cookie }),
      params: { slug: council.slug },
      context: {},
    }),
  );
}

async function membership(id: string) {
  const [row] = await getDb().select().from(memberships).where(eq(memberships.id, id));
  return row;
}

describe("managing members", () => {
  it("lists the council's members for an admin", async () => {
    const outcome = await run(() =>
      membersLoader({
        request: getRequest(`/c/${council.slug}/members`, adminCookie),
        params: { slug: council.slug },
        context: {},
      }),
    );
    expect(outcome.status).toBe(200);
    const body = outcome.body as { members: { email: string }[] };
    expect(body.members.map((member) => member.email)).toContain(admin.user.email);
  });

  it("changes a role, bumps the version and writes the audit entry with before and after", async () => {
    const { membership: officer } = await createMember(council, "officer");
    const outcome = await post({ intent: "change-role", membershipId: officer.id, role: "legal", version: "1" });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/c/${council.slug}/members?done=role-changed`);
    const after = await membership(officer.id);
    expect(after?.role).toBe("legal");
    expect(after?.version).toBe(2);
    const [entry] = await getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, officer.id))
      .orderBy(desc(auditEvents.occurredAt))
      .limit(1);
    expect(entry).toMatchObject({
      tenantId: council.id,
      actorUserId: admin.user.id,
      action: "membership.role_changed",
      entityType: "membership",
      before: expect.objectContaining({ role: "officer", version: 1 }),
      after: expect.objectContaining({ role: "legal", version: 2 }),
    });
  });

  it("refuses a change made on a stale page, with a message, and changes nothing", async () => {
    const { membership: officer } = await createMember(council, "officer");
    await post({ intent: "change-role", membershipId: officer.id, role: "viewer", version: "1" });
    const stale = await post({ intent: "change-role", membershipId: officer.id, role: "council_admin", version: "1" });
    expect(stale.status).toBe(409);
    expect(JSON.stringify(stale.body)).toContain("Someone else changed this member since you opened the page");
    expect((await membership(officer.id))?.role).toBe("viewer");
  });

  it("refuses to leave the council without a council admin", async () => {
    const solo = await createCouncil();
    const only = await signedInMember(solo, "council_admin");
    const outcome = await run(() =>
      membersAction({
        request: formRequest(
          `/c/${solo.slug}/members`,
          { intent: "remove", membershipId: only.membership.id, version: "1" },
          { cookie: only.cookie },
        ),
        params: { slug: solo.slug },
        context: {},
      }),
    );
    expect(outcome.status).toBe(409);
    expect(JSON.stringify(outcome.body)).toContain("at least one council admin");
    expect(await membership(only.membership.id)).toBeDefined();
  });

  it("removes a member and audits it", async () => {
    const { membership: leaver } = await createMember(council, "viewer");
    expect((await post({ intent: "remove", membershipId: leaver.id, version: "1" })).status).toBe(302);
    expect(await membership(leaver.id)).toBeUndefined();
    const [entry] = await getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, leaver.id))
      .orderBy(desc(auditEvents.occurredAt));
    expect(entry?.action).toBe("membership.removed");
    expect(entry?.after).toBeNull();
  });

  it("explains bad input and changes nothing", async () => {
    const { membership: officer } = await createMember(council, "officer");
    const outcome = await post({ intent: "change-role", membershipId: officer.id, role: "emperor", version: "1" });
    expect(outcome.status).toBe(400);
    expect(JSON.stringify(outcome.body)).toContain("Choose a role");
    expect((await membership(officer.id))?.role).toBe("officer");
  });

  it("tells an officer which role the page needs (403), and changes nothing for them", async () => {
    const { membership: officer, cookie } = await signedInMember(council, "officer");
    const page = await run(() =>
      membersLoader({
        request: getRequest(`/c/${council.slug}/members`, cookie),
        params: { slug: council.slug },
        context: {},
      }),
    );
    expect(page.status).toBe(403);
    expect(page.body).toBe("You need the council admin role to see this page.");
    const attempt = await post(
      { intent: "change-role", membershipId: officer.id, role: "council_admin", version: "1" },
      cookie,
    );
    expect(attempt.status).toBe(403);
    expect((await membership(officer.id))?.role).toBe("officer");
  });

  it("is refused by the domain functions too (403) when a scope without the permission reaches them", async () => {
    const { membership: officer, cookie } = await signedInMember(council, "officer");
    const officerScope = await scopeFor(council, cookie);
    await expect(
      changeMemberRole(officerScope, { membershipId: officer.id, role: "council_admin", version: 1 }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(removeMember(officerScope, { membershipId: admin.membership.id, version: 1 })).rejects.toMatchObject({
      status: 403,
    });
    await expect(listAuditEvents(officerScope, { page: 1 })).rejects.toMatchObject({ status: 403 });
    expect((await membership(officer.id))?.role).toBe("officer");
    expect(await membership(admin.membership.id)).toBeDefined();
  });

  it("sends someone who is not signed in to sign in", async () => {
    const outcome = await run(() =>
      membersLoader({ request: getRequest(`/c/${council.slug}/members`), params: { slug: council.slug }, context: {} }),
    );
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/sign-in?redirectTo=${encodeURIComponent(`/c/${council.slug}/members`)}`);
  });
});
