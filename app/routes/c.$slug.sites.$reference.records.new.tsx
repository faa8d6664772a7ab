// Add a planning or enforcement record to a site: choose the kind, then enter its dates.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { PlanningRecordForm } from "~/components/planning-record-form";
import { ENGLAND_ONLY_KINDS, PLANNING_KIND_LABELS, planningRecordKinds } from "~/lib/planning-codes";
import { planningRecordSchema } from "~/lib/schemas/planning-record";
import { pageTitle } from "~/lib/service";
import { refusedForm } from "~/server/access/refusals.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import {
  createPlanningRecord,
  ENGLAND_ONLY_REFUSAL,
  enforcementNoticeChoices,
} from "~/server/council/sites/planning.server";
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
  // Kinds the council's nation has: enforcement warning notices are England's only.
  const kinds = planningRecordKinds.filter(
    (candidate) => record.clockContext.nation === "england" || !ENGLAND_ONLY_KINDS.includes(candidate),
  );
  const kindParam = new URL(request.url).searchParams.get("kind");
  const kindRefused =
    planningRecordKinds.some((candidate) => candidate === kindParam) && !kinds.some((k) => k === kindParam);
  const kind = kinds.find((candidate) => candidate === kindParam) ?? null;
  const kindMissing = new URL(request.url).searchParams.has("chosen") && !kind;
  return {
    slug: scope.councilSlug,
    site: { reference: record.site.reference, name: record.site.name },
    kinds,
    kind,
    kindError: kindRefused ? ENGLAND_ONLY_REFUSAL : kindMissing ? "Choose what kind of record it is" : null,
    enforcementNotices: enforcementNoticeChoices(record.planningRecords),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "site:write");
  const submission = parseForm(await readForm(request, planningRecordSchema), planningRecordSchema);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  let id: string | undefined;
  try {
    id = await createPlanningRecord(scope, params.reference ?? "", submission.value);
  } catch (error) {
    return refusedForm(error, submission);
  }
  if (!id) throw notFound();
  return redirect(`/c/${scope.councilSlug}/sites/${params.reference}?done=record-saved#record-${id}`);
}

export default function NewPlanningRecord() {
  const { slug, site, kinds, kind, kindError, enforcementNotices } = useLoaderData<typeof loader>();
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
            <PlanningRecordForm
              kind={kind}
              lastResult={lastResult}
              submitLabel="Save record"
              enforcementNotices={enforcementNotices}
            />
          </>
        ) : (
          <form method="get">
            {kindError ? <ErrorSummary errors={[{ fieldId: "kind", text: kindError }]} /> : null}
            <input type="hidden" name="chosen" value="1" />
            <div className={`govuk-form-group${kindError ? " govuk-form-group--error" : ""}`}>
              <fieldset className="govuk-fieldset" aria-describedby={kindError ? "kind-error" : undefined}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
                  <h1 className="govuk-fieldset__heading">What kind of record is it?</h1>
                </legend>
                {kindError ? (
                  <p id="kind-error" className="govuk-error-message">
                    <span className="govuk-visually-hidden">Error:</span> {kindError}
                  </p>
                ) : null}
                <div className="govuk-radios" data-module="govuk-radios">
                  {kinds.map((option, index) => (
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
