// Change a legal case.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LegalCaseForm } from "~/components/legal-case-form";
import { formValuesOf } from "~/lib/form-values";
import { legalCaseSchema } from "~/lib/schemas/legal-case";
import { pageTitle } from "~/lib/service";
import { refusedForm } from "~/server/access/refusals.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { getLegalCase, updateLegalCase } from "~/server/council/legal/legal-cases.server";
import { siteChoices } from "~/server/council/sites/sites.server";
import { versionFrom } from "~/server/http/form-data.server";
import { parseForm, readForm } from "~/server/http/form-input.server";
import { notFound } from "~/server/http/responses.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Change a legal case") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "legal-case:write");
  const found = await getLegalCase(scope, params.reference ?? "");
  if (!found) throw notFound();
  return { slug: scope.councilSlug, legalCase: found.legalCase, sites: await siteChoices(scope) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "legal-case:write");
  const formData = await readForm(request, legalCaseSchema, ["version"]);
  const submission = parseForm(formData, legalCaseSchema);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    if (
      !(await updateLegalCase(scope, params.reference ?? "", { ...submission.value, version: versionFrom(formData) }))
    )
      throw notFound();
  } catch (error) {
    return refusedForm(error, submission);
  }
  return redirect(`/c/${scope.councilSlug}/cases/${params.reference}?done=updated`);
}

export default function EditLegalCase() {
  const { slug, legalCase, sites } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { version } = legalCase;
  const defaultValue = formValuesOf(legalCase, ["decidedToLitigateOn"]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={`/c/${slug}/cases/${legalCase.reference}`} className="govuk-back-link">
          Back to the case
        </a>
        <span className="govuk-caption-l">{legalCase.reference}</span>
        <h1 className="govuk-heading-l">Change the case</h1>
        <LegalCaseForm
          lastResult={lastResult}
          siteChoices={sites}
          defaultValue={defaultValue}
          version={version}
          submitLabel="Save changes"
        />
      </div>
    </div>
  );
}
