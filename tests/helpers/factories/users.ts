// People: users, their memberships of a council, and signing them in through the real sign-in code
// to get their session cookie and the council scope their requests are given.
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { signIn } from "../../../app/server/access/auth.server";
import type { Permission } from "../../../app/server/access/permissions.server";
import { requireTenantScope, type TenantScope } from "../../../app/server/access/tenancy.server";
import { getDb } from "../../../db/client";
import { type Council, memberships, type Role, users } from "../../../db/schema";
import { formRequest, getRequest } from "../http";

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  name: string;
}

export async function createUser(overrides: Partial<typeof users.$inferInsert> = {}): Promise<TestUser> {
  passwordHash ??= hash(TEST_PASSWORD);
  const suffix = randomBytes(4).toString("hex");
  const [user] = await getDb()
    .insert(users)
    .values({
      email: `person-${suffix}@test.example`,
      name: `Person ${suffix}`,
      passwordHash: await passwordHash,
      ...overrides,
    })
    .returning({ id: users.id, email: users.email, name: users.name });
  if (!user) throw new Error("user not created");
  return user;
}

export async function addMember(council: Council, user: TestUser, role: Role) {
  const [membership] = await getDb()
    .insert(memberships)
    .values({ tenantId: council.id, userId: user.id, role })
    .returning();
  if (!membership) throw new Error("membership not created");
  return membership;
}

/** A new user who is a member of the council with the role. */
export async function createMember(council: Council, role: Role) {
  const user = await createUser();
  const membership = await addMember(council, user, role);
  return { user, membership };
}

export type TestMember = Awaited<ReturnType<typeof createMember>>;

/** Signs in through the real sign-in function; returns the Cookie header for later requests. */
export async function sessionCookieFor(user: TestUser): Promise<string> {
  const result = await signIn(
    formRequest("/sign-in", { email: user.email, password: TEST_PASSWORD }),
    user.email,
    TEST_PASSWORD,
  );
  if (!result.ok) throw new Error(`could not sign in ${user.email}: ${result.reason}`);
  return result.setCookie.split(";")[0] ?? "";
}

/** The session cookie of a new member of the council with the role. */
export async function memberCookie(council: Council, role: Role): Promise<string> {
  return sessionCookieFor((await createMember(council, role)).user);
}

/** The scope the tenancy guard gives a signed-in member's request for the council's pages. */
export function scopeFor(
  council: Council,
  cookie: string,
  permission: Permission = "record:read",
): Promise<TenantScope> {
  return requireTenantScope(getRequest(`/c/${council.slug}`, cookie), { slug: council.slug }, permission);
}

/** A new member of the council with the role, signed in: the person, their membership and their cookie. */
export async function signedInMember(council: Council, role: Role) {
  const member = await createMember(council, role);
  return { ...member, cookie: await sessionCookieFor(member.user) };
}

/** The scope of a new member of the council with the role, as the guard gives it for `permission`. */
export async function memberScope(council: Council, role: Role, permission: Permission = "record:read") {
  return scopeFor(council, await memberCookie(council, role), permission);
}
