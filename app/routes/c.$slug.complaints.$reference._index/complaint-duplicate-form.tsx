// The complaint page's form that marks it as a duplicate of another of the council's complaints,
// closing it (intent "duplicate").
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { TextInput } from "~/components/govuk/fields";
import { CLOSE_REASON_LABELS } from "~/lib/complaint-codes";
import type { complaintStatusSchema } from "~/lib/schemas/complaint";

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
