// README, Decision 10: Optimistic locking, written once. Every council record carries a `version`;
// a form sends the version it was loaded at, and a change is saved only if the record is still at
// that version: otherwise nobody's work is overwritten and the person is told what happened
// (ChangeRefused with staleMessage, a 409 the form shows). The version is checked twice: against
// the row read in this transaction, and again in the UPDATE's or DELETE's own `where`, so a change
// committed in between is refused too. Each saved change writes its audit entry, with the row
// before and after, in the same transaction.
import { and, eq } from "drizzle-orm";
import type { AnyPgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Transaction } from "~db/client";
import { ChangeRefused, staleMessage } from "../access/refusals.server";
import type { TenantScope } from "../access/tenancy.server";
import { recordAudit } from "../audit/record-audit.server";

/** A council's table whose rows carry their council, an id, a version and when they last changed. */
export type VersionedTable = PgTable & {
  id: AnyPgColumn;
  tenantId: AnyPgColumn;
  version: AnyPgColumn;
  updatedAt: AnyPgColumn;
};

export interface VersionedChange<TRow> {
  /** The record as read in this transaction. */
  before: TRow & { id: string; version: number };
  /** The version the person's form was loaded at. */
  version: number;
  /** What the record is called in the stale message: "site", "period of use". */
  what: string;
  /**
   * The stale refusal's words, where a page words it its own way (a member's asks to check the
   * role); otherwise staleMessage(what).
   */
  stale?: string;
  /** The audit entry: its action ("site.updated") and entity type ("site"). */
  action: string;
  entityType: string;
  /**
   * What of the row the audit entry keeps, when not all of it (a flag change keeps the flag), or
   * more than it (a record with the rows saved with it: `when` says which side of the change).
   */
  audited?: (row: TRow, when: "before" | "after") => unknown;
}

/** Refuses the change unless the record read is still at the version the form was loaded at. */
export function assertCurrent(
  record: { version: number },
  version: number,
  what: string,
  stale: string = staleMessage(what),
): void {
  if (record.version !== version) throw new ChangeRefused(stale);
}

/**
 * Saves `values` over the record if it is still at `change.version`, moving it to the next
 * version, and audits the change. Returns the row as saved.
 */
export async function updateVersioned<TTable extends VersionedTable>(
  tx: Transaction,
  scope: TenantScope,
  table: TTable,
  change: VersionedChange<TTable["$inferSelect"]>,
  values: PgUpdateSetSource<TTable>,
): Promise<TTable["$inferSelect"]> {
  const { before, version, what, stale = staleMessage(what) } = change;
  assertCurrent(before, version, what, stale);
  const [after] = (await tx
    .update(table)
    .set({ ...values, version: version + 1, updatedAt: new Date() } as PgUpdateSetSource<TTable>)
    .where(and(eq(table.tenantId, scope.tenantId), eq(table.id, before.id), eq(table.version, version)))
    .returning()) as TTable["$inferSelect"][];
  if (!after) throw new ChangeRefused(stale);
  await recordAudit(tx, scope, {
    action: change.action,
    entityType: change.entityType,
    entityId: before.id,
    before: change.audited ? change.audited(before, "before") : before,
    after: change.audited ? change.audited(after, "after") : after,
  });
  return after;
}

/**
 * Deletes the record if it is still at `change.version`, and audits it (the row as it was, or what
 * `audited` keeps of it). `before` needs only the record's id and version, so a summary read (a
 * boundary without its geometry) will do.
 */
export async function deleteVersioned<TTable extends VersionedTable, TRow = TTable["$inferSelect"]>(
  tx: Transaction,
  scope: TenantScope,
  table: TTable,
  change: VersionedChange<TRow>,
): Promise<void> {
  const { before, version, what, stale = staleMessage(what) } = change;
  assertCurrent(before, version, what, stale);
  const deleted = await tx
    .delete(table)
    .where(and(eq(table.tenantId, scope.tenantId), eq(table.id, before.id), eq(table.version, version)))
    .returning({ id: table.id });
  if (deleted.length === 0) throw new ChangeRefused(stale);
  await recordAudit(tx, scope, {
    action: change.action,
    entityType: change.entityType,
    entityId: before.id,
    before: change.audited ? change.audited(before, "before") : before,
  });
}
