// The three scopes beside a council's: platform, public and precedents, and the access layer's
// own role. Inside each one's
// transaction a query that names no council sees only what that audience may (the grants and
// policies of migrations/0016_access_scopes.sql), writes it may not make are refused by the
// database, and each guard turns away the wrong person. Runs on both drivers.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as adminAuditLoader } from "~/routes/admin.audit";
import { loader as adminCouncilsLoader } from "~/routes/admin.councils";
import { type PlatformScope, requirePlatformScope, withPlatform } from "~/server/access/platform.server";
import { type PrecedentScope, requirePrecedentScope, withPrecedents } from "~/server/access/precedents.server";
import { type PublicScope, publicScope, withPublic } from "~/server/access/public.server";
import { withAuth } from "~/server/access/scoped-transaction.server";
import { recordAudit } from "~/server/audit/record-audit.server";
import { getDb } from "~db/client";
import type { Council } from "~db/schema";
import { auditEvents, councilBoundaries, councils, memberships, sessions, users } from "~db/schema";
import { refusalOf } from "../../helpers/db-errors";
import {
  addSite,
  councilWithOfficer,
  createCouncil,
  createUser,
  memberCookie,
  sessionCookieFor,
} from "../../helpers/factories";
import { getRequest, run } from "../../helpers/http";

let councilA: Council;
let councilB: Council;
let platform: PlatformScope;
let adminCookie: string;
let officerCookie: string;
let legalCookie: string;
let viewerCookie: string;
let precedents: PrecedentScope;
let publicScoped: PublicScope;

const COUNCIL_RECORDS = ["sites", "complaints", "legal_cases", "documents", "timeline_events", "planning_records"];

beforeAll(async () => {
  const a = await councilWithOfficer();
  councilA = a.council;
  officerCookie = a.cookie;
  await addSite(a.scope, { name: "Platform Must Not See Hotel" });
  councilB = await createCouncil();
  legalCookie = await memberCookie(councilB, "legal");
  viewerCookie = await memberCookie(councilA, "viewer");
  const admin = await createUser({ isPlatformAdmin: true });
  adminCookie = await sessionCookieFor(admin);
  platform = await requirePlatformScope(getRequest("/admin/councils", adminCookie));
  precedents = await requirePrecedentScope(getRequest("/precedents", legalCookie));
  publicScoped = publicScope(getRequest("/"));
  // A council's own audit entry, which the platform must not see.
  await getDb().transaction((tx) =>
    recordAudit(
      tx,
      { tenantId: councilA.id, userId: a.officer.user.id, requestId: null },
      { action: "council.only", entityType: "x", entityId: null },
    ),
  );
});

describe("PlatformScope (app_platform)", () => {
  it("sees every council and every membership with no filter", async () => {
    const rows = await withPlatform(platform, (tx) => tx.select({ id: councils.id }).from(councils));
    expect(rows.map((row) => row.id)).toEqual(expect.arrayContaining([councilA.id, councilB.id]));
    const members = await withPlatform(platform, (tx) =>
      tx.select({ tenantId: memberships.tenantId }).from(memberships),
    );
    expect(new Set(members.map((row) => row.tenantId))).toEqual(new Set([councilA.id, councilB.id]));
  });

  it("reads the platform audit log only: entries with no council", async () => {
    const rows = await withPlatform(platform, (tx) =>
      tx.select({ tenantId: auditEvents.tenantId, action: auditEvents.action }).from(auditEvents),
    );
    expect(rows.length).toBeGreaterThan(0); // the sign-ins above
    expect(rows.every((row) => row.tenantId === null)).toBe(true);
    expect(rows.map((row) => row.action)).not.toContain("council.only");
  });

  it("is refused every council record table, and users' password hashes", async () => {
    for (const table of COUNCIL_RECORDS) {
      expect(await refusalOf(withPlatform(platform, (tx) => tx.execute(sql.raw(`select * from ${table}`))))).toMatch(
        /permission denied/,
      );
    }
    expect(await refusalOf(withPlatform(platform, (tx) => tx.select({ h: users.passwordHash }).from(users)))).toMatch(
      /permission denied/,
    );
    expect(await refusalOf(withPlatform(platform, (tx) => tx.execute(sql`select * from sessions`)))).toMatch(
      /permission denied/,
    );
  });

  it("may write councils, memberships and boundaries, but may not delete a council", async () => {
    const person = await createUser();
    await withPlatform(platform, async (tx) => {
      await tx.update(councils).set({ name: "Renamed By Platform" }).where(sql`${councils.id} = ${councilB.id}`);
      await tx.insert(memberships).values({ tenantId: councilB.id, userId: person.id, role: "council_admin" });
      await tx.delete(councilBoundaries).where(sql`${councilBoundaries.tenantId} = ${councilB.id}`);
    });
    const [renamed] = await getDb().select({ name: councils.name }).from(councils).where(sql`id = ${councilB.id}`);
    expect(renamed?.name).toBe("Renamed By Platform");
    expect(
      await refusalOf(withPlatform(platform, (tx) => tx.execute(sql`delete from councils where id = ${councilB.id}`))),
    ).toMatch(/permission denied/);
  });

  it("appends to the platform audit log as itself only, and never changes it or writes a council's", async () => {
    await withPlatform(platform, (tx) =>
      recordAudit(tx, platform, { action: "platform.test", entityType: "council", entityId: councilB.id }),
    );
    expect(
      await refusalOf(
        withPlatform(platform, (tx) =>
          recordAudit(
            tx,
            { ...platform, tenantId: councilA.id },
            { action: "forged", entityType: "x", entityId: null },
          ),
        ),
      ),
    ).toMatch(/row-level security/);
    expect(
      await refusalOf(withPlatform(platform, (tx) => tx.execute(sql`update audit_events set action = 'x'`))),
    ).toMatch(/permission denied/);
    expect(await refusalOf(withPlatform(platform, (tx) => tx.execute(sql`delete from audit_events`)))).toMatch(
      /permission denied/,
    );
  });

  it("is refused to a council member with 403, as before; the pages still work for the platform administrator", async () => {
    expect((await run(() => requirePlatformScope(getRequest("/admin/councils", officerCookie)))).status).toBe(403);
    expect(
      (
        await run(() =>
          adminCouncilsLoader({ request: getRequest("/admin/councils", officerCookie), params: {}, context: {} }),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await run(() =>
          adminAuditLoader({ request: getRequest("/admin/audit", officerCookie), params: {}, context: {} }),
        )
      ).status,
    ).toBe(403);
    expect((await run(() => requirePlatformScope(getRequest("/admin/councils")))).status).toBe(302);
    const list = await adminCouncilsLoader({
      request: getRequest("/admin/councils", adminCookie),
      params: {},
      context: {},
    });
    const listed = list.councils.find((council) => council.slug === councilA.slug);
    expect(listed?.members).toBe(2);
    const audit = await adminAuditLoader({ request: getRequest("/admin/audit", adminCookie), params: {}, context: {} });
    expect(audit.total).toBeGreaterThan(0);
    expect(audit.entries.map((entry) => entry.action)).not.toContain("council.only");
  });
});

describe("PublicScope (app_public)", () => {
  it("reads the councils' public names and nothing else of them", async () => {
    const rows = await withPublic(publicScoped, (tx) =>
      tx.select({ slug: councils.slug, name: councils.name }).from(councils),
    );
    expect(rows.map((row) => row.slug)).toEqual(expect.arrayContaining([councilA.slug, councilB.slug]));
    expect(
      await refusalOf(withPublic(publicScoped, (tx) => tx.select({ id: councils.gssCode }).from(councils))),
    ).toMatch(/permission denied/);
    expect(await refusalOf(withPublic(publicScoped, (tx) => tx.execute(sql`select * from councils`)))).toMatch(
      /permission denied/,
    );
  });

  it("is refused users, memberships, the audit log and every council record", async () => {
    for (const table of [
      "users",
      "memberships",
      "audit_events",
      "sessions",
      "council_boundaries",
      ...COUNCIL_RECORDS,
    ]) {
      expect(await refusalOf(withPublic(publicScoped, (tx) => tx.execute(sql.raw(`select 1 from ${table}`))))).toMatch(
        /permission denied/,
      );
    }
  });

  it("may write nothing", async () => {
    expect(
      await refusalOf(
        withPublic(publicScoped, (tx) => tx.execute(sql`update councils set name = 'x' where slug = ${councilA.slug}`)),
      ),
    ).toMatch(/permission denied/);
    expect(
      await refusalOf(
        withPublic(publicScoped, (tx) => tx.insert(auditEvents).values({ action: "forged", entityType: "x" })),
      ),
    ).toMatch(/permission denied/);
  });

  it("publicScope() reads no cookie and looks up no session", () => {
    const read: string[] = [];
    const request = getRequest("/", officerCookie);
    const headers = new Proxy(request.headers, {
      get(target, property) {
        if (property === "get") {
          return (name: string) => {
            read.push(name.toLowerCase());
            return target.get(name);
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const scope = publicScope(
      new Proxy(request, { get: (target, p) => (p === "headers" ? headers : Reflect.get(target, p, target)) }),
    );
    expect(read).not.toContain("cookie");
    expect(Object.keys(scope)).toEqual(["requestId"]);
  });
});

describe("PrecedentScope (app_precedent_reader)", () => {
  it("reads nothing of any council yet", async () => {
    for (const table of [
      "councils",
      "users",
      "memberships",
      "audit_events",
      "council_boundaries",
      ...COUNCIL_RECORDS,
    ]) {
      expect(
        await refusalOf(withPrecedents(precedents, (tx) => tx.execute(sql.raw(`select 1 from ${table}`)))),
      ).toMatch(/permission denied/);
    }
  });

  it("may write nothing", async () => {
    expect(
      await refusalOf(
        withPrecedents(precedents, (tx) =>
          tx.insert(memberships).values({ tenantId: councilA.id, userId: precedents.userId, role: "council_admin" }),
        ),
      ),
    ).toMatch(/permission denied/);
  });

  it("is given to a member whose role may read precedents, and refused to a viewer or an officer (403)", async () => {
    expect(precedents.userId).toBeTruthy();
    expect((await run(() => requirePrecedentScope(getRequest("/precedents", viewerCookie)))).status).toBe(403);
    expect((await run(() => requirePrecedentScope(getRequest("/precedents", officerCookie)))).status).toBe(403);
    expect((await run(() => requirePrecedentScope(getRequest("/precedents")))).status).toBe(302);
  });
});

describe("the access layer's own role (app_auth)", () => {
  it("reads what sign-in and the guards need: users' sign-in columns, memberships, councils' names, sessions", async () => {
    const [member] = await withAuth((tx) =>
      tx
        .select({ hash: users.passwordHash, slug: councils.slug, role: memberships.role })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .innerJoin(councils, eq(councils.id, memberships.tenantId))
        .where(eq(memberships.tenantId, councilA.id))
        .limit(1),
    );
    expect(member?.slug).toBe(councilA.slug);
    expect(member?.hash).toMatch(/^\$argon2/);
    const liveSessions = await withAuth((tx) => tx.select({ id: sessions.id }).from(sessions));
    expect(liveSessions.length).toBeGreaterThan(0); // the cookies made above
  });

  it("is refused every council record, the boundaries, councils' other columns and the audit log's contents", async () => {
    for (const table of ["council_boundaries", ...COUNCIL_RECORDS]) {
      expect(await refusalOf(withAuth((tx) => tx.execute(sql.raw(`select 1 from ${table}`))))).toMatch(
        /permission denied/,
      );
    }
    expect(await refusalOf(withAuth((tx) => tx.execute(sql`select * from councils`)))).toMatch(/permission denied/);
    expect(await refusalOf(withAuth((tx) => tx.execute(sql`select action from audit_events`)))).toMatch(
      /permission denied/,
    );
  });

  it("may change no person, membership or council, and may audit only sign-ins and sign-outs", async () => {
    expect(
      await refusalOf(
        withAuth((tx) => tx.execute(sql`update users set is_platform_admin = true where id = ${precedents.userId}`)),
      ),
    ).toMatch(/permission denied/);
    expect(
      await refusalOf(
        withAuth((tx) =>
          tx.insert(memberships).values({ tenantId: councilA.id, userId: precedents.userId, role: "council_admin" }),
        ),
      ),
    ).toMatch(/permission denied/);
    expect(
      await refusalOf(withAuth((tx) => tx.execute(sql`update councils set name = 'x' where id = ${councilA.id}`))),
    ).toMatch(/permission denied/);
    await withAuth((tx) =>
      recordAudit(
        tx,
        { tenantId: null, userId: null, requestId: null },
        { action: "sign_out", entityType: "user", entityId: null },
      ),
    );
    expect(
      await refusalOf(
        withAuth((tx) =>
          recordAudit(
            tx,
            { tenantId: councilA.id, userId: null, requestId: null },
            { action: "sign_out", entityType: "user", entityId: null },
          ),
        ),
      ),
    ).toMatch(/row-level security/);
    expect(
      await refusalOf(
        withAuth((tx) =>
          recordAudit(
            tx,
            { tenantId: null, userId: null, requestId: null },
            { action: "council.created", entityType: "council", entityId: null },
          ),
        ),
      ),
    ).toMatch(/row-level security/);
  });
});
