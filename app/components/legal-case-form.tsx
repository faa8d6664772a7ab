// The legal case form, for opening a case and for changing one.
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { DateInput, Radios, Select, Textarea, TextInput } from "~/components/govuk/fields";
import { CASE_STATUS_LABELS, caseStatuses, LEGAL_BASIS_LABELS, legalBases } from "~/lib/legal-codes";
import type { legalCaseSchema } from "~/lib/schemas/legal-case";

export function LegalCaseForm({
  lastResult,
  defaultValue,
  version,
  siteChoices,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Record<string, unknown>;
  version?: number;
  siteChoices: { id: string; reference: string; name: string }[];
  submitLabel: string;
}) {
  const [form, fields] = useForm<z.input<typeof legalCaseSchema>>({
    id: "case",
    lastResult,
    defaultValue: defaultValue as never,
  });
  return (
    <>
      <FormErrorSummary
        form={form}
        order={["title", "siteId", "legalBasis", "legalBasisOther", "status", "decidedToLitigateOn", "decisionTakenBy"]}
        dateFields={["decidedToLitigateOn"]}
      />
      <Form method="post" {...getFormProps(form)} noValidate>
        {version ? <input type="hidden" name="version" value={version} /> : null}
        <TextInput
          field={fields.title}
          label="Title"
          hint="For example, Epping Forest DC v Somani Hotels Ltd"
          labelClass="govuk-label--s"
        />
        <Select
          field={fields.siteId}
          label="Site"
          options={[
            { value: "", text: "Not about one site" },
            ...siteChoices.map((site) => ({ value: site.id, text: `${site.reference} ${site.name}` })),
          ]}
        />
        <Radios
          field={fields.legalBasis}
          legend="Legal basis"
          options={legalBases.map((basis) => ({
            value: basis,
            text: LEGAL_BASIS_LABELS[basis],
            conditional:
              basis === "other" ? (
                <TextInput field={fields.legalBasisOther} label="Describe the legal basis" />
              ) : undefined,
          }))}
        />
        <Radios
          field={fields.status}
          legend="Status"
          options={caseStatuses.map((status) => ({ value: status, text: CASE_STATUS_LABELS[status] }))}
        />
        <DateInput field={fields.decidedToLitigateOn} legend="Date of the decision to litigate (optional)" />
        <TextInput
          field={fields.decisionTakenBy}
          label="Decision taken by (optional)"
          hint="A role, for example Legal Services Manager"
        />
        <Textarea field={fields.externalRepresentatives} label="External solicitors and counsel (optional)" rows={3} />
        <Textarea
          field={fields.privilegedNotes}
          label="Legally privileged notes (optional)"
          hint="Seen only by the council's legal team, officers and council admins. Never published or exported."
          rows={6}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
