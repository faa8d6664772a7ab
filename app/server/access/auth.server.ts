// Sign-in, sessions and the signed-in user. Lucia (v3) lives behind this module and nothing
// else touches it, so replacing it later changes one file (README, Decision 4).
//
// Auth's own lookups (lucia's sessions and users, the sign-in throttle, the councils a user
// belongs to) and the guards' membership and calendar-token checks happen before there is any
// scope to run under; they run as app_auth (withAuth), a role that reaches exactly those tables
// (migrations/0017_auth_role.sql). Lucia keeps its sessions through session-store.server.ts, our
// adapter over the same role. The platform administrator's guard is requirePlatformScope, in
// access/platform.server.ts (README, Decision 41).
//
// README, Decision 4: Lucia 3.2 works and is small; the client fixed it in the stack, although
// upstream has deprecated it and its authors now recommend writing the ~100 lines of session code
// yourself. Its storage is our own adapter (session-store.server.ts, seven short queries as
// app_auth) rather than @lucia-auth/adapter-drizzle, which reads every column of `users`
// (password hash included) on the owning connection. The exit path is to replace this module's
// internals with our own session functions (random id, SHA-256 of it stored, the same `sessions`
// table and cookie), with the tests in tests/integration/sign-in.test.ts unchanged. Never call
// lucia inside withTenant: on PGlite it would wait for the transaction's connection forever.
//
// README, Decision 5: Sessions: a browser-session cookie, expiry decided by the server. Sessions
// last 8 hours and slide while in use; lucia extends them in the database. The cookie carries no
// `Max-Age` or `Expires` (lucia's own choice would be 400 days, which says nothing true about a
// session the server ends after 8 idle hours), so it ends with the browser at the latest and never
// needs re-sending as the session slides. It is HttpOnly and SameSite=Lax, and Secure with the
// `__Host-` prefix when `SESSION_SECURE=true`. The default is `false` because `npm start` serves
// plain HTTP on localhost; the server says so at start-up. A new session (new id) starts at every
// sign-in and any session the browser held is ended.

import { hash, verify } from "@node-rs/argon2";
import { redirect } from "@remix-run/node";
import { asc, eq, sql } from "drizzle-orm";
import { Lucia, TimeSpan } from "lucia";
import { councils, memberships, users } from "~db/schema";
import { recordAudit } from "../audit/record-audit.server";
import { env } from "../env.server";
import { formSourceOrigin, REFUSALS } from "../http/edge.server";
import { clientAddressOf, requestIdOf } from "../http/request.server";
import { memoisedForRequest } from "./request-memo.server";
import { withAuth } from "./scoped-transaction.server";
import { sessionStore } from "./session-store.server";
import { reserveAttempt, settleAttempt, type ThrottleState, throttleState } from "./sign-in-throttle.server";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
}

interface UserAttributes {
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  deactivatedAt: Date | null;
}

function createLucia() {
  const secure = env().SESSION_SECURE;
  return new Lucia(sessionStore, {
    // Sliding expiry: lucia extends a session used in the second half of this span.
    sessionExpiresIn: new TimeSpan(8, "h"),
    sessionCookie: {
      // __Host- pins the cookie to this host and path; browsers accept it only when Secure.
      name: secure ? "__Host-session" : "session",
      // The server decides expiry (8 hours idle); the cookie is sent without a lifetime of its own
      // (see sessionCookie), so it never outlives the browser and never needs re-sending as it slides.
      expires: false,
      attributes: { secure, sameSite: "lax" },
    },
    getUserAttributes: (attributes: UserAttributes) => ({
      email: attributes.email,
      name: attributes.name,
      isPlatformAdmin: attributes.isPlatformAdmin,
      deactivatedAt: attributes.deactivatedAt,
    }),
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: UserAttributes;
    UserId: string;
  }
}

let instance: ReturnType<typeof createLucia> | undefined;

function lucia() {
  instance ??= createLucia();
  return instance;
}

// argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: the OWASP minimum).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A real hash to verify against when the email is unknown, so both paths take the same time.
let decoyHash: Promise<string> | undefined;

async function passwordMatches(storedHash: string | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    decoyHash ??= hash("not-a-real-password-for-timing");
    await verify(await decoyHash, password);
    return false;
  }
  return verify(storedHash, password);
}

/**
 * The session cookie for a new session, as a browser-session cookie: lucia would give it a
 * 400-day Max-Age (its only choice for a cookie that is not re-sent as the session slides), which
 * says nothing true about a session the server ends after 8 idle hours.
 */
function sessionCookie(sessionId: string): string {
  const cookie = lucia().createSessionCookie(sessionId);
  cookie.attributes.maxAge = undefined;
  cookie.attributes.expires = undefined;
  return cookie.serialize();
}

/** The signed-in user of this request, or null (looked up once per page request). */
export function getSignedInUser(request: Request): Promise<SignedInUser | null> {
  return memoisedForRequest(request, "signed-in user", () => sessionUser(request));
}

async function sessionUser(request: Request): Promise<SignedInUser | null> {
  const sessionId = lucia().readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return null;
  const { session, user } = await lucia().validateSession(sessionId);
  if (!session || !user) return null;
  if (user.deactivatedAt) {
    await lucia().invalidateSession(session.id);
    return null;
  }
  return { id: user.id, email: user.email, name: user.name, isPlatformAdmin: user.isPlatformAdmin };
}

/**
 * Refuses a state-changing request sent from another site (CSRF): the second lock behind the
 * server's edge (edge.server.ts), which checks the same before any route runs. Browsers send
 * Origin on every POST; the Referer is the fallback; a request with neither is refused. Scheme,
 * host and port must all match the request's address, which the edge builds from PUBLIC_ORIGIN.
 */
export function assertSameOrigin(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD") return;
  const source = formSourceOrigin(request.headers.get("Origin"), request.headers.get("Referer"));
  if (source !== new URL(request.url).origin) {
    throw new Response(REFUSALS.crossOrigin.message, { status: 403, statusText: "Forbidden" });
  }
}

/** The guard for any signed-in page: redirects to sign in, and checks the origin of mutations. */
export async function requireUser(request: Request): Promise<SignedInUser> {
  assertSameOrigin(request);
  const user = await getSignedInUser(request);
  if (!user) {
    const url = new URL(request.url);
    const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
    throw redirect(`/sign-in?${params}`);
  }
  return user;
}

export type SignInResult =
  | { ok: true; user: SignedInUser; setCookie: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; throttle: ThrottleState };

/**
 * Checks an email and password, throttled per account and per client address, audits the
 * attempt, and on success starts a new session (a fresh id: any old session is ended). The
 * attempt is reserved against the limits before the password is checked, in one atomic step,
 * so parallel guesses cannot all pass the check (sign-in-throttle.server.ts).
 */
export async function signIn(
  request: Request,
  email: string,
  password: string,
  now = new Date(),
): Promise<SignInResult> {
  const emailKey = email.trim().toLowerCase();
  const clientAddress = clientAddressOf(request);
  const requestId = requestIdOf(request);
  const attempted = { email: emailKey, clientAddress };
  // One short transaction: who the email belongs to, then the reservation under its locks (and,
  // when refused, the audit entry saying so). The locks are held only until it commits.
  const { account, reservation } = await withAuth(async (tx) => {
    const [found] = await tx
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        passwordHash: users.passwordHash,
        isPlatformAdmin: users.isPlatformAdmin,
        deactivatedAt: users.deactivatedAt,
      })
      .from(users)
      .where(eq(sql`lower(${users.email})`, emailKey))
      .limit(1);
    const reserved = await reserveAttempt(tx, { emailKey, clientAddress, attemptedAt: now });
    if (!reserved.ok) {
      await recordAudit(
        tx,
        { tenantId: null, userId: found?.id ?? null, requestId },
        { action: "sign_in.throttled", entityType: "user", entityId: found?.id ?? null, after: attempted },
      );
    }
    return { account: found, reservation: reserved };
  });
  if (!reservation.ok) return { ok: false, reason: "throttled", throttle: reservation.throttle };
  const actor = { tenantId: null, userId: account?.id ?? null, requestId };

  // Reserved, and counted as a failure until settled; no lock is held while argon2 runs.
  let matches: boolean;
  try {
    matches = await passwordMatches(account?.passwordHash, password);
  } catch (error) {
    await withAuth((tx) => settleAttempt(tx, reservation.attemptId, false));
    throw error;
  }
  const succeeded = matches && account !== undefined && account.deactivatedAt === null;
  const throttleAfter = await withAuth(async (tx) => {
    await settleAttempt(tx, reservation.attemptId, succeeded);
    await recordAudit(tx, actor, {
      action: succeeded ? "sign_in.succeeded" : "sign_in.failed",
      entityType: "user",
      entityId: account?.id ?? null,
      after: matches && account?.deactivatedAt ? { ...attempted, deactivated: true } : attempted,
    });
    // After a failure: whether this one has now paused the account or the address.
    return succeeded ? undefined : throttleState(tx, emailKey, clientAddress, now);
  });

  if (!succeeded || !account) {
    return throttleAfter?.locked
      ? { ok: false, reason: "throttled", throttle: throttleAfter }
      : { ok: false, reason: "invalid" };
  }

  const oldSessionId = lucia().readSessionCookie(request.headers.get("Cookie") ?? "");
  if (oldSessionId) await lucia().invalidateSession(oldSessionId);
  const session = await lucia().createSession(account.id, {});
  return {
    ok: true,
    user: { id: account.id, email: account.email, name: account.name, isPlatformAdmin: account.isPlatformAdmin },
    setCookie: sessionCookie(session.id),
  };
}

/** Ends the request's session (if any) and returns the cookie header that clears it. */
export async function signOut(request: Request): Promise<string> {
  assertSameOrigin(request);
  const sessionId = lucia().readSessionCookie(request.headers.get("Cookie") ?? "");
  if (sessionId) {
    const { user } = await lucia().validateSession(sessionId);
    await lucia().invalidateSession(sessionId);
    if (user) {
      await withAuth((tx) =>
        recordAudit(
          tx,
          { tenantId: null, userId: user.id, requestId: requestIdOf(request) },
          {
            action: "sign_out",
            entityType: "user",
            entityId: user.id,
          },
        ),
      );
    }
  }
  return lucia().createBlankSessionCookie().serialize();
}

export interface CouncilMembershipSummary {
  slug: string;
  name: string;
  role: (typeof memberships.$inferSelect)["role"];
}

/** The councils a user belongs to, for choosing one after sign-in. */
export async function councilsOfUser(userId: string): Promise<CouncilMembershipSummary[]> {
  return withAuth((tx) =>
    tx
      .select({ slug: councils.slug, name: councils.name, role: memberships.role })
      .from(memberships)
      .innerJoin(councils, eq(councils.id, memberships.tenantId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(councils.name)),
  );
}

/** Where a user goes after signing in: the councils list, their one council, or a choice. */
export async function landingPathFor(user: SignedInUser): Promise<string> {
  if (user.isPlatformAdmin) return "/admin/councils";
  const councilList = await councilsOfUser(user.id);
  const [only] = councilList;
  return councilList.length === 1 && only ? `/c/${only.slug}` : "/councils";
}
