// The start page: what the service is, and the way in.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SERVICE_NAME } from "~/lib/service";
import { getSignedInUser, landingPathFor } from "~/server/access/auth.server";

export const meta: MetaFunction = () => [
  { title: SERVICE_NAME },
  {
    name: "description",
    content:
      "Councils record hotel sites used as asylum accommodation, their planning position, enforcement and court action.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSignedInUser(request);
  return { continueTo: user ? await landingPathFor(user) : null };
}

export default function Index() {
  const { continueTo } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{SERVICE_NAME}</h1>
        <p className="govuk-body-l">
          Councils use this service to record the hotel sites in their area used as asylum accommodation, the planning
          position of each site, complaints, enforcement steps and court action, each as a dated timeline.
        </p>
        <p className="govuk-body">Use it to:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>keep every site's planning history, notices and deadlines in one place</li>
          <li>record court proceedings, hearings and orders, and the appeals that follow them</li>
          <li>compare a case with other councils' cases and the published judgments</li>
        </ul>
        <p className="govuk-body">
          Nothing about a site is public until a council officer publishes it, and personal details are never published.
        </p>
        {continueTo ? (
          <a
            href={continueTo}
            draggable="false"
            className="govuk-button govuk-button--start"
            data-module="govuk-button"
          >
            Continue
          </a>
        ) : (
          <a href="/sign-in" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
            Sign in
          </a>
        )}
      </div>
    </div>
  );
}
