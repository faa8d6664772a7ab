// The proceeding page's form that adds a court order (intent "add-order").
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { DateInput, TextInput } from "~/components/govuk/fields";
import type { orderSchema } from "~/lib/schemas/legal-case";

export function OrderForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm<z.input<typeof orderSchema>>({ id: "order", lastResult });
  return (
    <>
      <FormErrorSummary form={form} order={["madeOn", "requires", "dueOn", "dueAt"]} dateFields={["madeOn", "dueOn"]} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="intent" value="add-order" />
        <DateInput field={fields.madeOn} legend="Date the order was made" />
        <TextInput
          field={fields.requires}
          label="What the order requires"
          hint="For example, stop using the hotel to house asylum seekers"
        />
        <DateInput field={fields.dueOn} legend="Must be done by (optional)" />
        <TextInput
          field={fields.dueAt}
          label="By what time (optional)"
          hint="24-hour clock, for example 16:00"
          widthClass="govuk-input--width-5"
        />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Add order
        </button>
      </Form>
    </>
  );
}
