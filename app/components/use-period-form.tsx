// The form for a period of use as asylum accommodation.
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { DateInput, TextInput } from "~/components/govuk/fields";
import type { usePeriodSchema } from "~/lib/schemas/use-period";

export function UsePeriodForm({
  lastResult,
  defaultValue,
  version,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Record<string, unknown>;
  version?: number;
  submitLabel: string;
}) {
  const [form, fields] = useForm<z.input<typeof usePeriodSchema>>({
    id: "period",
    lastResult,
    defaultValue: defaultValue as never,
  });
  return (
    <>
      <FormErrorSummary
        form={form}
        order={["startsOn", "endsOn", "description", "source"]}
        dateFields={["startsOn", "endsOn"]}
      />
      <Form method="post" {...getFormProps(form)} noValidate>
        {version ? <input type="hidden" name="version" value={version} /> : null}
        <DateInput
          field={fields.startsOn}
          legend="When did the use begin?"
          hint="For example, 1 5 2020, or 5 2020 for May 2020"
          withPrecision
        />
        <DateInput
          field={fields.endsOn}
          legend="When did it end? (leave empty if it continues)"
          hint="For example, 31 3 2021, or 3 2021 for March 2021"
          withPrecision
        />
        <TextInput
          field={fields.description}
          label="Description (optional)"
          hint="For example, ten-month contract with the Home Office's contractor"
        />
        <TextInput
          field={fields.source}
          label="Source (optional)"
          hint="Where this comes from: a letter, the council's website, a judgment"
        />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
