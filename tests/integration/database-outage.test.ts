// A transaction whose connection the server kills: its next statement fails with CONNECTION_CLOSED
// at once, the process lives on, and the same database handle serves the next request. Without
// db/patches/postgres+3.4.7.patch the statement is buffered for a socket that no longer exists and
// the driver throws from a timer (porsager/postgres #1154, #1208), which kills the process.
//
// Runs only on the PostgreSQL server (DATABASE_URL): the defect is in the postgres.js driver, and the
// embedded PGlite has neither that driver nor server processes to terminate.
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TenantScope, withTenant } from "~/server/access/tenancy.server";
import { databaseErrorCode, isDatabaseUnavailable } from "~/server/http/error-log.server";
import { getDatabaseHandle, getDb } from "~db/client";
import { councils } from "~db/schema";
import { councilWithOfficer } from "../helpers/factories";

/** The codes a statement on a lost connection may fail with; the patched driver says CONNECTION_CLOSED. */
const CONNECTION_LOST = ["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "ECONNRESET", "57P01"];
const HANG = Symbol("no answer");

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** The rows of a raw statement: postgres.js returns them as an array. */
function rowsOf<Row>(result: unknown): Row[] {
  if (!Array.isArray(result)) throw new Error("expected the postgres driver's rows");
  return result as Row[];
}

/** Settles with what `work` rejects with, or HANG if it has not settled within `ms`. */
async function rejectionWithin(work: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof HANG>((resolve) => {
    timer = setTimeout(() => resolve(HANG), ms);
  });
  try {
    return await Promise.race([
      work.then(
        () => new Error("expected the statement to fail, but it succeeded"),
        (error: unknown) => error,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

describe.skipIf(!process.env.DATABASE_URL)("a database connection lost in the middle of a transaction", () => {
  let scope: TenantScope;
  let killer: postgres.Sql;

  beforeAll(async () => {
    ({ scope } = await councilWithOfficer());
    const url = getDatabaseHandle().url;
    if (!url) throw new Error("expected the postgres driver");
    // The server's view from outside the app's pool, as an operator (or a restart) would end a session.
    killer = postgres(url, { max: 1, onnotice: () => {} });
  });

  afterAll(async () => {
    await killer?.end({ timeout: 5 });
  });

  /**
   * Opens a withTenant transaction, has the server terminate its backend, waits until the driver has
   * seen the connection close, then runs the transaction's next statement.
   */
  async function statementAfterTermination() {
    const connectionClosed = deferred();
    const statementSettled = deferred<{ error: unknown; ms: number }>();
    const transaction = withTenant(scope, async (tx) => {
      const [row] = rowsOf<{ pid: number }>(await tx.execute(sql`select pg_backend_pid() as pid`));
      if (!row) throw new Error("no backend pid");
      const [terminated] = await killer<{ ok: boolean }[]>`select pg_terminate_backend(${row.pid}) as ok`;
      expect(terminated?.ok).toBe(true);
      await connectionClosed.promise;
      const started = performance.now();
      const error = await rejectionWithin(tx.execute(sql`select 1`), 5000);
      statementSettled.resolve({ error, ms: performance.now() - started });
      throw error;
    });
    // The driver rejects the transaction as soon as it sees its connection close.
    const transactionError = await rejectionWithin(transaction, 5000);
    connectionClosed.resolve();
    const statement = await Promise.race([
      statementSettled.promise,
      new Promise<{ error: typeof HANG; ms: number }>((resolve) =>
        setTimeout(() => resolve({ error: HANG, ms: 5000 }), 6000),
      ),
    ]);
    return { transactionError, statement };
  }

  it("fails the next statement with CONNECTION_CLOSED within a few seconds, and the process lives on", async () => {
    const { transactionError, statement } = await statementAfterTermination();

    expect(transactionError).not.toBe(HANG);
    expect(CONNECTION_LOST).toContain(databaseErrorCode(transactionError));
    expect(statement.error, "the statement after the termination never settled").not.toBe(HANG);
    expect(isDatabaseUnavailable(statement.error)).toBe(true);
    expect(CONNECTION_LOST).toContain(databaseErrorCode(statement.error));
    expect(statement.ms).toBeLessThan(3000);

    // The unpatched driver throws from a setImmediate: let a few turns of the event loop pass.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(process.exitCode ?? 0).toBe(0);

    // The same handle reconnects for the next request, inside and outside a tenant's transaction.
    const [one] = rowsOf<{ one: number }>(await getDb().execute(sql`select 1 as one`));
    expect(one?.one).toBe(1);
    const visible = await withTenant(scope, (tx) => tx.select({ id: councils.id }).from(councils));
    expect(visible).toEqual([{ id: scope.tenantId }]);
  });

  it("keeps the whole pool usable after more terminations than it has connections", async () => {
    for (let round = 0; round < 6; round += 1) {
      const { statement } = await statementAfterTermination();
      expect(statement.error, `round ${round}: the statement never settled`).not.toBe(HANG);
      expect(CONNECTION_LOST).toContain(databaseErrorCode(statement.error));
    }
    // More concurrent transactions than the test pool's four connections: each must still get one.
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        withTenant(scope, async (tx) => {
          await tx.execute(sql`select pg_sleep(0.05)`);
          return tx.select({ id: councils.id }).from(councils);
        }),
      ),
    );
    expect(results.every((rows) => rows.length === 1 && rows[0]?.id === scope.tenantId)).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
