// GOV.UK error summary: lists every problem at the top of the page, each linked to its field.
import { useEffect, useRef } from "react";

export interface ErrorSummaryItem {
  /** The id of the field the message is about; omitted for a problem with the whole form. */
  fieldId?: string;
  text: string;
}

export function ErrorSummary({ errors }: { errors: ErrorSummaryItem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((error) => error.text).join("|");
  // Move focus to the summary whenever a new set of errors is shown, as the pattern asks.
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.fieldId ?? "form"}:${error.text}`}>
                {error.fieldId ? <a href={`#${error.fieldId}`}>{error.text}</a> : error.text}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
