// A complaint: what was reported, its site, its status and how it got there; for officers, the
// complainant's contact details and the forms that change the status, close it with a reason,
// mark it as a duplicate or link it to a planning or enforcement record (told apart by `intent`).

import type { SubmissionResult } from "@conform-to/react";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DocumentList } from "~/components/document-list";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { CLOSING_STATUSES, COMPLAINT_STATUS_LABELS, type ComplaintStatus } from "~/lib/complaint-codes";
import { todayInLondon, workingDaysBetween } from "~/lib/dates";
import { DOCUMENT_DONE_MESSAGES, documentUploadHref } from "~/lib/documents";
import { complaintLinkSchema, complaintStatusSchema } from "~/lib/schemas/complaint";
import { pageTitle } from "~/lib/service";
import { can } from "~/server/access/permissions.server";
import { refusedForm } from "~/server/access/refusals.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import {
  changeComplaintStatus,
  getComplaint,
  linkComplaintToPlanningRecord,
} from "~/server/council/complaints/complaints.server";
import { listDocuments } from "~/server/council/documents/documents.server";
import { versionFrom } from "~/server/http/form-data.server";
import { parseForm, readForm } from "~/server/http/form-input.server";
import { badRequest, notFound } from "~/server/http/responses.server";
import { Complainant, ComplaintDetails } from "./complaint-details";
import { DuplicateForm, LinkForm, StatusForm } from "./status-forms";
import { StatusHistory } from "./status-history";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Complaint ${data.complaint.reference}` : "Complaint") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  const reference = params.reference ?? "";
  const [record, documents] = await Promise.all([
    getComplaint(scope, reference),
    listDocuments(scope, { type: "complaint", complaintReference: reference }),
  ]);
  if (!record) throw notFound();
  const { complaint } = record;
  const isOpen = !CLOSING_STATUSES.includes(complaint.status);
  return {
    slug: scope.councilSlug,
    canEdit: can(scope.role, "complaint:write"),
    complaint: {
      reference: complaint.reference,
      version: complaint.version,
      receivedOn: complaint.receivedOn,
      channel: complaint.channel,
      category: complaint.category,
      summary: complaint.summary,
      details: complaint.details,
      status: complaint.status,
      closeReason: complaint.closeReason,
      closeReasonOther: complaint.closeReasonOther,
      closedAt: complaint.closedAt,
      workingDaysSinceReceived: isOpen ? workingDaysBetween(complaint.receivedOn, todayInLondon()) : null,
    },
    site: record.site,
    duplicateOfReference: record.duplicateOfReference,
    duplicates: record.duplicates,
    closedByName: record.closedByName,
    planningRecord: record.planningRecord,
    planningRecordChoices: record.planningRecordChoices,
    history: record.history,
    documents,
    canUploadDocuments: can(scope.role, "document:upload"),
    canFlagDocuments: can(scope.role, "document:flag"),
    // Only for officers and council admins: getComplaint returns null to everyone else.
    contact: record.canSeeContact ? { details: record.contact } : null,
  };
}

type Intent = "status" | "duplicate" | "link";

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "complaint:write");
  const reference = params.reference ?? "";
  const formData = await readForm(request, [complaintLinkSchema, complaintStatusSchema], ["intent", "version"]);
  const version = versionFrom(formData);
  const intent = formData.get("intent");
  const complaintPath = `/c/${scope.councilSlug}/complaints/${reference}`;

  if (intent === "link") {
    const submission = parseForm(formData, complaintLinkSchema);
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    try {
      if (!(await linkComplaintToPlanningRecord(scope, reference, { ...submission.value, version }))) throw notFound();
    } catch (error) {
      return refusal(error, intent, submission);
    }
    return redirect(`${complaintPath}?done=linked`);
  }

  if (intent === "status" || intent === "duplicate") {
    const submission = parseForm(formData, complaintStatusSchema);
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    try {
      if (!(await changeComplaintStatus(scope, reference, { ...submission.value, version }))) throw notFound();
    } catch (error) {
      return refusal(error, intent, submission);
    }
    const { status, closeReason } = submission.value;
    const done = closeReason === "duplicate" ? "duplicate" : CLOSING_STATUSES.includes(status) ? "closed" : "status";
    return redirect(`${complaintPath}?done=${done}`);
  }

  throw badRequest("Choose what to change about the complaint.");
}

/** A refusal from the domain shown on the form that was sent; anything else is rethrown. */
function refusal(error: unknown, intent: Intent, submission: { reply: (options?: object) => SubmissionResult }) {
  return refusedForm(error, submission, (result) => ({ intent, result }));
}

const DONE = {
  created: "The complaint has been logged.",
  updated: "The complaint has been updated.",
  status: "The complaint's status has been changed.",
  closed: "The complaint has been closed.",
  duplicate: "The complaint has been marked as a duplicate and closed.",
  linked: "The complaint has been linked to the planning or enforcement record.",
  ...DOCUMENT_DONE_MESSAGES,
};

function StatusTag({ status }: { status: ComplaintStatus }) {
  const colour: Record<ComplaintStatus, string> = {
    new: "govuk-tag--blue",
    under_review: "govuk-tag--yellow",
    linked_to_enforcement: "govuk-tag--purple",
    no_further_action: "govuk-tag--grey",
    closed: "govuk-tag--grey",
  };
  return <strong className={`govuk-tag ${colour[status]}`}>{COMPLAINT_STATUS_LABELS[status]}</strong>;
}

/** The last result for the form that was sent (several forms share the page's action). */
function resultFor(
  actionData: { intent: string; result: SubmissionResult<string[]> } | undefined,
  intent: Intent,
): SubmissionResult<string[]> | undefined {
  return actionData?.intent === intent ? actionData.result : undefined;
}

export default function ComplaintPage() {
  const {
    slug,
    canEdit,
    complaint,
    site,
    duplicateOfReference,
    duplicates,
    closedByName,
    planningRecord,
    planningRecordChoices,
    history,
    contact,
    documents,
    canUploadDocuments,
    canFlagDocuments,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/c/${slug}/complaints`;
  return (
    <>
      {actionData ? null : <SuccessBanner messages={DONE} />}
      <a href={base} className="govuk-back-link">
        All complaints
      </a>
      <span className="govuk-caption-l">Complaint {complaint.reference}</span>
      <h1 className="govuk-heading-l">{complaint.summary}</h1>
      <p className="govuk-body">
        Status: <StatusTag status={complaint.status} />
      </p>
      {canEdit ? (
        <div className="govuk-button-group">
          <a className="govuk-button govuk-button--secondary" href={`${base}/${complaint.reference}/edit`}>
            Edit complaint
          </a>
        </div>
      ) : null}

      <ComplaintDetails
        slug={slug}
        complaint={complaint}
        site={site}
        duplicateOfReference={duplicateOfReference}
        duplicates={duplicates}
        closedByName={closedByName}
        planningRecord={planningRecord}
      />
      {contact ? <Complainant details={contact.details} /> : null}

      <DocumentList
        slug={slug}
        documents={documents}
        uploadHref={
          canUploadDocuments
            ? documentUploadHref(slug, { type: "complaint", complaintReference: complaint.reference })
            : null
        }
        canChange={canFlagDocuments}
      />

      <h2 className="govuk-heading-m">Status history</h2>
      <StatusHistory history={history} />

      {canEdit ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <StatusForm
              lastResult={resultFor(actionData, "status")}
              complaint={complaint}
              duplicateOfReference={duplicateOfReference}
            />
            <DuplicateForm lastResult={resultFor(actionData, "duplicate")} version={complaint.version} />
            <LinkForm
              lastResult={resultFor(actionData, "link")}
              version={complaint.version}
              hasSite={site !== null}
              siteReference={site?.reference}
              slug={slug}
              choices={planningRecordChoices}
              currentId={planningRecord?.id}
            />
          </div>
        </div>
      ) : null}
    </>
  );
}
