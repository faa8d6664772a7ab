// The timeline page of a site or a case: the filter, the events, and links to add an event and to
// export a chronology.
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { Timeline, type TimelineEventView, TimelineFilter } from "~/components/timeline";
import type { TimelineKind } from "~/lib/timeline-codes";

const DONE = {
  "event-added": "The event has been added to the timeline.",
  "event-saved": "The event has been changed.",
  "event-deleted": "The event has been deleted.",
  "event-visibility": "Who may see the event has been changed.",
};

export function TimelinePage({
  slug,
  home,
  events,
  canWrite,
  kinds,
  chosen,
}: {
  slug: string;
  home: { kind: "site" | "case"; reference: string; title: string; path: string };
  events: TimelineEventView[];
  canWrite: boolean;
  kinds: readonly TimelineKind[];
  chosen: readonly TimelineKind[];
}) {
  const homeLink = `/c/${slug}/${home.path}`;
  const what = home.kind === "site" ? "site" : "case";
  return (
    <>
      <a href={homeLink} className="govuk-back-link">
        Back to {home.title}
      </a>
      <SuccessBanner messages={DONE} />
      <span className="govuk-caption-l">
        {home.reference} {home.title}
      </span>
      <h1 className="govuk-heading-l">Timeline</h1>
      <p className="govuk-body">
        Everything recorded about this {what}, in date order
        {home.kind === "case" ? ", with the planning history of its site" : ", including its legal cases"}.
      </p>
      <div className="govuk-button-group app-no-print">
        {canWrite ? (
          <a className="govuk-button" href={`/c/${slug}/timeline/new?${home.kind}=${home.reference}`}>
            Add an event
          </a>
        ) : null}
        <a className="govuk-button govuk-button--secondary" href={`${homeLink}/chronology`}>
          Export a chronology
        </a>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <TimelineFilter kinds={kinds} chosen={chosen} />
        </div>
        <div className="govuk-grid-column-two-thirds">
          {chosen.length > 0 ? (
            <p className="govuk-body">
              Showing {events.length} {events.length === 1 ? "event" : "events"} of the chosen kinds.{" "}
              <a className="govuk-link" href={`${homeLink}/timeline`}>
                Show all
              </a>
            </p>
          ) : null}
          <Timeline events={events} slug={slug} canWrite={canWrite} />
        </div>
      </div>
    </>
  );
}
