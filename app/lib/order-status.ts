// A court order's status in words, for every place that shows an order or its deadline: the case
// and proceeding pages, the deadlines page, the dashboard, the calendar feed and the timeline.
//
// README, Decision 46: An order's status is recorded, not written into its text. `court_orders`
// carries `status` (in force, varied, stayed, set aside, discharged, complied with, expired), the
// date it changed and the proceeding whose decision changed it (same council, same case). Only an
// order in force or varied has a live deadline. A deadline that is not live is never due or
// overdue: the deadlines page and the dashboard list it under "No longer due", struck through
// (`<del>`) beside the words ("Set aside on 29 August 2025 by the Court of Appeal [2025] EWCA Civ
// 1134"), the calendar feed marks its event cancelled, and the timeline and chronology strike its
// date and say why.
import type { IsoDate } from "./dates";
import { formatDate } from "./format";
import { type Court, ORDER_STATUS_LABELS, type OrderStatus } from "./legal-codes";

/** The proceeding whose decision changed an order: as much of it as names it. */
export interface ChangedBy {
  court: Court;
  courtOther: string | null;
  neutralCitation: string | null;
  claimNumber: string | null;
}

/** Courts as a sentence names them: "set aside by the Court of Appeal". */
const COURT_NAMES: Record<Exclude<Court, "other">, string> = {
  county_court: "the County Court",
  high_court_kb: "the High Court",
  planning_court: "the Planning Court",
  administrative_court: "the Administrative Court",
  court_of_appeal_civil: "the Court of Appeal",
  supreme_court: "the Supreme Court",
};

/** Whether an order's deadline is live: only while the order is in force, as made or as varied. */
export function isOrderLive(status: OrderStatus): boolean {
  return status === "in_force" || status === "varied";
}

/** "the Court of Appeal [2025] EWCA Civ 1134", "the High Court (claim KB-2025-002908)". */
export function changedByName(by: ChangedBy): string {
  const court =
    by.court === "other"
      ? by.courtOther
        ? /^the /i.test(by.courtOther)
          ? by.courtOther
          : `the ${by.courtOther}`
        : "the court"
      : COURT_NAMES[by.court];
  if (by.neutralCitation) return `${court} ${by.neutralCitation}`;
  return by.claimNumber ? `${court} (claim ${by.claimNumber})` : court;
}

/**
 * "Set aside on 29 August 2025 by the Court of Appeal [2025] EWCA Civ 1134"; null for an order
 * that has been in force since it was made.
 */
export function orderStatusWords(
  order: { status: OrderStatus; statusOn: IsoDate | null },
  by?: ChangedBy | null,
): string | null {
  if (order.status === "in_force" && !order.statusOn) return null;
  const when = order.statusOn
    ? ` ${order.status === "in_force" ? "again from" : "on"} ${formatDate(order.statusOn)}`
    : "";
  return `${ORDER_STATUS_LABELS[order.status]}${when}${by ? ` by ${changedByName(by)}` : ""}`;
}

/** The words in the middle of a sentence: "set aside on 29 August 2025 by …". */
export function lowerFirst(words: string): string {
  return `${words.charAt(0).toLowerCase()}${words.slice(1)}`;
}
