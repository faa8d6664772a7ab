// The council's deadlines in one list: statutory dates of open planning and enforcement records,
// court orders with a date, hearings and confirmed court clocks of running cases (the last from
// court-clock-deadlines.server.ts); marking one done (and reopening it).
// A fixed number of queries however many records there are. An order that is not live (set
// aside, stayed, discharged, expired, complied with) keeps its item, with its status in words, but
// is never due or overdue: it is grouped under "no longer due" (README, Decision 46, in
// app/lib/order-status.ts).
//
// README, Decision 28: A deadline marked done is remembered under a fixed key, for the date it was
// done for. `deadline_completions` stores the record, the deadline's key (`response-due`,
// `takes-effect`, …) and its due date. It counts as done only while that is still the deadline's
// date, so a corrected date reopens it. Officers, legal and council admins may mark done or reopen
// (viewers get 403), each audited. Done deadlines leave the dashboard too.
import { and, asc, eq, inArray, isNotNull, isNull, ne, notInArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { addDays, type IsoDate, todayInLondon } from "~/lib/dates";
import { type ComplianceStep, type DeadlineInput, deadlinesFor, isDeadlineLive } from "~/lib/deadlines";
import { isUuid } from "~/lib/ids";
import { COURT_LABELS, type OrderStatus, PROCEEDING_KIND_LABELS } from "~/lib/legal-codes";
import { isOrderLive, orderStatusWords } from "~/lib/order-status";
import { CLOSED_PLANNING_STATUSES, PLANNING_KIND_LABELS, type PlanningRecordKind } from "~/lib/planning-codes";
import type { Nation } from "~/lib/roles";
import type { DeadlineSource } from "~/lib/timeline-codes";
import type { Transaction } from "~db/client";
import { stepsOfRecords } from "~db/planning-timeline";
import {
  councils,
  courtOrders,
  deadlineCompletions,
  hearings,
  legalCases,
  planningRecords,
  proceedings,
  sites,
  users,
} from "~db/schema";
import { assertCan } from "../../access/permissions.server";
import { ChangeRefused } from "../../access/refusals.server";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";
// Confirmed court clocks as deadlines (court-clock-deadlines.server.ts).
import { courtClockItems, courtClockRows } from "./court-clock-deadlines.server";

/** The deadline keys of court events: an order has one date to meet, a hearing one day. */
export const ORDER_DEADLINE_KEY = "order-due";
export const HEARING_DEADLINE_KEY = "hearing";

/** Days from today (inclusive) that count as "this week", and the end of "next 30 days". */
export const THIS_WEEK_DAYS = 7;
export const NEXT_DAYS = 30;
/** How long a deadline done in the past stays under "recently done". */
export const RECENTLY_DONE_DAYS = 30;

/** The record a deadline belongs to, with the path of its page. */
export type DeadlineBelongsTo =
  | {
      type: "site";
      siteReference: string;
      siteName: string;
      recordKind: PlanningRecordKind;
      recordReference: string | null;
      /** "Planning contravention notice (PCN) PCN/7" */
      record: string;
      href: string;
    }
  | {
      type: "case";
      caseReference: string;
      caseTitle: string;
      /** "Appeal, Court of Appeal, Civil Division (CA-2025-001)" */
      proceeding: string;
      href: string;
    };

export interface DeadlineRef {
  sourceType: DeadlineSource;
  sourceId: string;
  deadlineKey: string;
}

export interface DeadlineItem extends DeadlineRef {
  /** What falls due: "Response due", "Order: leave the site", "Hearing: return date". */
  label: string;
  dueOn: IsoDate;
  /** London time of day ("16:00"), when the order or hearing gives one. */
  dueAt: string | null;
  /** How the date is worked out, for statutory dates. */
  rule: string | null;
  /** The statute, or who set the date. */
  source: string | null;
  belongsTo: DeadlineBelongsTo;
  /** Marked done for the date it is due now; null when open. */
  done: { byName: string | null; at: Date } | null;
  /**
   * A court order's status once it has changed: in words ("Set aside on 29 August 2025 by the
   * Court of Appeal [2025] EWCA Civ 1134"), when, and whether the deadline is still live (only an
   * order in force or varied). Null for other deadlines and for an order in force as made.
   */
  orderStatus: { status: OrderStatus; words: string; changedOn: IsoDate | null; live: boolean } | null;
}

/** Whether a deadline can still fall due: every one but that of an order no longer live. */
export function isLive(deadline: Pick<DeadlineItem, "orderStatus">): boolean {
  return deadline.orderStatus?.live ?? true;
}

/** The refusal to mark done the deadline of an order that is no longer live. */
export const NOT_LIVE =
  "Nothing is due under this order any more (it was set aside, stayed, discharged, expired or complied with), so its deadline cannot be marked done. Reload the deadlines page.";

/** The 403 a member gets for trying to mark a deadline done or reopen it (viewers). */
export const MAY_NOT_MARK_DEADLINES =
  "You need the officer, legal or council admin role to mark deadlines done or reopen them.";

const time = (value: string | null) => (value ? value.slice(0, 5) : null);

// The three sources of deadlines; each can be narrowed to one row by id.

/** Another planning record of the same site, in the subquery that picks the sites to read. */
const siteRecord = alias(planningRecords, "site_record");

/**
 * The council's planning records on sites in the register that have an open record (or, given a
 * record's id, on that record's site), with their site and the council's nation: closed records of
 * those sites too, since a record's clocks read its site's others (a decided appeal ends its
 * notice's suspension: app/lib/deadlines.ts). A site whose records are all closed has nothing due.
 */
function planningRows(tx: Transaction, scope: TenantScope, recordId?: string) {
  const sitesToRead = tx
    .select({ siteId: siteRecord.siteId })
    .from(siteRecord)
    .where(
      and(
        eq(siteRecord.tenantId, scope.tenantId),
        recordId ? eq(siteRecord.id, recordId) : notInArray(siteRecord.status, [...CLOSED_PLANNING_STATUSES]),
      ),
    );
  return tx
    .select({
      record: planningRecords,
      siteReference: sites.reference,
      siteName: sites.name,
      nation: councils.nation,
    })
    .from(planningRecords)
    .innerJoin(sites, and(eq(sites.id, planningRecords.siteId), eq(sites.tenantId, scope.tenantId)))
    .innerJoin(councils, eq(councils.id, planningRecords.tenantId))
    .where(
      and(
        eq(planningRecords.tenantId, scope.tenantId),
        isNull(sites.archivedAt),
        inArray(planningRecords.siteId, sitesToRead),
      ),
    )
    .orderBy(asc(planningRecords.createdAt));
}

/** The proceeding and case columns of a court deadline's row, read by caseOf. */
export const proceedingColumns = {
  proceedingId: proceedings.id,
  court: proceedings.court,
  courtOther: proceedings.courtOther,
  claimNumber: proceedings.claimNumber,
  proceedingKind: proceedings.kind,
  caseReference: legalCases.reference,
  caseTitle: legalCases.title,
};

/** The proceeding whose decision changed an order's status. */
const changedBy = alias(proceedings, "changed_by");

function orderRows(tx: Transaction, scope: TenantScope, orderId?: string) {
  return tx
    .select({
      id: courtOrders.id,
      requires: courtOrders.requires,
      dueOn: courtOrders.dueOn,
      dueAt: courtOrders.dueAt,
      status: courtOrders.status,
      statusOn: courtOrders.statusOn,
      changedByCourt: changedBy.court,
      changedByCourtOther: changedBy.courtOther,
      changedByCitation: changedBy.neutralCitation,
      changedByClaimNumber: changedBy.claimNumber,
      ...proceedingColumns,
    })
    .from(courtOrders)
    .innerJoin(proceedings, and(eq(proceedings.id, courtOrders.proceedingId), eq(proceedings.tenantId, scope.tenantId)))
    .innerJoin(legalCases, and(eq(legalCases.id, proceedings.caseId), eq(legalCases.tenantId, scope.tenantId)))
    .leftJoin(
      changedBy,
      and(eq(changedBy.id, courtOrders.statusByProceedingId), eq(changedBy.tenantId, scope.tenantId)),
    )
    .where(
      and(
        eq(courtOrders.tenantId, scope.tenantId),
        isNotNull(courtOrders.dueOn),
        ne(legalCases.status, "concluded"),
        orderId ? eq(courtOrders.id, orderId) : undefined,
      ),
    );
}

function hearingRows(tx: Transaction, scope: TenantScope, hearingId?: string) {
  return tx
    .select({
      id: hearings.id,
      heldOn: hearings.heldOn,
      startsAt: hearings.startsAt,
      kind: hearings.kind,
      ...proceedingColumns,
    })
    .from(hearings)
    .innerJoin(proceedings, and(eq(proceedings.id, hearings.proceedingId), eq(proceedings.tenantId, scope.tenantId)))
    .innerJoin(legalCases, and(eq(legalCases.id, proceedings.caseId), eq(legalCases.tenantId, scope.tenantId)))
    .where(
      and(
        eq(hearings.tenantId, scope.tenantId),
        ne(legalCases.status, "concluded"),
        hearingId ? eq(hearings.id, hearingId) : undefined,
      ),
    );
}

type PlanningRow = Awaited<ReturnType<typeof planningRows>>[number];
type OrderRow = Awaited<ReturnType<typeof orderRows>>[number];
type HearingRow = Awaited<ReturnType<typeof hearingRows>>[number];

/**
 * The live deadlines of the open records among `rows` (each worked out with its site's records and
 * the council's nation); history (a record withdrawn, a notice suspended) is on the site page only.
 */
function planningItems(
  rows: PlanningRow[],
  steps: ReadonlyMap<string, ComplianceStep[]>,
  scope: TenantScope,
): DeadlineItem[] {
  const bySite = new Map<string, DeadlineInput[]>();
  for (const { record } of rows) {
    const site = bySite.get(record.siteId) ?? [];
    site.push({ ...record, steps: steps.get(record.id) ?? [] });
    bySite.set(record.siteId, site);
  }
  return rows.flatMap(({ record, siteReference, siteName, nation }) => {
    if (CLOSED_PLANNING_STATUSES.includes(record.status)) return [];
    const belongsTo: DeadlineBelongsTo = {
      type: "site",
      siteReference,
      siteName,
      recordKind: record.kind,
      recordReference: record.reference,
      record: `${PLANNING_KIND_LABELS[record.kind]}${record.reference ? ` ${record.reference}` : ""}`,
      href: `/c/${scope.councilSlug}/sites/${siteReference}#record-${record.id}`,
    };
    const context = { nation, siteRecords: bySite.get(record.siteId) ?? [] };
    return deadlinesFor({ ...record, steps: steps.get(record.id) ?? [] }, context)
      .filter(isDeadlineLive)
      .map((deadline) => ({
        sourceType: "planning_record" as const,
        sourceId: record.id,
        deadlineKey: deadline.key,
        label: deadline.label,
        dueOn: deadline.dueOn,
        dueAt: null,
        rule: deadline.rule,
        source: deadline.source,
        belongsTo,
        done: null,
        orderStatus: null,
      }));
  });
}

/** The case and proceeding a court deadline belongs to (an order's, a hearing's, a court clock's). */
export function caseOf(row: Pick<OrderRow, keyof typeof proceedingColumns>, scope: TenantScope): DeadlineBelongsTo {
  const court = row.court === "other" && row.courtOther ? row.courtOther : COURT_LABELS[row.court];
  return {
    type: "case",
    caseReference: row.caseReference,
    caseTitle: row.caseTitle,
    proceeding: `${PROCEEDING_KIND_LABELS[row.proceedingKind]}, ${court}${row.claimNumber ? ` (${row.claimNumber})` : ""}`,
    href: `/c/${scope.councilSlug}/cases/${row.caseReference}#proceeding-${row.proceedingId}`,
  };
}

function orderStatusOf(row: OrderRow): DeadlineItem["orderStatus"] {
  const words = orderStatusWords(
    row,
    row.changedByCourt
      ? {
          court: row.changedByCourt,
          courtOther: row.changedByCourtOther,
          neutralCitation: row.changedByCitation,
          claimNumber: row.changedByClaimNumber,
        }
      : null,
  );
  return words ? { status: row.status, words, changedOn: row.statusOn, live: isOrderLive(row.status) } : null;
}

function orderItem(row: OrderRow, scope: TenantScope): DeadlineItem {
  return {
    sourceType: "court_order",
    sourceId: row.id,
    deadlineKey: ORDER_DEADLINE_KEY,
    label: `Order: ${row.requires}`,
    dueOn: row.dueOn as IsoDate,
    dueAt: time(row.dueAt),
    rule: null,
    source: "Set by the court's order",
    belongsTo: caseOf(row, scope),
    done: null,
    orderStatus: orderStatusOf(row),
  };
}

function hearingItem(row: HearingRow, scope: TenantScope): DeadlineItem {
  return {
    sourceType: "hearing",
    sourceId: row.id,
    deadlineKey: HEARING_DEADLINE_KEY,
    label: `Hearing: ${row.kind}`,
    dueOn: row.heldOn,
    dueAt: time(row.startsAt),
    rule: null,
    source: "Listed by the court",
    belongsTo: caseOf(row, scope),
    done: null,
    orderStatus: null,
  };
}

const completionKey = (ref: DeadlineRef) => `${ref.sourceType}:${ref.sourceId}:${ref.deadlineKey}`;

function byDate(a: DeadlineItem, b: DeadlineItem): number {
  return (
    a.dueOn.localeCompare(b.dueOn) ||
    (a.dueAt ?? "").localeCompare(b.dueAt ?? "") ||
    a.label.localeCompare(b.label) ||
    a.sourceId.localeCompare(b.sourceId)
  );
}

/**
 * Every current deadline of the council, in date order, with whether it is done: five queries in
 * the caller's transaction, however many records. For the dashboard and listDeadlines.
 */
export async function collectDeadlines(tx: Transaction, scope: TenantScope): Promise<DeadlineItem[]> {
  const [planning, steps, orders, courtHearings, clocks, completions] = await Promise.all([
    planningRows(tx, scope),
    stepsOfRecords(tx, scope.tenantId),
    orderRows(tx, scope),
    hearingRows(tx, scope),
    courtClockRows(tx, scope),
    tx
      .select({
        sourceType: deadlineCompletions.sourceType,
        sourceId: deadlineCompletions.sourceId,
        deadlineKey: deadlineCompletions.deadlineKey,
        dueOn: deadlineCompletions.dueOn,
        doneAt: deadlineCompletions.doneAt,
        byName: users.name,
      })
      .from(deadlineCompletions)
      .leftJoin(users, eq(users.id, deadlineCompletions.doneByUserId))
      .where(eq(deadlineCompletions.tenantId, scope.tenantId)),
  ]);
  const done = new Map(completions.map((completion) => [completionKey(completion), completion]));
  return [
    ...planningItems(planning, steps, scope),
    ...orders.map((row) => orderItem(row, scope)),
    ...courtHearings.map((row) => hearingItem(row, scope)),
    ...courtClockItems(clocks, scope),
  ]
    .map((item) => {
      const completion = done.get(completionKey(item));
      // Done only for the date it was due when marked: a changed date reopens it.
      return completion && completion.dueOn === item.dueOn
        ? { ...item, done: { byName: completion.byName, at: completion.doneAt } }
        : item;
    })
    .sort(byDate);
}

/** The council's deadlines, one list in date order (see collectDeadlines). */
export async function listDeadlines(scope: TenantScope): Promise<DeadlineItem[]> {
  return withTenant(scope, (tx) => collectDeadlines(tx, scope));
}

/** The nation whose planning law the council applies: the deadlines page says what that covers. */
export async function councilNation(scope: TenantScope): Promise<Nation> {
  return withTenant(scope, async (tx) => {
    const [council] = await tx
      .select({ nation: councils.nation })
      .from(councils)
      .where(eq(councils.id, scope.tenantId));
    if (!council) throw new Error("The council was not found.");
    return council.nation;
  });
}

export interface DeadlineGroups {
  today: IsoDate;
  /** Due before today and not done. Hearings are not listed: a past hearing has happened. */
  overdue: DeadlineItem[];
  /** Due today or in the 6 days after, done or not. */
  thisWeek: DeadlineItem[];
  /** Due 7 to 30 days from today, done or not. */
  nextDays: DeadlineItem[];
  /** Due before today and marked done on one of the last 30 days, most recently done first. */
  recentlyDone: DeadlineItem[];
  /** Orders no longer live whose deadline or change of status is recent enough to matter (noLongerDue). */
  noLongerDue: DeadlineItem[];
}

/**
 * Whether an order no longer live is still worth showing: its deadline falls from `days` ago to
 * `days` ahead (someone may still be working to it), or its status changed in the last `days`.
 * Older ones are on the case page and in the chronology.
 */
export function noLongerDue(item: DeadlineItem, today: IsoDate, days: number): boolean {
  if (isLive(item)) return false;
  const since = addDays(today, -days);
  const changedOn = item.orderStatus?.changedOn ?? null;
  return (item.dueOn >= since && item.dueOn <= addDays(today, days)) || (changedOn !== null && changedOn >= since);
}

/** Sorts the list into the deadlines page's sections, by London's today. */
export function groupDeadlines(items: readonly DeadlineItem[], now = new Date()): DeadlineGroups {
  const today = todayInLondon(now);
  const weekEnd = addDays(today, THIS_WEEK_DAYS - 1);
  const horizon = addDays(today, NEXT_DAYS);
  // By London's calendar, so the groups change only with the day (pages keep them per day).
  const doneSince = addDays(today, -RECENTLY_DONE_DAYS);
  // An order no longer live is never due, overdue or done: it has a section of its own.
  const live = items.filter(isLive);
  return {
    today,
    overdue: live.filter((item) => item.dueOn < today && !item.done && item.sourceType !== "hearing"),
    thisWeek: live.filter((item) => item.dueOn >= today && item.dueOn <= weekEnd),
    nextDays: live.filter((item) => item.dueOn > weekEnd && item.dueOn <= horizon),
    recentlyDone: live
      .filter((item) => item.dueOn < today && item.done && todayInLondon(item.done.at) >= doneSince)
      .sort((a, b) => (b.done?.at.getTime() ?? 0) - (a.done?.at.getTime() ?? 0)),
    noLongerDue: items.filter((item) => noLongerDue(item, today, NEXT_DAYS)),
  };
}

/** The deadline as it stands now, if it exists for a record of this council. */
async function currentDeadline(tx: Transaction, scope: TenantScope, ref: DeadlineRef) {
  if (!isUuid(ref.sourceId)) return undefined;
  let items: DeadlineItem[];
  switch (ref.sourceType) {
    case "planning_record": {
      const rows = await planningRows(tx, scope, ref.sourceId);
      const steps = await stepsOfRecords(
        tx,
        scope.tenantId,
        rows.map((row) => row.record.id),
      );
      items = planningItems(rows, steps, scope).filter((item) => item.sourceId === ref.sourceId);
      break;
    }
    case "court_order":
      items = (await orderRows(tx, scope, ref.sourceId)).map((row) => orderItem(row, scope));
      break;
    case "hearing":
      items = (await hearingRows(tx, scope, ref.sourceId)).map((row) => hearingItem(row, scope));
      break;
    // Court-clock addition: a confirmed clock's deadline, by its proceeding's id and the clock.
    case "court_clock":
      items = courtClockItems(await courtClockRows(tx, scope, ref.sourceId), scope);
      break;
    default:
      return undefined;
  }
  return items.find((item) => item.deadlineKey === ref.deadlineKey);
}

const completionOf = (scope: TenantScope, ref: DeadlineRef) =>
  and(
    eq(deadlineCompletions.tenantId, scope.tenantId),
    eq(deadlineCompletions.sourceType, ref.sourceType),
    eq(deadlineCompletions.sourceId, ref.sourceId),
    eq(deadlineCompletions.deadlineKey, ref.deadlineKey),
  );

export const DATE_CHANGED =
  "The date of this deadline changed since you opened the page, so it has not been marked done. Check the new date and try again.";

/**
 * Marks a deadline done for the date it is due now (audited). Undefined when no such deadline
 * exists for a record of this council (the caller shows a 404). `expectedDueOn`, the date the
 * page showed, guards against marking done a date the person has not seen.
 */
export async function markDeadlineDone(
  scope: TenantScope,
  ref: DeadlineRef & { expectedDueOn?: IsoDate },
): Promise<DeadlineItem | undefined> {
  assertCan(scope, "deadline:done", MAY_NOT_MARK_DEADLINES);
  return withTenant(scope, async (tx) => {
    const deadline = await currentDeadline(tx, scope, ref);
    if (!deadline) return undefined;
    if (!isLive(deadline)) throw new ChangeRefused(NOT_LIVE);
    if (ref.expectedDueOn && ref.expectedDueOn !== deadline.dueOn) throw new ChangeRefused(DATE_CHANGED);
    const [before] = await tx.select().from(deadlineCompletions).where(completionOf(scope, ref)).limit(1);
    if (before && before.dueOn === deadline.dueOn) {
      return { ...deadline, done: { byName: null, at: before.doneAt } };
    }
    const doneAt = new Date();
    const values = { dueOn: deadline.dueOn, doneByUserId: scope.userId, doneAt, note: null };
    const [after] = await tx
      .insert(deadlineCompletions)
      .values({
        tenantId: scope.tenantId,
        sourceType: ref.sourceType,
        sourceId: ref.sourceId,
        deadlineKey: ref.deadlineKey,
        ...values,
      })
      .onConflictDoUpdate({
        target: [
          deadlineCompletions.tenantId,
          deadlineCompletions.sourceType,
          deadlineCompletions.sourceId,
          deadlineCompletions.deadlineKey,
        ],
        set: values,
      })
      .returning();
    await recordAudit(tx, scope, {
      action: "deadline.done",
      entityType: "deadline",
      entityId: after?.id ?? null,
      before,
      after: after ? { ...after, label: deadline.label } : undefined,
    });
    return { ...deadline, done: { byName: scope.user.name, at: doneAt } };
  });
}

/** Reopens a deadline marked done (audited). False when it was not marked done in this council. */
export async function reopenDeadline(scope: TenantScope, ref: DeadlineRef): Promise<boolean> {
  assertCan(scope, "deadline:done", MAY_NOT_MARK_DEADLINES);
  if (!isUuid(ref.sourceId)) return false;
  return withTenant(scope, async (tx) => {
    const [removed] = await tx.delete(deadlineCompletions).where(completionOf(scope, ref)).returning();
    if (!removed) return false;
    await recordAudit(tx, scope, {
      action: "deadline.reopened",
      entityType: "deadline",
      entityId: removed.id,
      before: removed,
    });
    return true;
  });
}
