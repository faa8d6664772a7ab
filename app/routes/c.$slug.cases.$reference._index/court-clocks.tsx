// The time limits a proceeding's decision starts, on its card on the case page: each suggested
// ("Suggested: appellant's notice due by 2 December 2025 (CPR 52.12(2)(b))") with Confirm and
// Dismiss for the legal team and council admins, or confirmed with who and when; one with no date
// says why (app/lib/court-clocks.ts). Confirming may give the date the court directed instead.
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { DateInput } from "~/components/govuk/fields";
import { formatDate, formatDateTime } from "~/lib/format";
import { lowerFirst } from "~/lib/order-status";
import type { courtClockSchema } from "~/lib/schemas/court-clock";
import type { CourtClockView } from "~/server/council/legal/court-clocks.server";
import type { action } from "./route";

function HiddenFields({ clock, intent }: { clock: CourtClockView; intent: "confirm-clock" | "dismiss-clock" }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="proceedingId" value={clock.proceedingId} />
      <input type="hidden" name="clock" value={clock.clock} />
      <input type="hidden" name="from" value={clock.from ?? ""} />
    </>
  );
}

function DecideForms({
  clock,
  due,
  lastResult,
}: {
  clock: CourtClockView;
  due: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm<z.input<typeof courtClockSchema>>({
    id: `clock-${clock.proceedingId}-${clock.clock}`,
    lastResult,
  });
  return (
    <>
      <FormErrorSummary form={form} order={["directedDueOn"]} dateFields={["directedDueOn"]} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <HiddenFields clock={clock} intent="confirm-clock" />
        <details className="govuk-details govuk-!-margin-bottom-2" open={Boolean(fields.directedDueOn.errors)}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              The court directed a different date<span className="govuk-visually-hidden"> for the {due}</span>
            </span>
          </summary>
          <div className="govuk-details__text">
            <DateInput
              field={fields.directedDueOn}
              legend="Date the court directed (optional)"
              hint="Only if the court set another last day. For example, 16 12 2025"
            />
          </div>
        </details>
        <button type="submit" className="govuk-button govuk-!-margin-bottom-2" data-module="govuk-button">
          Confirm<span className="govuk-visually-hidden">: {due}</span>
        </button>
      </Form>
      <Form method="post">
        <HiddenFields clock={clock} intent="dismiss-clock" />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Dismiss<span className="govuk-visually-hidden">: {due}</span>
        </button>
      </Form>
    </>
  );
}

export function CourtClocks({ clocks, canDecide }: { clocks: CourtClockView[]; canDecide: boolean }) {
  const actionData = useActionData<typeof action>();
  return (
    <ul className="govuk-list govuk-!-margin-bottom-0">
      {clocks.map((clock) => {
        const what = lowerFirst(clock.label);
        const key = `${clock.proceedingId}-${clock.clock}`;
        if (clock.confirmed) {
          const { confirmed } = clock;
          return (
            <li key={key}>
              <strong>Confirmed:</strong> {what} by {formatDate(confirmed.dueOn)} (
              {confirmed.directed ? "as the court directed" : clock.source})
              <span className="govuk-hint govuk-!-font-size-16 govuk-!-display-block govuk-!-margin-bottom-0">
                Confirmed by {confirmed.byName ?? "a former member"} on {formatDateTime(confirmed.at)}.
                {confirmed.directed && clock.dueOn ? ` ${clock.source} gives ${formatDate(clock.dueOn)}.` : ""}
              </span>
            </li>
          );
        }
        if (!clock.dueOn) {
          return (
            <li key={key}>
              <strong>Suggested:</strong> {what} ({clock.source}): no date.
              <span className="govuk-hint govuk-!-font-size-16 govuk-!-display-block govuk-!-margin-bottom-0">
                {clock.noDate}
              </span>
            </li>
          );
        }
        const due = `${what} by ${formatDate(clock.dueOn)}`;
        const result =
          actionData &&
          "proceedingId" in actionData &&
          actionData.proceedingId === clock.proceedingId &&
          actionData.clock === clock.clock
            ? actionData.result
            : undefined;
        return (
          <li key={key}>
            <strong>Suggested:</strong> {due} ({clock.source})
            <span className="govuk-hint govuk-!-font-size-16 govuk-!-display-block">
              {clock.rule}.{clock.caution ? ` ${clock.caution}` : ""}
            </span>
            {canDecide ? <DecideForms clock={clock} due={due} lastResult={result} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
