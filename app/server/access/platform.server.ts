// The platform administrator's scope: councils, memberships and the platform's own audit log,
// never a council's records. requirePlatformScope is the only way to get a PlatformScope, and
// withPlatform the only way to use one: its queries run as app_platform.
import type { Transaction } from "~db/client";
import { requestIdOf } from "../http/request.server";
import { requireUser, type SignedInUser } from "./auth.server";
import { transactionAs } from "./scoped-transaction.server";

declare const platformScopeBrand: unique symbol;

export interface PlatformScope {
  /** Always null: platform work belongs to no council (so a scope is also an audit actor). */
  readonly tenantId: null;
  readonly userId: string;
  readonly requestId: string;
  readonly user: SignedInUser;
  readonly [platformScopeBrand]: true;
}

/** The guard. Not signed in: redirect to sign in. Signed in but not a platform administrator: 403. */
export async function requirePlatformScope(request: Request): Promise<PlatformScope> {
  const user = await requireUser(request);
  if (!user.isPlatformAdmin) {
    throw new Response("You need to be a platform administrator to see this page.", {
      status: 403,
      statusText: "Forbidden",
    });
  }
  return { tenantId: null, userId: user.id, requestId: requestIdOf(request), user } as PlatformScope;
}

/** Runs `work` in a transaction as app_platform, with the acting user set. Use only `tx` inside. */
export function withPlatform<T>(scope: PlatformScope, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return transactionAs("app_platform", { userId: scope.userId }, work);
}
