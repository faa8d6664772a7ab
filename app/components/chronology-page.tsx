// The chronology of a site or case for a court bundle: the choices (dates, internal events,
// privileged material for the legal team), then a print-ready table headed with the council, the
// case and what was left out. Printing uses the print stylesheet; the CSV has the same rows. The
// deadline of a court order no longer live has its date struck through, and its title says why.
// Both the chronology and its CSV come only from POST forms (an export is audited, and a link must
// not be able to make one); they are plain forms, so they work the same with or without JavaScript.
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { Checkbox, DateInput } from "~/components/govuk/fields";
import { eventDate } from "~/components/timeline";
import { formatDateTime } from "~/lib/format";
import type { DatePrecision } from "~/lib/partial-date";
import type { chronologySchema } from "~/lib/schemas/timeline-event";
import type { TimelineKind } from "~/lib/timeline-codes";

interface ChronologyEvent {
  id: string;
  occurredOn: string;
  occurredOnPrecision: DatePrecision;
  occurredAt: string | null;
  kind: TimelineKind;
  title: string;
  description: string | null;
  sourceUrl: string | null;
  privileged: boolean;
  visibility: "internal" | "public";
  documentFileName: string | null;
  /** A court order's deadline that is no longer due: its date is struck through; its title says why. */
  noLongerDue: boolean;
}

/** The choices a chronology was made with, as the page's own form names them. */
interface ChronologyChoices {
  from: string | null;
  to: string | null;
  includeInternal: boolean;
  includePrivileged: boolean;
}

/** The chronology's choices as the form's fields, so the CSV is made with what is on screen. */
function choiceFields(options: ChronologyChoices): [name: string, value: string][] {
  const fields: [string, string][] = [];
  for (const [name, iso] of [
    ["from", options.from],
    ["to", options.to],
  ] as const) {
    if (!iso) continue;
    const [year = "", month = "", day = ""] = iso.split("-");
    fields.push([`${name}.day`, String(Number(day))], [`${name}.month`, String(Number(month))], [`${name}.year`, year]);
  }
  if (options.includeInternal) fields.push(["internal", "on"]);
  if (options.includePrivileged) fields.push(["privileged", "on"]);
  return fields;
}

export function ChronologyPage({
  slug,
  home,
  offerPrivileged,
  submission,
  result,
}: {
  slug: string;
  home: { kind: "site" | "case"; reference: string; title: string; path: string };
  offerPrivileged: boolean;
  submission: SubmissionResult<string[]> | null;
  result: { councilName: string; events: ChronologyEvent[]; heading: string[]; options: ChronologyChoices } | null;
}) {
  const [form, fields] = useForm<z.input<typeof chronologySchema>>({
    id: "chronology",
    lastResult: submission ?? undefined,
  });
  const homeLink = `/c/${slug}/${home.path}`;
  return (
    <>
      <a href={`${homeLink}/timeline`} className="govuk-back-link">
        Back to the timeline
      </a>
      <div className="app-no-print">
        <span className="govuk-caption-l">
          {home.reference} {home.title}
        </span>
        <h1 className="govuk-heading-l">Export a chronology</h1>
        <FormErrorSummary form={form} order={["from", "to"]} dateFields={["from", "to"]} />
        <form method="post" {...getFormProps(form)}>
          <DateInput field={fields.from} legend="From (optional)" />
          <DateInput field={fields.to} legend="To (optional)" />
          <Checkbox
            field={fields.internal}
            label="Include internal events"
            hint="Events not marked public: complaints, internal meetings, correspondence. Leave unticked for a chronology to share outside the council."
          />
          {offerPrivileged ? (
            <Checkbox
              field={fields.privileged}
              label="Include legally privileged material"
              hint="Only for the council's own legal team and counsel. The chronology will say at the top that it includes privileged material."
            />
          ) : null}
          <button type="submit" className="govuk-button">
            Show chronology
          </button>
        </form>
      </div>
      {result ? (
        <section aria-labelledby="chronology-heading">
          <h2 className="govuk-heading-l" id="chronology-heading">
            Chronology
          </h2>
          {result.heading.map((line, index) => (
            <p
              key={line}
              className={
                index === 0
                  ? "govuk-body-l"
                  : line.startsWith("PRIVILEGED")
                    ? "govuk-body govuk-!-font-weight-bold"
                    : "govuk-body"
              }
            >
              {line}
            </p>
          ))}
          <p className="govuk-body-s">Produced {formatDateTime(new Date())}.</p>
          <div className="app-no-print">
            <form method="post" action={`${homeLink}/chronology.csv`}>
              {choiceFields(result.options).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2">
                Download as CSV
              </button>
            </form>
            <p className="govuk-body">
              Or print this page from your browser; the printout leaves out the menus and the choices above.
            </p>
          </div>
          {result.events.length === 0 ? (
            <p className="govuk-body">No events match these choices.</p>
          ) : (
            <table className="govuk-table app-chronology-table">
              <caption className="govuk-table__caption govuk-visually-hidden">
                Chronology of {home.reference} {home.title}
              </caption>
              <colgroup>
                <col className="app-chronology-table__number" />
                <col className="app-chronology-table__date" />
                <col />
                <col className="app-chronology-table__source" />
              </colgroup>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row app-print-only">
                  <th scope="colgroup" colSpan={4} className="govuk-table__header">
                    {result.councilName}: chronology of {home.reference} {home.title}
                  </th>
                </tr>
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    No.
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Date
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Event
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Source or document
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {result.events.map((event, index) => (
                  <tr className="govuk-table__row" key={event.id}>
                    <td className="govuk-table__cell">{index + 1}</td>
                    <td className="govuk-table__cell">
                      {event.noLongerDue ? <del>{eventDate(event)}</del> : eventDate(event)}
                    </td>
                    <td className="govuk-table__cell">
                      <span className="app-chronology-table__event">{event.title}</span>
                      {event.description ? (
                        <span className="app-chronology-table__detail app-preserve-lines">{event.description}</span>
                      ) : null}
                      {event.privileged ? <strong className="govuk-tag govuk-tag--red">Privileged</strong> : null}
                    </td>
                    <td className="govuk-table__cell">
                      {event.documentFileName ? (
                        `Document: ${event.documentFileName}`
                      ) : event.sourceUrl ? (
                        <a className="govuk-link" href={event.sourceUrl} rel="noreferrer">
                          {event.sourceUrl.replace(/^https?:\/\//, "")}
                        </a>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </>
  );
}
