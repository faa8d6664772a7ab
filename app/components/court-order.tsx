// A court order in a list (the case page, the proceeding page): when it was made, what it
// requires, its deadline, and where it stands; and `Struck`, which the deadlines page and the
// dashboard use for a deadline no longer due. A deadline that is no longer live is struck through
// beside the words that say why, never marked by colour alone (README, Decision 46).
import { formatDate } from "~/lib/format";

export interface CourtOrderView {
  madeOn: string;
  requires: string;
  dueOn: string | null;
  dueAt: string | null;
  /** "Set aside on 29 August 2025 by the Court of Appeal [2025] EWCA Civ 1134"; null while in force as made. */
  statusWords: string | null;
  statusNote: string | null;
  live: boolean;
}

/** "by 16:00 on 12 September 2025" */
function orderDeadline(order: { dueOn: string | null; dueAt: string | null }): string | null {
  if (!order.dueOn) return null;
  return `by ${order.dueAt ? `${order.dueAt.slice(0, 5)} on ` : ""}${formatDate(order.dueOn)}`;
}

/** Text that no longer applies (an order's deadline no longer due) struck through when `struck`; the words beside it say why. */
export function Struck({ text, struck }: { text: string; struck: boolean }) {
  return struck ? <del>{text}</del> : text;
}

export function CourtOrderSummary({ order }: { order: CourtOrderView }) {
  const deadline = orderDeadline(order);
  return (
    <>
      {formatDate(order.madeOn)}: {order.requires}
      {deadline ? (
        <>
          , <Struck text={deadline} struck={!order.live} />
          {order.live ? null : <span className="govuk-visually-hidden"> (no longer due)</span>}
        </>
      ) : null}
      {order.statusWords ? (
        <>
          <br />
          <strong>{order.statusWords}.</strong>
          {order.statusNote ? ` ${order.statusNote}` : null}
        </>
      ) : null}
    </>
  );
}
