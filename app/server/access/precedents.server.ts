// The cross-council library of precedents: for signed-in members whose role in some council may
// read it (precedent:read in the permissions table). Its queries run as app_precedent_reader,
// which may read none of any council's records; a later migration adds the library's tables.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Transaction } from "~db/client";
import { memberships, users } from "~db/schema";
import { requestIdOf } from "../http/request.server";
import { requireUser, type SignedInUser } from "./auth.server";
import { forbidden, rolesThatCan } from "./permissions.server";
import { transactionAs, withAuth } from "./scoped-transaction.server";

declare const precedentScopeBrand: unique symbol;

export interface PrecedentScope {
  readonly userId: string;
  readonly requestId: string;
  readonly user: SignedInUser;
  readonly [precedentScopeBrand]: true;
}

/**
 * The guard. Not signed in: redirect to sign in. Signed in but with no membership whose role may
 * read precedents: 403 naming the roles that may.
 */
export async function requirePrecedentScope(request: Request): Promise<PrecedentScope> {
  const user = await requireUser(request);
  const [row] = await withAuth((tx) =>
    tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.userId, user.id),
          inArray(memberships.role, [...rolesThatCan("precedent:read")]),
          isNull(users.deactivatedAt),
        ),
      )
      .limit(1),
  );
  if (!row) throw forbidden("precedent:read");
  return { userId: user.id, requestId: requestIdOf(request), user } as PrecedentScope;
}

/** Runs `work` in a transaction as app_precedent_reader, with the reader set. Use only `tx` inside. */
export function withPrecedents<T>(scope: PrecedentScope, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return transactionAs("app_precedent_reader", { userId: scope.userId }, work);
}
