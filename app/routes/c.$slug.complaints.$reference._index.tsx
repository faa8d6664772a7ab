// A complaint: what was reported, its site, its status and how it got there; for officers, the
// complainant's contact details and the forms that change the status, close it with a reason,
// mark it as a duplicate or link it to a planning or enforcement record (told apart by `intent`).

import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, useForm } from "@conform-to/react";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { DocumentList } from "~/components/document-list";
import { FormErrorSummary } from "~/components/form-errors";
import { Radios, Select, TextInput } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { SummaryRow as Row } from "~/components/govuk/summary-row";
import {
  CLOSE_REASON_LABELS,
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_STATUS_LABELS,
  type ComplaintStatus,
  closeReasons,
} from "~/lib/complaint-codes";
import { todayInLondon, workingDaysBetween } from "~/lib/dates";
import { DOCUMENT_DONE_MESSAGES, documentUploadHref } from "~/lib/documents";
import { formatDate, formatDateTime } from "~/lib/format";
import { PLANNING_KIND_LABELS, PLANNING_STATUS_LABELS } from "~/lib/planning-codes";
import { CLOSING_STATUSES, chosenStatuses, complaintLinkSchema, complaintStatusSchema } from "~/lib/schemas/complaint";
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

const HISTORY_LABELS: Record<string, string> = {
  "complaint.created": "Logged",
  "complaint.status_changed": "Status changed",
  "complaint.closed": "Closed",
  "complaint.marked_duplicate": "Marked as a duplicate",
  "complaint.linked": "Linked to enforcement",
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
  const closed = CLOSING_STATUSES.includes(complaint.status);
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

      <h2 className="govuk-heading-m">The complaint</h2>
      <dl className="govuk-summary-list">
        <Row label="Reference" value={complaint.reference} />
        <Row label="Received" value={formatDate(complaint.receivedOn)} />
        {complaint.workingDaysSinceReceived !== null ? (
          <Row
            label="Working days since received"
            value={`${complaint.workingDaysSinceReceived} working ${complaint.workingDaysSinceReceived === 1 ? "day" : "days"}`}
          />
        ) : null}
        <Row label="How it was received" value={COMPLAINT_CHANNEL_LABELS[complaint.channel]} />
        <Row label="What it is about" value={COMPLAINT_CATEGORY_LABELS[complaint.category]} />
        <Row
          label="Site"
          value={
            site ? (
              <a className="govuk-link" href={`/c/${slug}/sites/${site.reference}`}>
                {site.reference} {site.name}
              </a>
            ) : (
              "Not linked to a site"
            )
          }
        />
        <Row label="Details" value={complaint.details} />
        <Row label="Status" value={COMPLAINT_STATUS_LABELS[complaint.status]} />
        {closed ? (
          <>
            <Row
              label="Reason for closing"
              value={
                complaint.closeReason
                  ? complaint.closeReason === "other"
                    ? complaint.closeReasonOther
                    : CLOSE_REASON_LABELS[complaint.closeReason]
                  : null
              }
            />
            {duplicateOfReference ? (
              <Row
                label="Duplicate of"
                value={
                  <a className="govuk-link" href={`${base}/${duplicateOfReference}`}>
                    {duplicateOfReference}
                  </a>
                }
              />
            ) : null}
            <Row
              label="Closed"
              value={
                complaint.closedAt
                  ? `${formatDateTime(complaint.closedAt)}${closedByName ? ` by ${closedByName}` : ""}`
                  : null
              }
            />
          </>
        ) : null}
        {planningRecord ? (
          <Row
            label="Planning or enforcement record"
            value={
              site ? (
                <a className="govuk-link" href={`/c/${slug}/sites/${site.reference}#record-${planningRecord.id}`}>
                  {PLANNING_KIND_LABELS[planningRecord.kind]}
                  {planningRecord.reference ? ` ${planningRecord.reference}` : ""}
                </a>
              ) : (
                PLANNING_KIND_LABELS[planningRecord.kind]
              )
            }
          />
        ) : null}
        {duplicates.length > 0 ? (
          <Row
            label="Duplicates of this complaint"
            value={duplicates.map((reference, index) => (
              <span key={reference}>
                {index > 0 ? ", " : ""}
                <a className="govuk-link" href={`${base}/${reference}`}>
                  {reference}
                </a>
              </span>
            ))}
          />
        ) : null}
      </dl>

      {contact ? (
        <>
          <h2 className="govuk-heading-m">The complainant</h2>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              Personal data: never shared outside the council.
            </strong>
          </div>
          {contact.details ? (
            <dl className="govuk-summary-list">
              <Row label="Name" value={contact.details.name} />
              <Row label="Email address" value={contact.details.email} />
              <Row label="Telephone number" value={contact.details.phone} />
              <Row label="Address" value={contact.details.address} />
            </dl>
          ) : (
            <p className="govuk-body">No contact details were recorded.</p>
          )}
        </>
      ) : null}

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
      {history.length === 0 ? (
        <p className="govuk-body">No changes have been recorded.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Status history</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                When
              </th>
              <th scope="col" className="govuk-table__header">
                What happened
              </th>
              <th scope="col" className="govuk-table__header">
                Status after
              </th>
              <th scope="col" className="govuk-table__header">
                By
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {history.map((entry) => (
              <tr className="govuk-table__row" key={entry.id}>
                <td className="govuk-table__cell">{formatDateTime(entry.occurredAt)}</td>
                <td className="govuk-table__cell">{HISTORY_LABELS[entry.action] ?? entry.action}</td>
                <td className="govuk-table__cell">
                  {entry.status && entry.status in COMPLAINT_STATUS_LABELS
                    ? COMPLAINT_STATUS_LABELS[entry.status]
                    : "Not recorded"}
                </td>
                <td className="govuk-table__cell">
                  {entry.actorName ?? (entry.actorUserId ? "A former member" : "System")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

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

function StatusForm({
  lastResult,
  complaint,
  duplicateOfReference,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  complaint: {
    version: number;
    status: ComplaintStatus;
    closeReason: (typeof closeReasons)[number] | null;
    closeReasonOther: string | null;
  };
  duplicateOfReference: string | null;
}) {
  const [form, fields] = useForm<z.input<typeof complaintStatusSchema>>({
    id: "complaint-status",
    lastResult,
    defaultValue: {
      status: (chosenStatuses as readonly string[]).includes(complaint.status)
        ? (complaint.status as (typeof chosenStatuses)[number])
        : undefined,
      closeReason: complaint.closeReason ?? undefined,
      closeReasonOther: complaint.closeReasonOther ?? undefined,
      duplicateOfReference: duplicateOfReference ?? undefined,
    },
  });
  return (
    <>
      <h2 className="govuk-heading-m">Change the status</h2>
      <FormErrorSummary form={form} order={["status", "closeReason", "closeReasonOther", "duplicateOfReference"]} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="intent" value="status" />
        <input type="hidden" name="version" value={complaint.version} />
        <Radios
          field={fields.status}
          legend="Status"
          options={chosenStatuses.map((status) => ({ value: status, text: COMPLAINT_STATUS_LABELS[status] }))}
        />
        <Radios
          field={fields.closeReason}
          legend="Reason for closing"
          hint="Needed when the status is 'No further action' or 'Closed'"
          options={closeReasons.map((reason) => ({
            value: reason,
            text: CLOSE_REASON_LABELS[reason],
            conditional:
              reason === "other" ? (
                <TextInput field={fields.closeReasonOther} label="The reason" />
              ) : reason === "duplicate" ? (
                <TextInput
                  field={fields.duplicateOfReference}
                  label="Reference of the complaint this one duplicates"
                  hint="For example, EF-C-0001"
                  widthClass="govuk-input--width-10"
                  spellCheck={false}
                />
              ) : undefined,
          }))}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Save status
        </button>
      </Form>
    </>
  );
}

function DuplicateForm({
  lastResult,
  version,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  version: number;
}) {
  const [form, fields] = useForm<z.input<typeof complaintStatusSchema>>({ id: "complaint-duplicate", lastResult });
  return (
    <>
      <h2 className="govuk-heading-m">Mark as a duplicate</h2>
      <p className="govuk-body">
        This closes the complaint with the reason "{CLOSE_REASON_LABELS.duplicate}". The other complaint must be one of
        this council's.
      </p>
      <FormErrorSummary form={form} order={["duplicateOfReference"]} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="intent" value="duplicate" />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="status" value="closed" />
        <input type="hidden" name="closeReason" value="duplicate" />
        <TextInput
          field={fields.duplicateOfReference}
          label="Reference of the original complaint"
          hint="For example, EF-C-0001"
          widthClass="govuk-input--width-10"
          spellCheck={false}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Mark as duplicate
        </button>
      </Form>
    </>
  );
}

function LinkForm({
  lastResult,
  version,
  hasSite,
  siteReference,
  slug,
  choices,
  currentId,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  version: number;
  hasSite: boolean;
  siteReference: string | undefined;
  slug: string;
  choices: { id: string; kind: keyof typeof PLANNING_KIND_LABELS; reference: string | null; status: string }[];
  currentId: string | undefined;
}) {
  const [form, fields] = useForm<z.input<typeof complaintLinkSchema>>({
    id: "complaint-link",
    lastResult,
    defaultValue: { planningRecordId: currentId },
  });
  return (
    <>
      <h2 className="govuk-heading-m">Link to a planning or enforcement record</h2>
      {!hasSite ? (
        <p className="govuk-body">
          The complaint is not linked to a site. Edit the complaint to choose its site, then link it to one of the
          site's records.
        </p>
      ) : choices.length === 0 ? (
        <p className="govuk-body">
          The site has no planning or enforcement records yet.{" "}
          <a className="govuk-link" href={`/c/${slug}/sites/${siteReference}`}>
            Go to the site
          </a>{" "}
          to add one.
        </p>
      ) : (
        <>
          <p className="govuk-body">This sets the complaint's status to "Linked to enforcement".</p>
          <FormErrorSummary form={form} order={["planningRecordId"]} />
          <Form method="post" {...getFormProps(form)} noValidate>
            <input type="hidden" name="intent" value="link" />
            <input type="hidden" name="version" value={version} />
            <Select
              field={fields.planningRecordId}
              label="Planning record"
              hint="A planning or enforcement record of the complaint's site"
              options={[
                { value: "", text: "Choose a record" },
                ...choices.map((choice) => ({
                  value: choice.id,
                  text: `${PLANNING_KIND_LABELS[choice.kind]}${choice.reference ? ` ${choice.reference}` : ""} (${
                    PLANNING_STATUS_LABELS[choice.status as keyof typeof PLANNING_STATUS_LABELS] ?? choice.status
                  })`,
                })),
              ]}
            />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Link record
            </button>
          </Form>
        </>
      )}
    </>
  );
}
