// The site's timeline: everything recorded about it, in date order, filtered by kind.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TimelinePage } from "~/components/timeline-page";
import { pageTitle } from "~/lib/service";
import { loadTimelinePage } from "~/server/council/timeline/timeline-pages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Timeline: ${data.home.reference} ${data.home.title}` : "Timeline") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadTimelinePage(request, params, "site");
}

export default function SiteTimeline() {
  return <TimelinePage {...useLoaderData<typeof loader>()} />;
}
