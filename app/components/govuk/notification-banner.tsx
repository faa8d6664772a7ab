// GOV.UK success banner, shown after a change has been saved (post/redirect/get with ?done=…).
import { useSearchParams } from "@remix-run/react";

export function SuccessBanner({ messages }: { messages: Record<string, string> }) {
  const [search] = useSearchParams();
  const message = messages[search.get("done") ?? ""];
  if (!message) return null;
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby="success-title"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="success-title">
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{message}</p>
      </div>
    </div>
  );
}
