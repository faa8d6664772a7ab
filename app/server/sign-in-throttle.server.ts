// Throttles password guessing, per account and per client address, from attempts stored in the
// database so the limit holds across processes and restarts.
import { and, desc, eq, gt } from "drizzle-orm";
import type { Queryable } from "~db/client";
import { signInAttempts } from "~db/schema";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Wrong passwords in a row for one account before it is paused. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failures from one address (any accounts) within the window before it is paused. */
export const ADDRESS_FAILURE_LIMIT = 20;

export type ThrottleState = { locked: false } | { locked: true; retryAt: Date; scope: "account" | "address" };

export async function checkThrottle(
  db: Queryable,
  emailKey: string,
  clientAddress: string,
  now: Date,
): Promise<ThrottleState> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [accountAttempts, addressFailures] = await Promise.all([
    db
      .select({ succeeded: signInAttempts.succeeded, attemptedAt: signInAttempts.attemptedAt })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.emailKey, emailKey), gt(signInAttempts.attemptedAt, since)))
      .orderBy(desc(signInAttempts.attemptedAt))
      .limit(ACCOUNT_FAILURE_LIMIT),
    db
      .select({ attemptedAt: signInAttempts.attemptedAt })
      .from(signInAttempts)
      .where(
        and(
          eq(signInAttempts.clientAddress, clientAddress),
          eq(signInAttempts.succeeded, false),
          gt(signInAttempts.attemptedAt, since),
        ),
      )
      .orderBy(desc(signInAttempts.attemptedAt))
      .limit(ADDRESS_FAILURE_LIMIT),
  ]);

  const failuresInARow = accountAttempts.findIndex((attempt) => attempt.succeeded);
  const accountFailures = failuresInARow === -1 ? accountAttempts.length : failuresInARow;
  const accountOldest = accountAttempts[ACCOUNT_FAILURE_LIMIT - 1];
  if (accountFailures >= ACCOUNT_FAILURE_LIMIT && accountOldest) {
    return {
      locked: true,
      scope: "account",
      retryAt: new Date(accountOldest.attemptedAt.getTime() + THROTTLE_WINDOW_MS),
    };
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

export async function recordAttempt(
  db: Queryable,
  attempt: { emailKey: string; clientAddress: string; succeeded: boolean; attemptedAt: Date },
): Promise<void> {
  await db.insert(signInAttempts).values(attempt);
}
