// The court proceeding form: court, numbers, judge, dates, outcome, and where it sits in the chain.
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { DateInput, Radios, Select, Textarea, TextInput } from "~/components/govuk/fields";
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
} from "~/lib/legal-codes";
import type { proceedingSchema } from "~/lib/schemas/legal-case";

const DATES = ["issuedOn", "heardOn", "decidedOn", "judgmentPublishedOn"];

export function ProceedingForm({
  lastResult,
  defaultValue,
  version,
  earlier,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Record<string, unknown>;
  version?: number;
  earlier: { id: string; label: string }[];
  submitLabel: string;
}) {
  const [form, fields] = useForm<z.input<typeof proceedingSchema>>({
    id: "proceeding",
    lastResult,
    defaultValue: defaultValue as never,
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
        <Select
          field={fields.reliefSought}
          label="Relief sought (optional)"
          options={[
            { value: "", text: "Not recorded" },
            ...reliefKinds.map((relief) => ({ value: relief, text: RELIEF_LABELS[relief] })),
          ]}
        />
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
