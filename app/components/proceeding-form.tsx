// The court proceeding form: court, numbers, judge, the reliefs sought (each with its outcome),
// dates, outcome, and where it sits in the chain. Reliefs are rows of a list: those saved, then
// empty ones to add more (two on a new proceeding, one otherwise; save to get another), each saved
// one with a box to remove it, so the form works without JavaScript.
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { Checkbox, DateInput, Radios, Select, Textarea, TextInput } from "~/components/govuk/fields";
import {
  COURT_LABELS,
  courts,
  OUTCOME_LABELS,
  outcomes,
  PROCEEDING_KIND_LABELS,
  proceedingKinds,
  RELATION_LABELS,
  RELIEF_LABELS,
  reliefKinds,
  reliefOutcomes,
} from "~/lib/legal-codes";
import type { proceedingSchema } from "~/lib/schemas/legal-case";

const DATES = ["issuedOn", "heardOn", "decidedOn", "judgmentPublishedOn"];

/** A relief row as the form starts with it. */
export type ReliefFormValue = { kind?: string; outcome?: string; note?: string };

/** The saved reliefs followed by empty rows to add more: at least two rows, and always one empty. */
function withEmptyRows(reliefs: readonly ReliefFormValue[]): ReliefFormValue[] {
  const rows = [...reliefs, {}];
  return rows.length < 2 ? [...rows, {}] : rows;
}

export function ProceedingForm({
  lastResult,
  defaultValue,
  version,
  earlier,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Record<string, unknown> & { reliefs?: ReliefFormValue[] };
  version?: number;
  earlier: { id: string; label: string }[];
  submitLabel: string;
}) {
  const [form, fields] = useForm<z.input<typeof proceedingSchema>>({
    id: "proceeding",
    lastResult,
    defaultValue: { ...defaultValue, reliefs: withEmptyRows(defaultValue?.reliefs ?? []) } as never,
  });
  return (
    <>
      <FormErrorSummary
        form={form}
        order={[
          "parentId",
          "relation",
          "court",
          "courtOther",
          "kind",
          "claimNumber",
          "neutralCitation",
          "judge",
          "reliefs",
          ...DATES,
          "outcome",
        ]}
        dateFields={DATES}
      />
      <Form method="post" {...getFormProps(form)} noValidate>
        {version ? <input type="hidden" name="version" value={version} /> : null}
        {earlier.length > 0 ? (
          <>
            <Select
              field={fields.parentId}
              label="Is this an appeal or a permission application from an earlier proceeding?"
              options={[
                { value: "", text: "No: it starts a new line of proceedings" },
                ...earlier.map((item) => ({ value: item.id, text: item.label })),
              ]}
            />
            <Radios
              field={fields.relation}
              legend="How it relates to the earlier proceeding"
              inline
              options={[
                { value: "appeal_from", text: RELATION_LABELS.appeal_from },
                { value: "permission_application_about", text: RELATION_LABELS.permission_application_about },
              ]}
            />
          </>
        ) : null}
        <Select
          field={fields.court}
          label="Court"
          options={[
            { value: "", text: "Choose a court" },
            ...courts.map((court) => ({ value: court, text: COURT_LABELS[court] })),
          ]}
        />
        <TextInput field={fields.courtOther} label="If another court or tribunal, its name" />
        <Select
          field={fields.kind}
          label="Kind of proceeding"
          options={[
            { value: "", text: "Choose a kind" },
            ...proceedingKinds.map((kind) => ({ value: kind, text: PROCEEDING_KIND_LABELS[kind] })),
          ]}
        />
        <TextInput
          field={fields.claimNumber}
          label="Claim or case number (optional)"
          hint="For example, KB-2025-002908"
          widthClass="govuk-input--width-20"
        />
        <TextInput
          field={fields.neutralCitation}
          label="Neutral citation (optional)"
          hint="For example, [2025] EWHC 2183 (KB) or [2025] EWCA Civ 1134: linked to Find Case Law"
          widthClass="govuk-input--width-20"
        />
        <TextInput
          field={fields.judge}
          label="Judge or panel (optional)"
          hint="For example, Eyre J, or Bean LJ, Nicola Davies LJ, Cobb LJ"
        />
        <p className="govuk-body" id="reliefs-hint">
          Relief sought (optional): each kind of relief the proceeding asked for, with what became of it. Leave a row
          empty if you do not need it.
        </p>
        {fields.reliefs.getFieldList().map((row, index) => {
          const relief = row.getFieldset();
          return (
            <div className="govuk-form-group" key={row.key}>
              <fieldset className="govuk-fieldset" aria-describedby="reliefs-hint">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Relief {index + 1}</legend>
                <Select
                  field={relief.kind}
                  label="Kind of relief"
                  options={[
                    { value: "", text: "None" },
                    ...reliefKinds.map((kind) => ({ value: kind, text: RELIEF_LABELS[kind] })),
                  ]}
                />
                <Select
                  field={relief.outcome}
                  label="What became of it"
                  options={[
                    { value: "", text: "Not decided yet" },
                    ...reliefOutcomes.map((outcome) => ({ value: outcome, text: OUTCOME_LABELS[outcome] })),
                  ]}
                />
                <TextInput
                  field={relief.note}
                  label="Note (optional)"
                  hint="For example, where the judgment deals with it: paras 297 to 300"
                />
                {relief.kind.initialValue ? <Checkbox field={relief.remove} label="Remove this relief" /> : null}
              </fieldset>
            </div>
          );
        })}
        <DateInput field={fields.issuedOn} legend="Date issued (optional)" withPrecision />
        <DateInput field={fields.heardOn} legend="Hearing date (optional)" withPrecision />
        <DateInput field={fields.decidedOn} legend="Decision date (optional)" withPrecision />
        <DateInput field={fields.judgmentPublishedOn} legend="Date the judgment was published (optional)" />
        <Select
          field={fields.outcome}
          label="Outcome (optional)"
          options={[
            { value: "", text: "Not decided yet" },
            ...outcomes.map((outcome) => ({ value: outcome, text: OUTCOME_LABELS[outcome] })),
          ]}
        />
        <Textarea field={fields.summary} label="Summary in your own words (optional)" rows={5} />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
