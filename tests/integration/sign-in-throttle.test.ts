// Sign-in limits under parallel guessing (the check and the count are one step in the database),
// and a paused account that still lets its owner in from an address that has not been failing.
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { action as signInAction } from "~/routes/sign-in";
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT } from "~/server/access/sign-in-throttle.server";
import { getDb } from "~db/client";
import { auditEvents, type Council, signInAttempts } from "~db/schema";
import { createCouncil, createMember, TEST_PASSWORD } from "../helpers/factories";
import { formRequest, run } from "../helpers/http";

let council: Council;

beforeAll(async () => {
  council = await createCouncil();
});

function signInPost(email: string, password: string, clientAddress: string) {
  return run(() =>
    signInAction({ request: formRequest("/sign-in", { email, password }, { clientAddress }), params: {}, context: {} }),
  );
}

/**
 * What became of the attempts on these accounts, from the platform audit log: an attempt whose
 * password was checked is audited as succeeded or failed, a refused one as throttled.
 */
async function auditedAttempts(emails: string[]) {
  const rows = await getDb()
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(
      and(
        inArray(auditEvents.action, ["sign_in.succeeded", "sign_in.failed", "sign_in.throttled"]),
        inArray(
          sql`${auditEvents.after} ->> 'email'`,
          emails.map((email) => email.toLowerCase()),
        ),
      ),
    );
  const count = (action: string) => rows.filter((row) => row.action === action).length;
  const succeeded = count("sign_in.succeeded");
  const failed = count("sign_in.failed");
  return { succeeded, failed, evaluated: succeeded + failed, throttled: count("sign_in.throttled") };
}

async function recordedAttempts(email: string) {
  return getDb().select().from(signInAttempts).where(eq(signInAttempts.emailKey, email.toLowerCase()));
}

const accountPaused = /too many failed attempts to sign in to this account/;
const networkPaused = /too many failed attempts to sign in from your network/;

describe("parallel guesses", () => {
  it(`of 40 wrong passwords sent at once from one address, only ${ACCOUNT_FAILURE_LIMIT} are checked`, async () => {
    const { user } = await createMember(council, "officer");
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, guess) => signInPost(user.email, `wrong ${guess}`, "198.51.100.10")),
    );

    const audit = await auditedAttempts([user.email]);
    expect(audit.evaluated).toBe(ACCOUNT_FAILURE_LIMIT);
    expect(audit.throttled).toBe(40 - ACCOUNT_FAILURE_LIMIT);
    expect(await recordedAttempts(user.email)).toHaveLength(ACCOUNT_FAILURE_LIMIT);
    expect(outcomes.every((outcome) => outcome.status === 400 || outcome.status === 429)).toBe(true);
    expect(outcomes.filter((outcome) => outcome.status === 429).length).toBeGreaterThanOrEqual(
      40 - ACCOUNT_FAILURE_LIMIT,
    );
    expect(outcomes.every((outcome) => outcome.setCookie === null)).toBe(true);
  });

  it("fourteen wrong passwords and the right one sent together: the right one, arriving after the limit, does not sign in", async () => {
    const { user } = await createMember(council, "officer");
    const passwords = [...Array.from({ length: 14 }, (_, guess) => `wrong ${guess}`), TEST_PASSWORD];
    const outcomes = await Promise.all(passwords.map((password) => signInPost(user.email, password, "198.51.100.20")));

    const audit = await auditedAttempts([user.email]);
    expect(audit.evaluated).toBeLessThanOrEqual(ACCOUNT_FAILURE_LIMIT);
    expect(audit.evaluated + audit.throttled).toBe(passwords.length);
    expect(audit.succeeded).toBe(0);
    const right = outcomes.at(-1);
    expect(right?.status).toBe(429);
    expect(right?.setCookie).toBeNull();
    expect(JSON.stringify(right?.body)).toMatch(accountPaused);
  });

  it(`of 40 wrong passwords for 40 accounts sent at once from one address, only ${ADDRESS_FAILURE_LIMIT} are checked`, async () => {
    const emails = Array.from({ length: 40 }, (_, index) => `parallel-${index}@test.example`);
    const outcomes = await Promise.all(emails.map((email) => signInPost(email, "wrong", "198.51.100.30")));

    const audit = await auditedAttempts(emails);
    expect(audit.evaluated).toBe(ADDRESS_FAILURE_LIMIT);
    expect(audit.throttled).toBe(40 - ADDRESS_FAILURE_LIMIT);
    expect(
      outcomes.filter((outcome) => networkPaused.test(JSON.stringify(outcome.body))).length,
    ).toBeGreaterThanOrEqual(40 - ADDRESS_FAILURE_LIMIT);
  });
});

describe("a paused account and its owner", () => {
  it("after five wrong passwords from one address, the owner signs in from another; the guessing address stays refused", async () => {
    const { user } = await createMember(council, "officer");
    const guesser = "203.0.113.5";
    for (let guess = 0; guess < ACCOUNT_FAILURE_LIMIT; guess++) {
      await signInPost(user.email, `wrong ${guess}`, guesser);
    }
    // The guessing address is refused, even with the right password, before and after the owner signs in.
    const before = await signInPost(user.email, TEST_PASSWORD, guesser);
    expect(before.status).toBe(429);
    expect(JSON.stringify(before.body)).toMatch(accountPaused);

    const owner = await signInPost(user.email, TEST_PASSWORD, "203.0.113.99");
    expect(owner.status).toBe(302);
    expect(owner.setCookie).toMatch(/session=/);

    const after = await signInPost(user.email, TEST_PASSWORD, guesser);
    expect(after.status).toBe(429);
    expect(after.setCookie).toBeNull();
    const audit = await auditedAttempts([user.email]);
    expect(audit).toMatchObject({ succeeded: 1, failed: ACCOUNT_FAILURE_LIMIT, throttled: 2 });
  });

  it("an address that has been failing elsewhere is held to the paused account's limit; a clean one is not", async () => {
    const { user } = await createMember(council, "officer");
    for (let guess = 0; guess < ACCOUNT_FAILURE_LIMIT; guess++) {
      await signInPost(user.email, `wrong ${guess}`, `203.0.113.${10 + guess}`);
    }
    await signInPost("someone-else@test.example", "wrong", "203.0.113.50");
    const fromFailing = await signInPost(user.email, TEST_PASSWORD, "203.0.113.50");
    expect(fromFailing.status).toBe(429);
    expect(JSON.stringify(fromFailing.body)).toMatch(accountPaused);
    // A fresh address gets its attempt checked: a wrong password is refused, and then it too is held.
    const wrongFromFresh = await signInPost(user.email, "wrong again", "203.0.113.60");
    expect(wrongFromFresh.status).toBe(429);
    expect((await auditedAttempts([user.email])).failed).toBe(ACCOUNT_FAILURE_LIMIT + 1);
    expect((await signInPost(user.email, TEST_PASSWORD, "203.0.113.60")).status).toBe(429);
    expect((await signInPost(user.email, TEST_PASSWORD, "203.0.113.61")).status).toBe(302);
  });

  it("the limit per address still holds across accounts, for the right password too", async () => {
    const address = "203.0.113.200";
    for (let attempt = 0; attempt < ADDRESS_FAILURE_LIMIT; attempt++) {
      await signInPost(`address-guess-${attempt}@test.example`, "wrong", address);
    }
    const { user } = await createMember(council, "viewer");
    const fromThere = await signInPost(user.email, TEST_PASSWORD, address);
    expect(fromThere.status).toBe(429);
    expect(JSON.stringify(fromThere.body)).toMatch(networkPaused);
    expect((await auditedAttempts([user.email])).evaluated).toBe(0);
    expect((await signInPost(user.email, TEST_PASSWORD, "203.0.113.201")).status).toBe(302);
  });
});
