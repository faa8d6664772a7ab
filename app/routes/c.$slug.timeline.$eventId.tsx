// One timeline event: change or delete an event added by hand; for an event written from a record,
// choose only whether it is public (the record itself is changed on its own page).
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { SummaryRow as Row } from "~/components/govuk/summary-row";
import { eventDate } from "~/components/timeline";
import { TimelineEventForm } from "~/components/timeline-event-form";
import { formValuesOf } from "~/lib/form-values";
import { timelineEventSchema } from "~/lib/schemas/timeline-event";
import { pageTitle } from "~/lib/service";
import { TIMELINE_KIND_LABELS } from "~/lib/timeline-codes";
import { refused, refusedForm } from "~/server/access/refusals.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import {
  deleteTimelineEvent,
  getTimelineEvent,
  setTimelineEventVisibility,
  updateTimelineEvent,
} from "~/server/council/timeline/timeline.server";
import { versionFrom } from "~/server/http/form-data.server";
import { parseForm, readForm } from "~/server/http/form-input.server";
import { notFound } from "~/server/http/responses.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Timeline event") }];

/** The 403 for a member who may not write timelines (viewers). */
const MAY_NOT_CHANGE = "You need the officer or legal role to change a timeline.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "timeline:write", MAY_NOT_CHANGE);
  const found = await getTimelineEvent(scope, params.eventId ?? "");
  if (!found?.home) throw notFound();
  return { slug: scope.councilSlug, event: found.event, home: found.home };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "timeline:write", MAY_NOT_CHANGE);
  const eventId = params.eventId ?? "";
  const found = await getTimelineEvent(scope, eventId);
  if (!found?.home) throw notFound();
  const formData = await readForm(request, timelineEventSchema, ["intent", "version"]);
  const version = versionFrom(formData);
  const intent = formData.get("intent");
  const back = (done: string) => redirect(`/c/${scope.councilSlug}/${found.home?.path}/timeline?done=${done}`);
  try {
    if (intent === "public" || intent === "internal") {
      if (!(await setTimelineEventVisibility(scope, eventId, intent, version))) throw notFound();
      return back("event-visibility");
    }
    if (intent === "delete") {
      if (!(await deleteTimelineEvent(scope, eventId, version))) throw notFound();
      return back("event-deleted");
    }
  } catch (error) {
    return refused(error, (refusal) => ({ refused: refusal.message }));
  }
  const submission = parseForm(formData, timelineEventSchema);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    if (!(await updateTimelineEvent(scope, eventId, { ...submission.value, version }))) throw notFound();
  } catch (error) {
    return refusedForm(error, submission);
  }
  return back("event-saved");
}

export default function TimelineEventPage() {
  const { slug, event, home } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = actionData && "refused" in actionData ? actionData.refused : undefined;
  const lastResult = actionData && !("refused" in actionData) ? actionData : undefined;
  const fromRecord = event.subjectType !== null;
  const other = event.visibility === "public" ? "internal" : "public";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={`/c/${slug}/${home.path}/timeline`} className="govuk-back-link">
          Back to the timeline
        </a>
        {refused ? <ErrorSummary errors={[{ text: refused }]} /> : null}
        <span className="govuk-caption-l">
          {home.reference} {home.title}
        </span>
        <h1 className="govuk-heading-l">{fromRecord ? "Who may see this event" : "Change a timeline event"}</h1>
        {fromRecord ? (
          <>
            <dl className="govuk-summary-list">
              <Row label="Date" value={eventDate(event)} />
              <Row label="Event" value={event.title} />
              <Row label="Kind" value={TIMELINE_KIND_LABELS[event.kind]} />
              <Row label="Visibility" value={event.visibility === "public" ? "Public" : "Internal"} />
            </dl>
            <p className="govuk-body">
              This event comes from a record.{" "}
              {event.recordPath ? (
                <a className="govuk-link" href={`/c/${slug}/${event.recordPath}`}>
                  Change the record
                </a>
              ) : (
                "Change the record"
              )}{" "}
              to change its date or words; the timeline follows it.
            </p>
          </>
        ) : (
          <TimelineEventForm
            lastResult={lastResult}
            version={event.version}
            submitLabel="Save event"
            defaultValue={formValuesOf(event, ["occurredOn"])}
          />
        )}
        <Form method="post">
          <input type="hidden" name="version" value={event.version} />
          <div className="govuk-button-group">
            <button type="submit" name="intent" value={other} className="govuk-button govuk-button--secondary">
              {other === "public" ? "Make public" : "Make internal"}
            </button>
            {fromRecord ? null : (
              <button type="submit" name="intent" value="delete" className="govuk-button govuk-button--warning">
                Delete event
              </button>
            )}
          </div>
        </Form>
      </div>
    </div>
  );
}
