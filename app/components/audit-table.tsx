// The audit trail as a table: when, who, what, and the record before and after.

import { Table } from "~/components/govuk/table";
import { TableRegion } from "~/components/govuk/table-region";
import { formatDateTime } from "~/lib/format";
import { actionLabel, entityLabel } from "~/lib/labels";

export interface AuditRow {
  id: string;
  occurredAt: Date | string;
  action: string;
  entityType: string;
  entityId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  before: unknown;
  after: unknown;
}

function Json({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <details className="govuk-details govuk-!-margin-bottom-1">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{label}</span>
      </summary>
      <div className="govuk-details__text">
        <pre className="app-audit-json">{JSON.stringify(value, null, 2)}</pre>
      </div>
    </details>
  );
}

export function AuditTable({ entries, caption }: { entries: AuditRow[]; caption: string }) {
  if (entries.length === 0) return <p className="govuk-body">No entries match.</p>;
  return (
    <TableRegion label="Audit log">
      <Table
        caption={caption}
        captionSize="m"
        columns={[
          { header: "When", cell: (entry) => formatDateTime(entry.occurredAt) },
          {
            header: "Who",
            cell: (entry) => (
              <>
                {entry.actorName ?? "System"}
                {entry.actorEmail ? (
                  <>
                    <br />
                    <span className="govuk-hint govuk-!-font-size-16">{entry.actorEmail}</span>
                  </>
                ) : null}
              </>
            ),
          },
          {
            header: "What",
            cell: (entry) => (
              <>
                {actionLabel(entry.action)}
                <br />
                <span className="govuk-hint govuk-!-font-size-16">{entityLabel(entry.entityType)}</span>
              </>
            ),
          },
          {
            header: "Details",
            cell: (entry) => (
              <>
                <Json label="Before" value={entry.before} />
                <Json label="After" value={entry.after} />
              </>
            ),
          },
        ]}
        rows={entries}
        rowKey={(entry) => entry.id}
      />
    </TableRegion>
  );
}
