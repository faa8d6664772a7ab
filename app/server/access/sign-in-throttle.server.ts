// Throttles password guessing, per account and per client address, from attempts stored in the
// database so the limits hold across processes and restarts (README, Decision 7).
//
// The check and the count are one step: `reserveAttempt` takes two transaction-scoped advisory
// locks (one on the account's email, one on the address), reads the limits and, if they allow,
// writes the attempt as pending (`succeeded` null), then commits, all in one short transaction.
// Parallel attempts on the same account or from the same address therefore queue for the locks
// and each sees the attempts reserved before it, in this process or any other. The password is
// checked after the commit (argon2 is slow: no lock is held while hashing) and `settleAttempt`
// records the outcome. A pending attempt counts as a failure, so one whose process died while
// checking the password stays a failure until the window has passed.
//
// Policy. From one address, twenty failures (any accounts) in 15 minutes pause that address.
// Five failures on one account (from any addresses, within 15 minutes, since this address last
// signed in to it) pause the account, but only for addresses that have themselves failed in those
// 15 minutes: a stranger's wrong guesses cannot lock the owner out from an address that has not
// been failing. So an attacker with many addresses gets, beyond the first five, one guess at a
// paused account per fresh address per 15 minutes (and at most twenty from each).
//
// README, Decision 7: Why our own code on a database table: the limits must hold across processes
// and restarts, and the rate-limiting libraries have no store for PGlite. Because attempts queue
// for the locks, 40 guesses sent at once get 5 password checks, not 40. The cost of sparing the
// owner from lock-out is that an attacker with many addresses is no longer held to five guesses per
// account; two-factor sign-in is the stronger answer to that. The refusal's message says at what
// time to try again; every attempt and every refusal is in the platform audit log.
import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { Queryable, Transaction } from "~db/client";
import { signInAttempts } from "~db/schema";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failures on one account (since the asking address last signed in) that pause it for addresses that have failed. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failures from one address (any accounts) within the window before it is paused. */
export const ADDRESS_FAILURE_LIMIT = 20;

export type ThrottleState = { locked: false } | { locked: true; retryAt: Date; scope: "account" | "address" };

export type Reservation = { ok: true; attemptId: string } | { ok: false; throttle: ThrottleState & { locked: true } };

// Two-key advisory locks: the first key keeps accounts, addresses and every other lock apart.
const ACCOUNT_LOCK_CLASS = 0x5349_0001;
const ADDRESS_LOCK_CLASS = 0x5349_0002;

/** Not (yet) a success: a failure, or an attempt whose password is still being checked. */
const notSucceeded = sql`${signInAttempts.succeeded} is not true`;

/** Whether an attempt on this account, from this address, may be evaluated now. */
export async function throttleState(
  db: Queryable,
  emailKey: string,
  clientAddress: string,
  now: Date,
): Promise<ThrottleState> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const addressFailures = await db
    .select({ attemptedAt: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.clientAddress, clientAddress), notSucceeded, gt(signInAttempts.attemptedAt, since)))
    .orderBy(desc(signInAttempts.attemptedAt))
    .limit(ADDRESS_FAILURE_LIMIT);

  // The account's limit binds only an address that has been failing.
  if (addressFailures.length > 0) {
    // A success resets the count for the address it came from, not for the others: the owner
    // signing in does not give a guesser elsewhere five more tries.
    const [lastSuccessHere] = await db
      .select({ attemptedAt: signInAttempts.attemptedAt })
      .from(signInAttempts)
      .where(
        and(
          eq(signInAttempts.emailKey, emailKey),
          eq(signInAttempts.clientAddress, clientAddress),
          eq(signInAttempts.succeeded, true),
          gt(signInAttempts.attemptedAt, since),
        ),
      )
      .orderBy(desc(signInAttempts.attemptedAt))
      .limit(1);
    const accountFailures = await db
      .select({ attemptedAt: signInAttempts.attemptedAt })
      .from(signInAttempts)
      .where(
        and(
          eq(signInAttempts.emailKey, emailKey),
          notSucceeded,
          gt(signInAttempts.attemptedAt, lastSuccessHere?.attemptedAt ?? since),
        ),
      )
      .orderBy(desc(signInAttempts.attemptedAt))
      .limit(ACCOUNT_FAILURE_LIMIT);
    const accountOldest = accountFailures[ACCOUNT_FAILURE_LIMIT - 1];
    if (accountOldest) {
      return {
        locked: true,
        scope: "account",
        retryAt: new Date(accountOldest.attemptedAt.getTime() + THROTTLE_WINDOW_MS),
      };
    }
  }
  const addressOldest = addressFailures[ADDRESS_FAILURE_LIMIT - 1];
  if (addressOldest) {
    return {
      locked: true,
      scope: "address",
      retryAt: new Date(addressOldest.attemptedAt.getTime() + THROTTLE_WINDOW_MS),
    };
  }
  return { locked: false };
}

/**
 * Checks the limits and, if they allow, records the attempt as pending, atomically: no other
 * attempt on the same account or from the same address can be checked in between. Run it in a
 * transaction of its own and commit at once: the advisory locks are held until the commit.
 */
export async function reserveAttempt(
  tx: Transaction,
  attempt: { emailKey: string; clientAddress: string; attemptedAt: Date },
): Promise<Reservation> {
  // Always the account first, then the address, so two attempts never wait on each other in a circle.
  await tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNT_LOCK_CLASS}::int, hashtext(${attempt.emailKey}))`);
  await tx.execute(sql`select pg_advisory_xact_lock(${ADDRESS_LOCK_CLASS}::int, hashtext(${attempt.clientAddress}))`);
  const state = await throttleState(tx, attempt.emailKey, attempt.clientAddress, attempt.attemptedAt);
  if (state.locked) return { ok: false, throttle: state };
  const [reserved] = await tx
    .insert(signInAttempts)
    .values({ ...attempt, succeeded: null })
    .returning({ id: signInAttempts.id });
  if (!reserved) throw new Error("The sign-in attempt was not recorded.");
  return { ok: true, attemptId: reserved.id };
}

/** Records whether a reserved attempt's password was right. */
export async function settleAttempt(db: Queryable, attemptId: string, succeeded: boolean): Promise<void> {
  await db.update(signInAttempts).set({ succeeded }).where(eq(signInAttempts.id, attemptId));
}
