// Change or delete a planning or enforcement record.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { DocumentList } from "~/components/document-list";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { PlanningRecordForm } from "~/components/planning-record-form";
import { documentUploadHref } from "~/lib/documents";
import { formValuesOf } from "~/lib/form-values";
import { DATE_FIELDS, PLANNING_KIND_LABELS } from "~/lib/planning-codes";
import { planningRecordSchema } from "~/lib/schemas/planning-record";
import { pageTitle } from "~/lib/service";
import { refused, refusedForm } from "~/server/access/refusals.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { listDocuments } from "~/server/council/documents/documents.server";
import { deletePlanningRecord, getPlanningRecord, updatePlanningRecord } from "~/server/council/sites/planning.server";
import { versionFrom } from "~/server/http/form-data.server";
import { parseForm, readForm } from "~/server/http/form-input.server";
import { notFound } from "~/server/http/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Change ${PLANNING_KIND_LABELS[data.record.kind].toLowerCase()}` : "Change record") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "site:write");
  const siteReference = params.reference ?? "";
  const planningRecordId = params.recordId ?? "";
  const found = await getPlanningRecord(scope, siteReference, planningRecordId);
  if (!found) throw notFound();
  return {
    slug: scope.councilSlug,
    siteReference,
    siteName: found.site.name,
    record: found.record,
    enforcementNotices: found.enforcementNotices,
    documents: await listDocuments(scope, { type: "planning_record", siteReference, planningRecordId }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "site:write");
  const siteReference = params.reference ?? "";
  const recordId = params.recordId ?? "";
  const formData = await readForm(request, planningRecordSchema, ["intent", "version"]);
  const version = versionFrom(formData);
  const sitePath = `/c/${scope.councilSlug}/sites/${siteReference}`;
  if (formData.get("intent") === "delete") {
    try {
      if (!(await deletePlanningRecord(scope, siteReference, recordId, version))) throw notFound();
    } catch (error) {
      return refused(error, (refusal) => ({ deleteError: refusal.message }));
    }
    return redirect(`${sitePath}?done=record-deleted`);
  }
  const submission = parseForm(formData, planningRecordSchema);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    if (!(await updatePlanningRecord(scope, siteReference, recordId, { ...submission.value, version })))
      throw notFound();
  } catch (error) {
    return refusedForm(error, submission);
  }
  return redirect(`${sitePath}?done=record-saved#record-${recordId}`);
}

export default function EditPlanningRecord() {
  const { slug, siteReference, siteName, record, documents, enforcementNotices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const deleteError = actionData && "deleteError" in actionData ? actionData.deleteError : undefined;
  const lastResult = actionData && !("deleteError" in actionData) ? actionData : undefined;
  const { version } = record;
  const { steps, ...columns } = record;
  const defaultValue = {
    ...formValuesOf(columns, DATE_FIELDS),
    complianceSteps: steps.map((step) => formValuesOf(step)),
  };
  const sitePath = `/c/${slug}/sites/${siteReference}`;
  const confirmingDelete = search.has("delete") || Boolean(deleteError);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={`${sitePath}#record-${record.id}`} className="govuk-back-link">
          Back to {siteName}
        </a>
        {deleteError ? <ErrorSummary errors={[{ text: deleteError }]} /> : null}
        <span className="govuk-caption-l">
          {siteReference} {siteName}
        </span>
        <h1 className="govuk-heading-l">
          {PLANNING_KIND_LABELS[record.kind]}
          {record.reference ? ` ${record.reference}` : ""}
        </h1>
        {confirmingDelete ? (
          <>
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                Deleting this record removes it and its dates from the site. The audit log keeps a copy.
              </strong>
            </div>
            <Form method="post">
              <input type="hidden" name="version" value={version} />
              <div className="govuk-button-group">
                <button
                  type="submit"
                  name="intent"
                  value="delete"
                  className="govuk-button govuk-button--warning"
                  data-module="govuk-button"
                >
                  Yes, delete this record
                </button>
                <a className="govuk-link" href={`${sitePath}/records/${record.id}`}>
                  No, keep it
                </a>
              </div>
            </Form>
          </>
        ) : (
          <>
            <PlanningRecordForm
              kind={record.kind}
              lastResult={lastResult}
              defaultValue={defaultValue}
              version={version}
              submitLabel="Save changes"
              enforcementNotices={enforcementNotices}
            />
            <p className="govuk-body">
              <a className="govuk-link" href={`${sitePath}/records/${record.id}?delete`}>
                Delete this record
              </a>
            </p>
            <DocumentList
              slug={slug}
              documents={documents}
              uploadHref={documentUploadHref(slug, {
                type: "planning_record",
                siteReference,
                planningRecordId: record.id,
              })}
              canChange
            />
          </>
        )}
      </div>
    </div>
  );
}
