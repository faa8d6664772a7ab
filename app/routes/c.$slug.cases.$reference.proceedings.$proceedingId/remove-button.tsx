// A one-button form that removes a hearing or an order from the proceeding (intent "remove-hearing"
// or "remove-order", with the event's id).
import { Form } from "@remix-run/react";

export function RemoveButton({ intent, eventId, label }: { intent: string; eventId: string; label: string }) {
  return (
    <Form method="post" className="app-inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="eventId" value={eventId} />
      <button type="submit" className="app-link-button">
        Remove<span className="govuk-visually-hidden"> {label}</span>
      </button>
    </Form>
  );
}
