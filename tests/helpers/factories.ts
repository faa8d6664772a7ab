// Builds councils, users and memberships in the test database, and signs users in through the
// real sign-in code to get their session cookie.
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { signIn } from "../../app/server/access/auth.server";
import { getDb } from "../../db/client";
import { type Council, councils, memberships, type Role, users } from "../../db/schema";
import { formRequest } from "./http";

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

function unique(): string {
  return randomBytes(4).toString("hex");
}

let gssCounter = 0;

export async function createCouncil(overrides: Partial<typeof councils.$inferInsert> = {}): Promise<Council> {
  const suffix = unique();
  gssCounter += 1;
  const [council] = await getDb()
    .insert(councils)
    .values({
      slug: `council-${suffix}`,
      name: `Test Council ${suffix}`,
      gssCode: `E07${String(800000 + Math.floor(Math.random() * 100000) + gssCounter).padStart(6, "0")}`,
      councilType: "district",
      isLocalPlanningAuthority: true,
      referencePrefix: "TC",
      ...overrides,
    })
    .returning();
  if (!council) throw new Error("council not created");
  return council;
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
}

export async function createUser(overrides: Partial<typeof users.$inferInsert> = {}): Promise<TestUser> {
  passwordHash ??= hash(TEST_PASSWORD);
  const suffix = unique();
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
