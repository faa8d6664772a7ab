// Log a complaint, optionally about one of the council's sites (?site=<reference> chooses it).
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ComplaintForm } from "~/components/complaint-form";
import { todayInLondon } from "~/lib/dates";
import { dateToParts } from "~/lib/form-values";
import { complaintSchema, normaliseReference } from "~/lib/schemas/complaint";
import { pageTitle } from "~/lib/service";
import { refusedForm } from "~/server/access/refusals.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { createComplaint } from "~/server/council/complaints/complaints.server";
import { siteChoices } from "~/server/council/sites/sites.server";
import { parseForm, readForm } from "~/server/http/form-input.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Log a complaint") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "complaint:write");
  const sites = await siteChoices(scope);
  const siteReference = new URL(request.url).searchParams.get("site");
  const preselected = siteReference
    ? sites.find((site) => site.reference === normaliseReference(siteReference))
    : undefined;
  return { slug: scope.councilSlug, sites, preselectedSiteId: preselected?.id, today: todayInLondon() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "complaint:write");
  const submission = parseForm(await readForm(request, complaintSchema), complaintSchema);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  let reference: string;
  try {
    reference = await createComplaint(scope, submission.value);
  } catch (error) {
    return refusedForm(error, submission);
  }
  return redirect(`/c/${scope.councilSlug}/complaints/${reference}?done=created`);
}

export default function NewComplaint() {
  const { slug, sites, preselectedSiteId, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={`/c/${slug}/complaints`} className="govuk-back-link">
          All complaints
        </a>
        <h1 className="govuk-heading-l">Log a complaint</h1>
        <ComplaintForm
          lastResult={lastResult}
          siteChoices={sites}
          defaultValue={{ receivedOn: dateToParts(today), siteId: preselectedSiteId ?? "" }}
          submitLabel="Log complaint"
        />
      </div>
    </div>
  );
}
