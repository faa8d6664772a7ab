// A chronology of the site for a court bundle: choose the dates and what to include, then print it.
// The page's GET shows only the choices; the chronology (an audited export) comes from their POST.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ChronologyPage } from "~/components/chronology-page";
import { pageTitle } from "~/lib/service";
import { chronologyPageAction, loadChronologyPage } from "~/server/council/timeline/timeline-pages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Chronology: ${data.home.reference} ${data.home.title}` : "Chronology") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadChronologyPage(request, params, "site");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return chronologyPageAction(request, params, "site");
}

export default function SiteChronology() {
  const choices = useLoaderData<typeof loader>();
  const shown = useActionData<typeof action>();
  return <ChronologyPage {...(shown ?? choices)} />;
}
