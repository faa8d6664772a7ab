// The complaint form, for logging a complaint and for editing one: what was complained of, the
// site, and the complainant's contact details (personal data, seen only by officers).
import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { DateInput, Radios, Select, Textarea, TextInput } from "~/components/govuk/fields";
import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  complaintCategories,
  complaintChannels,
} from "~/lib/complaint-codes";
import type { complaintSchema } from "~/lib/schemas/complaint";

type ComplaintFormValues = z.input<typeof complaintSchema>;

const ORDER = [
  "receivedOn",
  "channel",
  "category",
  "summary",
  "details",
  "siteId",
  "contactName",
  "contactEmail",
  "contactPhone",
  "contactAddress",
];

export function ComplaintForm({
  lastResult,
  defaultValue,
  siteChoices,
  version,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Record<string, unknown>;
  siteChoices: { id: string; reference: string; name: string }[];
  version?: number;
  submitLabel: string;
}) {
  const [form, fields] = useForm<ComplaintFormValues>({
    id: "complaint",
    lastResult,
    defaultValue: defaultValue as never,
  });
  return (
    <>
      <FormErrorSummary form={form} order={ORDER} dateFields={["receivedOn"]} />
      <Form method="post" {...getFormProps(form)} noValidate>
        {version ? <input type="hidden" name="version" value={version} /> : null}
        <DateInput
          field={fields.receivedOn}
          legend="Date received"
          hint="The date the council received the complaint. For example, 19 8 2025"
        />
        <Radios
          field={fields.channel}
          legend="How it was received"
          options={complaintChannels.map((channel) => ({ value: channel, text: COMPLAINT_CHANNEL_LABELS[channel] }))}
        />
        <Radios
          field={fields.category}
          legend="What it is about"
          options={complaintCategories.map((category) => ({
            value: category,
            text: COMPLAINT_CATEGORY_LABELS[category],
          }))}
        />
        <TextInput
          field={fields.summary}
          label="Summary"
          hint="One line, up to 200 characters. Do not include the complainant's name or contact details."
          labelClass="govuk-label--s"
        />
        <Textarea
          field={fields.details}
          label="Details (optional)"
          hint="What the complainant reported, and when it happened"
          labelClass="govuk-label--s"
        />
        <Select
          field={fields.siteId}
          label="Site"
          hint="The site the complaint is about, if it is one of the council's sites"
          labelClass="govuk-label--s"
          options={[
            { value: "", text: "Not linked to a site" },
            ...siteChoices.map((site) => ({ value: site.id, text: `${site.reference} ${site.name}` })),
          ]}
        />

        <fieldset className="govuk-fieldset" aria-describedby="complainant-hint">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">The complainant (optional)</legend>
          <div id="complainant-hint" className="govuk-hint">
            Personal data: never shared outside the council. Only officers and council admins can see it; it is left out
            of the complaints spreadsheet and the audit log.
          </div>
          <TextInput field={fields.contactName} label="Name" autoComplete="off" />
          <TextInput
            field={fields.contactEmail}
            label="Email address"
            type="email"
            autoComplete="off"
            spellCheck={false}
          />
          <TextInput
            field={fields.contactPhone}
            label="Telephone number"
            widthClass="govuk-input--width-20"
            autoComplete="off"
          />
          <Textarea field={fields.contactAddress} label="Address" rows={3} />
        </fieldset>

        <button type="submit" className="govuk-button" data-module="govuk-button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
