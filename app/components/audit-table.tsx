// The audit trail as a table: when, who, what, and the record before and after.

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
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              When
            </th>
            <th scope="col" className="govuk-table__header">
              Who
            </th>
            <th scope="col" className="govuk-table__header">
              What
            </th>
            <th scope="col" className="govuk-table__header">
              Details
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {entries.map((entry) => (
            <tr className="govuk-table__row" key={entry.id}>
              <td className="govuk-table__cell">{formatDateTime(entry.occurredAt)}</td>
              <td className="govuk-table__cell">
                {entry.actorName ?? "System"}
                {entry.actorEmail ? (
                  <>
                    <br />
                    <span className="govuk-hint govuk-!-font-size-16">{entry.actorEmail}</span>
                  </>
                ) : null}
              </td>
              <td className="govuk-table__cell">
                {actionLabel(entry.action)}
                <br />
                <span className="govuk-hint govuk-!-font-size-16">{entityLabel(entry.entityType)}</span>
              </td>
              <td className="govuk-table__cell">
                <Json label="Before" value={entry.before} />
                <Json label="After" value={entry.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
