// Add an event by hand to a site's or a case's timeline (?site=EF-S-0001 or ?case=EF-L-0001).
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TimelineEventForm } from "~/components/timeline-event-form";
import { timelineEventSchema } from "~/lib/schemas/timeline-event";
import { pageTitle } from "~/lib/service";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { addTimelineEvent, getTimelineHome, type TimelineHome } from "~/server/council/timeline/timeline.server";
import { parseForm, readForm } from "~/server/http/form-input.server";
import { notFound } from "~/server/http/responses.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Add an event to the timeline") }];

function homeFrom(request: Request): TimelineHome {
  const search = new URL(request.url).searchParams;
  const site = search.get("site");
  const legalCase = search.get("case");
  if (site) return { site };
  if (legalCase) return { case: legalCase };
  throw notFound();
}

/** The 403 for a member who may not write timelines (viewers). */
const MAY_NOT_ADD = "You need the officer or legal role to add to a timeline.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "timeline:write", MAY_NOT_ADD);
  const home = await getTimelineHome(scope, homeFrom(request));
  if (!home) throw notFound();
  return { slug: scope.councilSlug, home };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "timeline:write", MAY_NOT_ADD);
  const home = homeFrom(request);
  const submission = parseForm(await readForm(request, timelineEventSchema), timelineEventSchema);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const resolved = await getTimelineHome(scope, home);
  if (!resolved || !(await addTimelineEvent(scope, home, submission.value))) throw notFound();
  return redirect(`/c/${scope.councilSlug}/${resolved.path}/timeline?done=event-added`);
}

export default function NewTimelineEvent() {
  const { slug, home } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={`/c/${slug}/${home.path}/timeline`} className="govuk-back-link">
          Back to the timeline
        </a>
        <span className="govuk-caption-l">
          {home.reference} {home.title}
        </span>
        <h1 className="govuk-heading-l">Add an event to the timeline</h1>
        <TimelineEventForm lastResult={lastResult} submitLabel="Add event" />
      </div>
    </div>
  );
}
