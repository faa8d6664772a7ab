// The proceeding page's form that adds a hearing (intent "add-hearing").
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { DateInput, TextInput } from "~/components/govuk/fields";
import type { hearingSchema } from "~/lib/schemas/legal-case";

export function HearingForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm<z.input<typeof hearingSchema>>({ id: "hearing", lastResult });
  return (
    <>
      <FormErrorSummary form={form} order={["heldOn", "startsAt", "kind", "notes"]} dateFields={["heldOn"]} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="intent" value="add-hearing" />
        <DateInput field={fields.heldOn} legend="Hearing date" />
        <TextInput
          field={fields.startsAt}
          label="Start time (optional)"
          hint="24-hour clock, for example 10:30"
          widthClass="govuk-input--width-5"
        />
        <TextInput field={fields.kind} label="What the hearing is" hint="For example, interim injunction hearing" />
        <TextInput field={fields.notes} label="Notes (optional)" />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Add hearing
        </button>
      </Form>
    </>
  );
}
