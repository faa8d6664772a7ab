// The complaint page's form that changes the status, or closes the complaint with a reason (intent
// "status").
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { Radios, TextInput } from "~/components/govuk/fields";
import {
  CLOSE_REASON_LABELS,
  COMPLAINT_STATUS_LABELS,
  type ComplaintStatus,
  closeReasons,
} from "~/lib/complaint-codes";
import { chosenStatuses, type complaintStatusSchema } from "~/lib/schemas/complaint";

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
