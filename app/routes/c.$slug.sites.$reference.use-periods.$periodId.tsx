// Change or delete a period of use.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { UsePeriodForm } from "~/components/use-period-form";
import { partialDateToParts } from "~/lib/form-values";
import { usePeriodSchema } from "~/lib/schemas/use-period";
import { pageTitle } from "~/lib/service";
import { refused, refusedForm } from "~/server/access/refusals.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { deleteUsePeriod, getUsePeriod, updateUsePeriod } from "~/server/council/sites/use-periods.server";
import { versionFrom } from "~/server/http/form-data.server";
import { parseForm, readForm } from "~/server/http/form-input.server";
import { notFound } from "~/server/http/responses.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Change a period of use") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "site:write");
  const found = await getUsePeriod(scope, params.reference ?? "", params.periodId ?? "");
  if (!found) throw notFound();
  return {
    slug: scope.councilSlug,
    siteReference: params.reference ?? "",
    siteName: found.site.name,
    period: found.period,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "site:write");
  const siteReference = params.reference ?? "";
  const periodId = params.periodId ?? "";
  const formData = await readForm(request, usePeriodSchema, ["intent", "version"]);
  const version = versionFrom(formData);
  const done = (what: string) => redirect(`/c/${scope.councilSlug}/sites/${siteReference}?done=${what}`);
  if (formData.get("intent") === "delete") {
    try {
      if (!(await deleteUsePeriod(scope, siteReference, periodId, version))) throw notFound();
    } catch (error) {
      return refused(error, (refusal) => ({ deleteError: refusal.message }));
    }
    return done("period-deleted");
  }
  const submission = parseForm(formData, usePeriodSchema);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    if (!(await updateUsePeriod(scope, siteReference, periodId, { ...submission.value, version }))) throw notFound();
  } catch (error) {
    return refusedForm(error, submission);
  }
  return done("period-saved");
}

export default function EditUsePeriod() {
  const { slug, siteReference, siteName, period } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const deleteError = actionData && "deleteError" in actionData ? actionData.deleteError : undefined;
  const lastResult = actionData && !("deleteError" in actionData) ? actionData : undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={`/c/${slug}/sites/${siteReference}`} className="govuk-back-link">
          Back to {siteName}
        </a>
        {deleteError ? <ErrorSummary errors={[{ text: deleteError }]} /> : null}
        <span className="govuk-caption-l">
          {siteReference} {siteName}
        </span>
        <h1 className="govuk-heading-l">Change a period of use</h1>
        <UsePeriodForm
          lastResult={lastResult}
          defaultValue={{
            startsOn: partialDateToParts(period.startsOn, period.startsOnPrecision),
            endsOn: partialDateToParts(period.endsOn, period.endsOnPrecision),
            description: period.description ?? undefined,
            source: period.source ?? undefined,
          }}
          version={period.version}
          submitLabel="Save changes"
        />
        <h2 className="govuk-heading-m">Delete this period</h2>
        <Form method="post">
          <input type="hidden" name="version" value={period.version} />
          <button
            type="submit"
            name="intent"
            value="delete"
            className="govuk-button govuk-button--warning"
            data-module="govuk-button"
          >
            Delete period
          </button>
        </Form>
      </div>
    </div>
  );
}
