// Edit a complaint and its complainant's contact details, or delete a complaint logged by mistake.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ComplaintForm } from "~/components/complaint-form";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { dateToParts } from "~/lib/form-values";
import { complaintSchema } from "~/lib/schemas/complaint";
import { pageTitle } from "~/lib/service";
import { refused, refusedForm } from "~/server/access/refusals.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { deleteComplaint, getComplaint, updateComplaint } from "~/server/council/complaints/complaints.server";
import { siteChoices } from "~/server/council/sites/sites.server";
import { versionFrom } from "~/server/http/form-data.server";
import { parseForm, readForm } from "~/server/http/form-input.server";
import { notFound } from "~/server/http/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Edit ${data.complaint.reference}` : "Edit complaint") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "complaint:write");
  const record = await getComplaint(scope, params.reference ?? "");
  if (!record) throw notFound();
  const sites = await siteChoices(scope);
  const { complaint, site, contact, planningRecord } = record;
  // An archived site is not offered for new complaints, but stays choosable for its own.
  if (complaint.siteId && site && !sites.some((choice) => choice.id === complaint.siteId)) {
    sites.push({ id: complaint.siteId, reference: site.reference, name: `${site.name} (archived)` });
  }
  return {
    slug: scope.councilSlug,
    sites,
    hasPlanningRecord: planningRecord !== null,
    duplicates: record.duplicates,
    complaint: {
      reference: complaint.reference,
      version: complaint.version,
      receivedOn: complaint.receivedOn,
      channel: complaint.channel,
      category: complaint.category,
      summary: complaint.summary,
      details: complaint.details,
      siteId: complaint.siteId,
    },
    contact,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "complaint:write");
  const reference = params.reference ?? "";
  const formData = await readForm(request, complaintSchema, ["intent", "version"]);
  const version = versionFrom(formData);
  const complaintsPath = `/c/${scope.councilSlug}/complaints`;
  if (formData.get("intent") === "delete") {
    try {
      if (!(await deleteComplaint(scope, reference, version))) throw notFound();
    } catch (error) {
      return refused(error, (refusal) => ({ deleteError: refusal.message }));
    }
    return redirect(`${complaintsPath}?done=deleted`);
  }
  const submission = parseForm(formData, complaintSchema);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    if (!(await updateComplaint(scope, reference, { ...submission.value, version }))) throw notFound();
  } catch (error) {
    return refusedForm(error, submission);
  }
  return redirect(`${complaintsPath}/${reference}?done=updated`);
}

export default function EditComplaint() {
  const { slug, sites, complaint, contact, hasPlanningRecord, duplicates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const deleteError = actionData && "deleteError" in actionData ? actionData.deleteError : undefined;
  const lastResult = actionData && !("deleteError" in actionData) ? actionData : undefined;
  const { version, reference, receivedOn, ...values } = complaint;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={`/c/${slug}/complaints/${reference}`} className="govuk-back-link">
          Back to {reference}
        </a>
        <ErrorSummary errors={deleteError ? [{ text: deleteError }] : []} />
        <span className="govuk-caption-l">{reference}</span>
        <h1 className="govuk-heading-l">Edit complaint</h1>
        {hasPlanningRecord ? (
          <div className="govuk-inset-text">
            This complaint is linked to a planning or enforcement record of its site. Choosing another site removes that
            link.
          </div>
        ) : null}
        <ComplaintForm
          lastResult={lastResult}
          siteChoices={sites}
          version={version}
          defaultValue={{
            ...Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value ?? ""])),
            receivedOn: dateToParts(receivedOn),
            contactName: contact?.name ?? "",
            contactEmail: contact?.email ?? "",
            contactPhone: contact?.phone ?? "",
            contactAddress: contact?.address ?? "",
          }}
          submitLabel="Save changes"
        />

        <h2 className="govuk-heading-m">Delete this complaint</h2>
        {duplicates.length > 0 ? (
          <p className="govuk-body">
            This complaint cannot be deleted while {duplicates.join(", ")} {duplicates.length === 1 ? "is" : "are"}{" "}
            marked as a duplicate of it.
          </p>
        ) : (
          <>
            <p className="govuk-body">
              Only delete a complaint that was logged by mistake. The complainant's details are deleted with it. To
              record that no action is needed, close the complaint instead.
            </p>
            <Form method="post">
              <input type="hidden" name="version" value={version} />
              <button
                type="submit"
                name="intent"
                value="delete"
                className="govuk-button govuk-button--warning"
                data-module="govuk-button"
              >
                Delete complaint
              </button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
