// The complaint page's status history: each change, when, by whom, and the status after it.
import { Table } from "~/components/govuk/table";
import { COMPLAINT_STATUS_LABELS, type ComplaintStatus } from "~/lib/complaint-codes";
import { formatDateTime } from "~/lib/format";

const HISTORY_LABELS: Record<string, string> = {
  "complaint.created": "Logged",
  "complaint.status_changed": "Status changed",
  "complaint.closed": "Closed",
  "complaint.marked_duplicate": "Marked as a duplicate",
  "complaint.linked": "Linked to enforcement",
};

interface HistoryEntry {
  id: string;
  occurredAt: Date | string;
  action: string;
  status: ComplaintStatus | null;
  actorName: string | null;
  actorUserId: string | null;
}

export function StatusHistory({ history }: { history: readonly HistoryEntry[] }) {
  if (history.length === 0) return <p className="govuk-body">No changes have been recorded.</p>;
  return (
    <Table
      caption="Status history"
      captionSize="hidden"
      columns={[
        { header: "When", cell: (entry) => formatDateTime(entry.occurredAt) },
        { header: "What happened", cell: (entry) => HISTORY_LABELS[entry.action] ?? entry.action },
        {
          header: "Status after",
          cell: (entry) =>
            entry.status && entry.status in COMPLAINT_STATUS_LABELS
              ? COMPLAINT_STATUS_LABELS[entry.status]
              : "Not recorded",
        },
        {
          header: "By",
          cell: (entry) => entry.actorName ?? (entry.actorUserId ? "A former member" : "System"),
        },
      ]}
      rows={history}
      rowKey={(entry) => entry.id}
    />
  );
}
