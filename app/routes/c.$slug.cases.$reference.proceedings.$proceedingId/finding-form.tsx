// The proceeding page's form that records what the court found on a factor (intent "record-finding").
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { Radios, TextInput } from "~/components/govuk/fields";
import { FINDING_DIRECTION_LABELS, findingDirections, SUGGESTED_FACTORS } from "~/lib/legal-codes";
import type { findingSchema } from "~/lib/schemas/legal-case";

export function FindingForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm<z.input<typeof findingSchema>>({ id: "finding", lastResult });
  return (
    <>
      <FormErrorSummary form={form} order={["factor", "finding", "paragraph", "note"]} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="intent" value="record-finding" />
        <TextInput
          field={fields.factor}
          label="Factor"
          hint={`In the court's terms. For example: ${SUGGESTED_FACTORS.join(", ")}. A factor already recorded is changed.`}
          list="suggested-factors"
        />
        <datalist id="suggested-factors">
          {SUGGESTED_FACTORS.map((factor) => (
            <option key={factor} value={factor} />
          ))}
        </datalist>
        <Radios
          field={fields.finding}
          legend="What did the court find?"
          hint="Only what the judgment or a reliable report says. If it does not say, choose ‘Not stated in the source’."
          options={findingDirections.map((finding) => ({ value: finding, text: FINDING_DIRECTION_LABELS[finding] }))}
        />
        <TextInput
          field={fields.paragraph}
          label="Paragraph (optional)"
          hint="For example, para 296"
          widthClass="govuk-input--width-10"
        />
        <TextInput field={fields.note} label="What the court said (optional)" />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Record finding
        </button>
      </Form>
    </>
  );
}
