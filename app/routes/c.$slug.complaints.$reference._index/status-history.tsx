// The complaint page's status history: each status change from the audit trail, who made it and
// the status it left.
import { COMPLAINT_STATUS_LABELS, type ComplaintStatus } from "~/lib/complaint-codes";
import { formatDateTime } from "~/lib/format";

const HISTORY_LABELS: Record<string, string> = {
  "complaint.created": "Logged",
  "complaint.status_changed": "Status changed",
  "complaint.closed": "Closed",
  "complaint.marked_duplicate": "Marked as a duplicate",
  "complaint.linked": "Linked to enforcement",
};

export interface StatusHistoryEntry {
  id: string;
  occurredAt: Date;
  action: string;
  actorName: string | null;
  actorUserId: string | null;
  status: ComplaintStatus | null;
}

export function StatusHistory({ history }: { history: StatusHistoryEntry[] }) {
  return history.length === 0 ? (
    <p className="govuk-body">No changes have been recorded.</p>
  ) : (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-visually-hidden">Status history</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            When
          </th>
          <th scope="col" className="govuk-table__header">
            What happened
          </th>
          <th scope="col" className="govuk-table__header">
            Status after
          </th>
          <th scope="col" className="govuk-table__header">
            By
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {history.map((entry) => (
          <tr className="govuk-table__row" key={entry.id}>
            <td className="govuk-table__cell">{formatDateTime(entry.occurredAt)}</td>
            <td className="govuk-table__cell">{HISTORY_LABELS[entry.action] ?? entry.action}</td>
            <td className="govuk-table__cell">
              {entry.status && entry.status in COMPLAINT_STATUS_LABELS
                ? COMPLAINT_STATUS_LABELS[entry.status]
                : "Not recorded"}
            </td>
            <td className="govuk-table__cell">
              {entry.actorName ?? (entry.actorUserId ? "A former member" : "System")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
