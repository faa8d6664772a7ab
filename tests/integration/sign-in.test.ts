// Signing in and out through the real routes: sessions, landing pages, CSRF, throttling, audit.
import { and, desc, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as dashboardLoader } from "~/routes/c.$slug._index";
import { action as signInAction, loader as signInLoader } from "~/routes/sign-in";
import { action as signOutAction } from "~/routes/sign-out";
import { signIn } from "~/server/access/auth.server";
import {
  ACCOUNT_FAILURE_LIMIT,
  ADDRESS_FAILURE_LIMIT,
  THROTTLE_WINDOW_MS,
} from "~/server/access/sign-in-throttle.server";
import { getDb } from "~db/client";
import { auditEvents, type Council, users } from "~db/schema";
import { addMember, createCouncil, createMember, createUser, TEST_PASSWORD } from "../helpers/factories";
import { formRequest, getRequest, run } from "../helpers/http";

let council: Council;
let otherCouncil: Council;

beforeAll(async () => {
  council = await createCouncil();
  otherCouncil = await createCouncil();
});

function signInPost(email: string, password: string, options: Parameters<typeof formRequest>[2] = {}) {
  return run(() =>
    signInAction({ request: formRequest("/sign-in", { email, password }, options), params: {}, context: {} }),
  );
}

function cookiePair(setCookie: string | null): string {
  return (setCookie ?? "").split(";")[0] ?? "";
}

async function auditFor(userId: string | null, email: string) {
  const rows = await getDb()
    .select({ action: auditEvents.action, after: auditEvents.after, tenantId: auditEvents.tenantId })
    .from(auditEvents)
    .where(userId ? eq(auditEvents.actorUserId, userId) : isNull(auditEvents.actorUserId))
    .orderBy(desc(auditEvents.occurredAt));
  return rows.filter((row) => (row.after as { email?: string } | null)?.email === email.toLowerCase());
}

describe("signing in", () => {
  it("takes a member of one council to its dashboard, with an HttpOnly SameSite=Lax session cookie", async () => {
    const { user } = await createMember(council, "officer");
    const outcome = await signInPost(user.email.toUpperCase(), TEST_PASSWORD);
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/c/${council.slug}`);
    expect(outcome.setCookie).toMatch(/HttpOnly/i);
    expect(outcome.setCookie).toMatch(/SameSite=Lax/i);
    // A browser-session cookie: no lifetime longer than the server's own 8-hour idle expiry.
    expect(outcome.setCookie).not.toMatch(/Max-Age|Expires/i);

    const dashboard = await run(() =>
      dashboardLoader({
        request: getRequest(`/c/${council.slug}`, cookiePair(outcome.setCookie)),
        params: { slug: council.slug },
        context: {},
      }),
    );
    expect(dashboard.status).toBe(200);
    const audit = await auditFor(user.id, user.email);
    expect(audit[0]?.action).toBe("sign_in.succeeded");
    expect(audit[0]?.tenantId).toBeNull();
  });

  it("sends a member of several councils to choose one, and a platform admin to the councils list", async () => {
    const { user } = await createMember(council, "viewer");
    await addMember(otherCouncil, user, "legal");
    expect((await signInPost(user.email, TEST_PASSWORD)).location).toBe("/councils");
    const admin = await createUser({ isPlatformAdmin: true });
    expect((await signInPost(admin.email, TEST_PASSWORD)).location).toBe("/admin/councils");
  });

  it("returns to the page that asked for sign-in, but never to another site", async () => {
    const { user } = await createMember(council, "viewer");
    const back = await run(() =>
      signInAction({
        request: formRequest("/sign-in", {
          email: user.email,
          password: TEST_PASSWORD,
          redirectTo: `/c/${council.slug}`,
        }),
        params: {},
        context: {},
      }),
    );
    expect(back.location).toBe(`/c/${council.slug}`);
    const away = await run(() =>
      signInAction({
        request: formRequest("/sign-in", { email: user.email, password: TEST_PASSWORD, redirectTo: "//evil.example/" }),
        params: {},
        context: {},
      }),
    );
    expect(away.location).toBe(`/c/${council.slug}`);
  });

  it("starts a new session at every sign-in and ends the one the browser held", async () => {
    const { user } = await createMember(council, "officer");
    const first = cookiePair((await signInPost(user.email, TEST_PASSWORD)).setCookie);
    const second = await signInPost(user.email, TEST_PASSWORD, { cookie: first });
    const secondCookie = cookiePair(second.setCookie);
    expect(secondCookie).not.toBe(first);
    const withOld = await run(() =>
      dashboardLoader({
        request: getRequest(`/c/${council.slug}`, first),
        params: { slug: council.slug },
        context: {},
      }),
    );
    expect(withOld.status).toBe(302);
    expect(withOld.location).toMatch(/^\/sign-in\?redirectTo=/);
  });

  it("explains a missing email or password, and keeps the email typed but not the password", async () => {
    const outcome = await signInPost("", "");
    expect(outcome.status).toBe(400);
    const body = outcome.body as { error?: Record<string, string[]> };
    expect(body.error?.email).toEqual(["Enter your email address"]);
    expect(body.error?.password).toEqual(["Enter your password"]);
    const typed = await signInPost("not-an-email", "secret");
    const reply = typed.body as { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };
    expect(reply.error?.email?.[0]).toMatch(/correct format/);
    expect(reply.initialValue?.email).toBe("not-an-email");
    expect(reply.initialValue?.password).toBeUndefined();
  });

  it("refuses a wrong password with a plain message and audits the failure", async () => {
    const { user } = await createMember(council, "officer");
    const outcome = await signInPost(user.email, "wrong password");
    expect(outcome.status).toBe(400);
    expect(JSON.stringify(outcome.body)).toContain("The email address or password is not right");
    expect(outcome.setCookie).toBeNull();
    const audit = await auditFor(user.id, user.email);
    expect(audit.map((row) => row.action)).toEqual(["sign_in.failed"]);
  });

  it("audits attempts on unknown accounts too, without saying whether the account exists", async () => {
    const outcome = await signInPost("nobody@test.example", "whatever");
    expect(JSON.stringify(outcome.body)).toContain("The email address or password is not right");
    expect((await auditFor(null, "nobody@test.example"))[0]?.action).toBe("sign_in.failed");
  });

  it("refuses a deactivated user, and ends their existing sessions", async () => {
    const { user } = await createMember(council, "officer");
    const cookie = cookiePair((await signInPost(user.email, TEST_PASSWORD)).setCookie);
    await getDb().update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, user.id));
    expect((await signInPost(user.email, TEST_PASSWORD)).status).toBe(400);
    const page = await run(() =>
      dashboardLoader({
        request: getRequest(`/c/${council.slug}`, cookie),
        params: { slug: council.slug },
        context: {},
      }),
    );
    expect(page.status).toBe(302);
  });
});

describe("throttling", () => {
  it(`pauses an account after ${ACCOUNT_FAILURE_LIMIT} wrong passwords in a row, says when to try again, and audits every attempt`, async () => {
    const { user } = await createMember(council, "officer");
    const outcomes = [];
    for (let attempt = 0; attempt < ACCOUNT_FAILURE_LIMIT; attempt++) {
      outcomes.push(await signInPost(user.email, `wrong ${attempt}`, { clientAddress: `10.0.0.${attempt}` }));
    }
    expect(outcomes.slice(0, -1).every((outcome) => outcome.status === 400)).toBe(true);
    const last = outcomes.at(-1);
    expect(last?.status).toBe(429);
    expect(JSON.stringify(last?.body)).toMatch(
      /too many failed attempts to sign in to this account\. Try again after \d\d:\d\d \(in 15 minutes\)/,
    );

    // Even the right password is refused from the addresses that failed while the account is paused.
    const right = await signInPost(user.email, TEST_PASSWORD, { clientAddress: "10.0.0.1" });
    expect(right.status).toBe(429);
    expect(right.setCookie).toBeNull();

    const audit = await auditFor(user.id, user.email);
    expect(audit.filter((row) => row.action === "sign_in.failed")).toHaveLength(ACCOUNT_FAILURE_LIMIT);
    expect(audit[0]?.action).toBe("sign_in.throttled");

    // The owner, from an address that has not been failing, still gets in.
    expect((await signInPost(user.email, TEST_PASSWORD, { clientAddress: "10.0.1.1" })).status).toBe(302);
  });

  it("lets the account in again once the window has passed", async () => {
    const { user } = await createMember(council, "officer");
    const request = () => formRequest("/sign-in", {}, { clientAddress: "10.1.0.1" });
    const start = new Date();
    for (let attempt = 0; attempt < ACCOUNT_FAILURE_LIMIT; attempt++)
      await signIn(request(), user.email, "wrong", start);
    expect((await signIn(request(), user.email, TEST_PASSWORD, start)).ok).toBe(false);
    const later = new Date(start.getTime() + THROTTLE_WINDOW_MS + 1000);
    expect((await signIn(request(), user.email, TEST_PASSWORD, later)).ok).toBe(true);
  });

  it("a success resets the count: only failures in a row pause the account", async () => {
    const { user } = await createMember(council, "officer");
    for (let attempt = 0; attempt < ACCOUNT_FAILURE_LIMIT - 1; attempt++) await signInPost(user.email, "wrong");
    expect((await signInPost(user.email, TEST_PASSWORD)).status).toBe(302);
    for (let attempt = 0; attempt < ACCOUNT_FAILURE_LIMIT - 1; attempt++) await signInPost(user.email, "wrong");
    expect((await signInPost(user.email, TEST_PASSWORD)).status).toBe(302);
  });

  it(`pauses a network address after ${ADDRESS_FAILURE_LIMIT} failures across accounts`, async () => {
    const address = "192.0.2.44";
    for (let attempt = 0; attempt < ADDRESS_FAILURE_LIMIT; attempt++) {
      await signInPost(`guess-${attempt}@test.example`, "wrong", { clientAddress: address });
    }
    const { user } = await createMember(council, "viewer");
    const fromThere = await signInPost(user.email, TEST_PASSWORD, { clientAddress: address });
    expect(fromThere.status).toBe(429);
    expect(JSON.stringify(fromThere.body)).toContain("from your network");
    expect((await signInPost(user.email, TEST_PASSWORD, { clientAddress: "192.0.2.45" })).status).toBe(302);
  });
});

describe("forged requests", () => {
  it("refuses a sign-in posted from another site, or with no origin at all", async () => {
    const { user } = await createMember(council, "officer");
    expect((await signInPost(user.email, TEST_PASSWORD, { origin: "https://evil.example" })).status).toBe(403);
    expect((await signInPost(user.email, TEST_PASSWORD, { origin: null })).status).toBe(403);
  });

  it("refuses a sign-out posted from another site, and keeps the session", async () => {
    const { user } = await createMember(council, "officer");
    const cookie = cookiePair((await signInPost(user.email, TEST_PASSWORD)).setCookie);
    const forged = await run(() =>
      signOutAction({
        request: formRequest("/sign-out", {}, { cookie, origin: "https://evil.example" }),
        params: {},
        context: {},
      }),
    );
    expect(forged.status).toBe(403);
    const page = await run(() =>
      dashboardLoader({
        request: getRequest(`/c/${council.slug}`, cookie),
        params: { slug: council.slug },
        context: {},
      }),
    );
    expect(page.status).toBe(200);
  });
});

describe("signing out", () => {
  it("ends the session, clears the cookie and is audited", async () => {
    const { user } = await createMember(council, "officer");
    const cookie = cookiePair((await signInPost(user.email, TEST_PASSWORD)).setCookie);
    const outcome = await run(() =>
      signOutAction({ request: formRequest("/sign-out", {}, { cookie }), params: {}, context: {} }),
    );
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/signed-out");
    expect(outcome.setCookie).toMatch(/Max-Age=0/);
    const page = await run(() =>
      dashboardLoader({
        request: getRequest(`/c/${council.slug}`, cookie),
        params: { slug: council.slug },
        context: {},
      }),
    );
    expect(page.status).toBe(302);
    const [latest] = await getDb()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, user.id)))
      .orderBy(desc(auditEvents.occurredAt))
      .limit(1);
    expect(latest?.action).toBe("sign_out");
  });

  it("the sign-in page sends someone already signed in on to their landing page", async () => {
    const { user } = await createMember(council, "officer");
    const cookie = cookiePair((await signInPost(user.email, TEST_PASSWORD)).setCookie);
    const outcome = await run(() => signInLoader({ request: getRequest("/sign-in", cookie), params: {}, context: {} }));
    expect(outcome.location).toBe(`/c/${council.slug}`);
  });
});
