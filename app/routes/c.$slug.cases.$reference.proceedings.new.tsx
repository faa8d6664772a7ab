// Add a court proceeding to a case, on its own or as an appeal from an earlier one (?from=…).
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ProceedingForm } from "~/components/proceeding-form";
import { proceedingName } from "~/lib/legal-codes";
import { proceedingSchema } from "~/lib/schemas/legal-case";
import { pageTitle } from "~/lib/service";
import { refusedForm } from "~/server/access/refusals.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { getLegalCase } from "~/server/council/legal/legal-cases.server";
import { addProceeding } from "~/server/council/legal/proceedings.server";
import { parseForm, readForm } from "~/server/http/form-input.server";
import { notFound } from "~/server/http/responses.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Add a proceeding") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "legal-case:write");
  const found = await getLegalCase(scope, params.reference ?? "");
  if (!found) throw notFound();
  const from = new URL(request.url).searchParams.get("from");
  const parent = found.proceedings.find((proceeding) => proceeding.id === from);
  return {
    slug: scope.councilSlug,
    legalCase: { reference: found.legalCase.reference, title: found.legalCase.title },
    earlier: found.proceedings.map((proceeding) => ({ id: proceeding.id, label: proceedingName(proceeding) })),
    defaults: parent ? { parentId: parent.id, relation: "appeal_from", kind: "appeal" } : {},
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "legal-case:write");
  const submission = parseForm(await readForm(request, proceedingSchema), proceedingSchema);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const id = await addProceeding(scope, params.reference ?? "", submission.value);
    if (!id) throw notFound();
    return redirect(`/c/${scope.councilSlug}/cases/${params.reference}?done=proceeding-saved#proceeding-${id}`);
  } catch (error) {
    return refusedForm(error, submission);
  }
}

export default function NewProceeding() {
  const { slug, legalCase, earlier, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={`/c/${slug}/cases/${legalCase.reference}`} className="govuk-back-link">
          Back to the case
        </a>
        <span className="govuk-caption-l">{legalCase.title}</span>
        <h1 className="govuk-heading-l">Add a proceeding</h1>
        <ProceedingForm
          lastResult={lastResult}
          earlier={earlier}
          defaultValue={defaults}
          submitLabel="Save proceeding"
        />
      </div>
    </div>
  );
}
