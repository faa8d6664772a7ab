// The public pages' scope: no user and no session (the guard never reads a cookie). Its queries
// run as app_public, which today may read nothing but the councils' public names; a later
// migration adds the rows councils have published.
import type { Transaction } from "~db/client";
import { requestIdOf } from "../http/request.server";
import { transactionAs } from "./scoped-transaction.server";

declare const publicScopeBrand: unique symbol;

export interface PublicScope {
  readonly requestId: string;
  readonly [publicScopeBrand]: true;
}

/** The guard: anyone may have a public scope. It reads the request's id and nothing else. */
export function publicScope(request: Request): PublicScope {
  return { requestId: requestIdOf(request) } as PublicScope;
}

/** Runs `work` in a transaction as app_public. Use only `tx` inside. */
export function withPublic<T>(_scope: PublicScope, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return transactionAs("app_public", {}, work);
}
