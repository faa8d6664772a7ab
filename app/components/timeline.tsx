// A site's or case's timeline as a readable vertical list: a heading for each year, then each
// event with its date (and time), kind, title linking to its record, and who may see it.
import { Form } from "@remix-run/react";
import { type DatePrecision, exportedPartialDate, formatPartialDateStart } from "~/lib/partial-date";
import { TIMELINE_KIND_LABELS, type TimelineKind, type Visibility } from "~/lib/timeline-codes";

export interface TimelineEventView {
  id: string;
  occurredOn: string;
  occurredOnPrecision: DatePrecision;
  occurredAt: string | null;
  kind: TimelineKind;
  title: string;
  description: string | null;
  sourceUrl: string | null;
  visibility: Visibility;
  privileged: boolean;
  subjectType: string | null;
  recordPath: string | null;
  documentId: string | null;
  version: number;
  /** A court order's deadline that is no longer due: its date is struck through; its title says why. */
  noLongerDue?: boolean;
}

/** "19 August 2025", "12 September 2025, 16:00", "March 2021" or "about 26 November 2025". */
export function eventDate(event: {
  occurredOn: string;
  occurredOnPrecision?: DatePrecision;
  occurredAt: string | null;
}): string {
  const precision = event.occurredOnPrecision ?? "day";
  const time = event.occurredAt && precision === "day" ? `, ${event.occurredAt.slice(0, 5)}` : "";
  return `${formatPartialDateStart(event.occurredOn, precision)}${time}`;
}

/** The `<time>` element's value: as far as the date is known ("2021-03" for March 2021). */
function machineDate(event: { occurredOn: string; occurredOnPrecision: DatePrecision }): string {
  return event.occurredOnPrecision === "about_day"
    ? event.occurredOn
    : exportedPartialDate(event.occurredOn, event.occurredOnPrecision);
}

function byYear(events: TimelineEventView[]): [string, TimelineEventView[]][] {
  const years = new Map<string, TimelineEventView[]>();
  for (const event of events) {
    const year = event.occurredOn.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), event]);
  }
  return [...years];
}

export function Timeline({
  events,
  slug,
  canWrite,
  headingLevel = 2,
}: {
  events: TimelineEventView[];
  slug: string;
  canWrite: boolean;
  headingLevel?: 2 | 3;
}) {
  if (events.length === 0) return <p className="govuk-body">No events to show.</p>;
  const YearHeading = headingLevel === 2 ? "h2" : "h3";
  const base = `/c/${slug}`;
  return (
    <ol className="app-timeline">
      {byYear(events).map(([year, yearEvents]) => (
        <li key={year}>
          <YearHeading className="govuk-heading-m">{year}</YearHeading>
          <ol className="app-timeline__year-events">
            {yearEvents.map((event) => (
              <li key={event.id} className="app-timeline__event">
                <time className="govuk-body-s app-timeline__date" dateTime={machineDate(event)}>
                  {event.noLongerDue ? <del>{eventDate(event)}</del> : eventDate(event)}
                </time>
                <p className="govuk-body app-timeline__title">
                  {event.documentId ? (
                    <a className="govuk-link" href={`${base}/documents/${event.documentId}`}>
                      {event.title}
                    </a>
                  ) : event.recordPath ? (
                    <a className="govuk-link" href={`${base}/${event.recordPath}`}>
                      {event.title}
                    </a>
                  ) : (
                    event.title
                  )}
                </p>
                {event.description ? (
                  <p className="govuk-body-s app-preserve-lines app-timeline__title">{event.description}</p>
                ) : null}
                <p className="govuk-body-s app-timeline__meta">
                  {TIMELINE_KIND_LABELS[event.kind]}
                  {" · "}
                  {event.visibility === "public" ? "Public" : "Internal"}
                  {event.privileged ? (
                    <>
                      {" · "}
                      <strong className="govuk-tag govuk-tag--red">Privileged</strong>
                    </>
                  ) : null}
                  {event.sourceUrl ? (
                    <>
                      {" · "}
                      <a className="govuk-link" href={event.sourceUrl} rel="noreferrer">
                        Source<span className="govuk-visually-hidden"> for {event.title}</span>
                      </a>
                    </>
                  ) : null}
                  {canWrite ? (
                    <>
                      {" · "}
                      <a className="govuk-link" href={`${base}/timeline/${event.id}`}>
                        {event.subjectType === null ? "Change" : "Visibility"}
                        <span className="govuk-visually-hidden"> of {event.title}</span>
                      </a>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}

/** A site's or case's page: the timeline under its heading, with links to filter it and export it. */
export function TimelineSection({
  base,
  slug,
  events,
  canWrite,
  intro,
}: {
  /** The site's or case's page. */
  base: string;
  slug: string;
  events: TimelineEventView[];
  canWrite: boolean;
  intro?: string;
}) {
  return (
    <>
      <h2 className="govuk-heading-m">Timeline</h2>
      <p className="govuk-body">
        {intro ? `${intro} ` : null}
        <a className="govuk-link" href={`${base}/timeline`}>
          Filter the timeline or add an event
        </a>
        {" · "}
        <a className="govuk-link" href={`${base}/chronology`}>
          Export a chronology
        </a>
      </p>
      <Timeline events={events} slug={slug} canWrite={canWrite} headingLevel={3} />
    </>
  );
}

/** The filter above a timeline: tick kinds of event to show only those (a GET form, so it bookmarks). */
export function TimelineFilter({ kinds, chosen }: { kinds: readonly TimelineKind[]; chosen: readonly TimelineKind[] }) {
  return (
    <Form method="get" className="app-no-print">
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Show only</legend>
          <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            {kinds.map((kind) => (
              <div className="govuk-checkboxes__item" key={kind}>
                <input
                  className="govuk-checkboxes__input"
                  id={`kind-${kind}`}
                  name="kind"
                  type="checkbox"
                  value={kind}
                  defaultChecked={chosen.includes(kind)}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={`kind-${kind}`}>
                  {TIMELINE_KIND_LABELS[kind]}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary">
        Filter
      </button>
    </Form>
  );
}
