// Open a legal case.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LegalCaseForm } from "~/components/legal-case-form";
import { legalCaseSchema } from "~/lib/schemas/legal-case";
import { pageTitle } from "~/lib/service";
import { refusedForm } from "~/server/access/refusals.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { createLegalCase } from "~/server/council/legal/legal-cases.server";
import { siteChoices } from "~/server/council/sites/sites.server";
import { parseForm, readForm } from "~/server/http/form-input.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Open a legal case") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "legal-case:write");
  return { sites: await siteChoices(scope) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "legal-case:write");
  const submission = parseForm(await readForm(request, legalCaseSchema), legalCaseSchema);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const reference = await createLegalCase(scope, submission.value);
    return redirect(`/c/${scope.councilSlug}/cases/${reference}?done=created`);
  } catch (error) {
    return refusedForm(error, submission);
  }
}

export default function NewLegalCase() {
  const { sites } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Open a legal case</h1>
        <LegalCaseForm
          lastResult={lastResult}
          siteChoices={sites}
          defaultValue={{ status: "under_consideration" }}
          submitLabel="Open case"
        />
      </div>
    </div>
  );
}
