// One row of a GOV.UK summary list; an empty value says "Not recorded".
import type { ReactNode } from "react";

export function SummaryRow({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">
        {value ?? <span className="govuk-hint govuk-!-margin-0">Not recorded</span>}
      </dd>
    </div>
  );
}
