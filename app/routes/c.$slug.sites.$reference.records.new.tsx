// Add a planning or enforcement record to a site: choose the kind, then enter its dates.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { PlanningRecordForm } from "~/components/planning-record-form";
import { PLANNING_KIND_LABELS, planningRecordKinds } from "~/lib/planning-codes";
import { planningRecordSchema } from "~/lib/schemas/planning-record";
import { pageTitle } from "~/lib/service";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { createPlanningRecord } from "~/server/council/sites/planning.server";
import { getSiteRecord } from "~/server/council/sites/sites.server";
import { parseForm, readForm } from "~/server/http/form-input.server";
import { notFound } from "~/server/http/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data?.kind ? `Add a ${PLANNING_KIND_LABELS[data.kind].toLowerCase()}` : "Add a record") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "site:write");
  const record = await getSiteRecord(scope, params.reference ?? "");
  if (!record) throw notFound();
  const kindParam = new URL(request.url).searchParams.get("kind");
  const kind = planningRecordKinds.find((candidate) => candidate === kindParam) ?? null;
  const kindMissing = new URL(request.url).searchParams.has("chosen") && !kind;
  return {
    slug: scope.councilSlug,
    site: { reference: record.site.reference, name: record.site.name },
    kind,
    kindMissing,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "site:write");
  const submission = parseForm(await readForm(request, planningRecordSchema), planningRecordSchema);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const id = await createPlanningRecord(scope, params.reference ?? "", submission.value);
  if (!id) throw notFound();
  return redirect(`/c/${scope.councilSlug}/sites/${params.reference}?done=record-saved#record-${id}`);
}

export default function NewPlanningRecord() {
  const { slug, site, kind, kindMissing } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const back = `/c/${slug}/sites/${site.reference}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={kind ? `${back}/records/new` : back} className="govuk-back-link">
          Back
        </a>
        <span className="govuk-caption-l">
          {site.reference} {site.name}
        </span>
        {kind ? (
          <>
            <h1 className="govuk-heading-l">
              Add a {PLANNING_KIND_LABELS[kind].replace(/ \(PCN\)$/, "").toLowerCase()}
            </h1>
            <PlanningRecordForm kind={kind} lastResult={lastResult} submitLabel="Save record" />
          </>
        ) : (
          <form method="get">
            {kindMissing ? (
              <ErrorSummary errors={[{ fieldId: "kind", text: "Choose what kind of record it is" }]} />
            ) : null}
            <input type="hidden" name="chosen" value="1" />
            <div className={`govuk-form-group${kindMissing ? " govuk-form-group--error" : ""}`}>
              <fieldset className="govuk-fieldset" aria-describedby={kindMissing ? "kind-error" : undefined}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
                  <h1 className="govuk-fieldset__heading">What kind of record is it?</h1>
                </legend>
                {kindMissing ? (
                  <p id="kind-error" className="govuk-error-message">
                    <span className="govuk-visually-hidden">Error:</span> Choose what kind of record it is
                  </p>
                ) : null}
                <div className="govuk-radios" data-module="govuk-radios">
                  {planningRecordKinds.map((option, index) => (
                    <div className="govuk-radios__item" key={option}>
                      <input
                        className="govuk-radios__input"
                        id={index === 0 ? "kind" : `kind-${option}`}
                        name="kind"
                        type="radio"
                        value={option}
                      />
                      <label
                        className="govuk-label govuk-radios__label"
                        htmlFor={index === 0 ? "kind" : `kind-${option}`}
                      >
                        {PLANNING_KIND_LABELS[option]}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Continue
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
