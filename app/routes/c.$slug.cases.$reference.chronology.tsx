// A chronology of the case for a court bundle: choose the dates and what to include, then print it.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ChronologyPage } from "~/components/chronology-page";
import { pageTitle } from "~/lib/service";
import { loadChronologyPage } from "~/server/timeline-pages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Chronology: ${data.home.reference} ${data.home.title}` : "Chronology") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadChronologyPage(request, params, "case");
}

export default function CaseChronology() {
  return <ChronologyPage {...useLoaderData<typeof loader>()} />;
}
