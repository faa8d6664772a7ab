// Add a period of use as asylum accommodation to a site.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { UsePeriodForm } from "~/components/use-period-form";
import { usePeriodSchema } from "~/lib/schemas/use-period";
import { pageTitle } from "~/lib/service";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { getSiteRecord } from "~/server/council/sites/sites.server";
import { createUsePeriod } from "~/server/council/sites/use-periods.server";
import { parseForm, readForm } from "~/server/http/form-input.server";
import { notFound } from "~/server/http/responses.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Add a period of use") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "site:write");
  const record = await getSiteRecord(scope, params.reference ?? "");
  if (!record) throw notFound();
  return { slug: scope.councilSlug, site: { reference: record.site.reference, name: record.site.name } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "site:write");
  const submission = parseForm(await readForm(request, usePeriodSchema), usePeriodSchema);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (!(await createUsePeriod(scope, params.reference ?? "", submission.value))) throw notFound();
  return redirect(`/c/${scope.councilSlug}/sites/${params.reference}?done=period-saved`);
}

export default function NewUsePeriod() {
  const { slug, site } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={`/c/${slug}/sites/${site.reference}`} className="govuk-back-link">
          Back to {site.name}
        </a>
        <span className="govuk-caption-l">
          {site.reference} {site.name}
        </span>
        <h1 className="govuk-heading-l">Add a period of use as asylum accommodation</h1>
        <UsePeriodForm lastResult={lastResult} submitLabel="Save period" />
      </div>
    </div>
  );
}
