// The proceeding page's form that adds a party (intent "add-party"): its role in this proceeding,
// including an application to be joined that was refused, and the date the role began or, for a
// refused application, the date it was decided.
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { DateInput, Select, TextInput } from "~/components/govuk/fields";
import { PARTY_KIND_LABELS, PARTY_ROLE_LABELS, partyKinds, partyRoles } from "~/lib/legal-codes";
import type { partySchema } from "~/lib/schemas/legal-case";

export function PartyForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm<z.input<typeof partySchema>>({ id: "party", lastResult });
  return (
    <>
      <FormErrorSummary form={form} order={["name", "role", "kind", "roleOn"]} dateFields={["roleOn"]} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="intent" value="add-party" />
        <TextInput
          field={fields.name}
          label="Name"
          hint="As in the court's records, for example Somani Hotels Limited"
        />
        <Select
          field={fields.role}
          label="Role"
          options={[
            { value: "", text: "Choose a role" },
            ...partyRoles.map((role) => ({ value: role, text: PARTY_ROLE_LABELS[role] })),
          ]}
        />
        <Select
          field={fields.kind}
          label="Kind of party"
          options={[
            { value: "", text: "Choose a kind" },
            ...partyKinds.map((kind) => ({ value: kind, text: PARTY_KIND_LABELS[kind] })),
          ]}
        />
        <DateInput
          field={fields.roleOn}
          legend="Date of the role (optional)"
          hint="The day the party was joined or made an intervener, or the day an application to be joined was refused. Leave empty for a party from the start. For example, 19 8 2025"
        />
        <TextInput field={fields.note} label="Note (optional)" />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Add party
        </button>
      </Form>
    </>
  );
}
