// The complaint page's forms for officers: change the status (closing needs a reason), mark the
// complaint as a duplicate of another, and link it to one of its site's planning or enforcement
// records. Each posts to the page's action with its own `intent`.
import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { Radios, Select, TextInput } from "~/components/govuk/fields";
import {
  CLOSE_REASON_LABELS,
  COMPLAINT_STATUS_LABELS,
  type ComplaintStatus,
  chosenStatuses,
  closeReasons,
} from "~/lib/complaint-codes";
import { PLANNING_KIND_LABELS, PLANNING_STATUS_LABELS } from "~/lib/planning-codes";
import type { complaintLinkSchema, complaintStatusSchema } from "~/lib/schemas/complaint";

export function StatusForm({
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

export function DuplicateForm({
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

export function LinkForm({
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
