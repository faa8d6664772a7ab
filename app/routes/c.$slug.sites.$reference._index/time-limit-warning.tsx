// A time limit read from the site's periods of use (app/lib/immunity.ts) as GOV.UK warning text:
// the sentence that matters in bold, then how it was counted and that it is not legal advice.
import type { TimeLimitWarning } from "~/lib/immunity";

export function TimeLimitWarningText({ warning }: { warning: TimeLimitWarning }) {
  return (
    <div className="govuk-!-margin-bottom-6">
      <div className="govuk-warning-text govuk-!-margin-bottom-2">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          {warning.title}: {warning.summary}
        </strong>
      </div>
      {warning.details.map((detail) => (
        <p key={detail} className="govuk-body-s govuk-!-margin-bottom-1">
          {detail}
        </p>
      ))}
    </div>
  );
}
