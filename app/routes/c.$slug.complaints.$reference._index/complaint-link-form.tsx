// The complaint page's form that links it to a planning or enforcement record of its site (intent
// "link").
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { Select } from "~/components/govuk/fields";
import { PLANNING_KIND_LABELS, PLANNING_STATUS_LABELS } from "~/lib/planning-codes";
import type { complaintLinkSchema } from "~/lib/schemas/complaint";

export function LinkForm({
  lastResult,
  version,
  hasSite,
  siteReference,
  slug,
  choices,
  currentId,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  version: number;
  hasSite: boolean;
  siteReference: string | undefined;
  slug: string;
  choices: { id: string; kind: keyof typeof PLANNING_KIND_LABELS; reference: string | null; status: string }[];
  currentId: string | undefined;
}) {
  const [form, fields] = useForm<z.input<typeof complaintLinkSchema>>({
    id: "complaint-link",
    lastResult,
    defaultValue: { planningRecordId: currentId },
  });
  return (
    <>
      <h2 className="govuk-heading-m">Link to a planning or enforcement record</h2>
      {!hasSite ? (
        <p className="govuk-body">
          The complaint is not linked to a site. Edit the complaint to choose its site, then link it to one of the
          site's records.
        </p>
      ) : choices.length === 0 ? (
        <p className="govuk-body">
          The site has no planning or enforcement records yet.{" "}
          <a className="govuk-link" href={`/c/${slug}/sites/${siteReference}`}>
            Go to the site
          </a>{" "}
          to add one.
        </p>
      ) : (
        <>
          <p className="govuk-body">This sets the complaint's status to "Linked to enforcement".</p>
          <FormErrorSummary form={form} order={["planningRecordId"]} />
          <Form method="post" {...getFormProps(form)} noValidate>
            <input type="hidden" name="intent" value="link" />
            <input type="hidden" name="version" value={version} />
            <Select
              field={fields.planningRecordId}
              label="Planning record"
              hint="A planning or enforcement record of the complaint's site"
              options={[
                { value: "", text: "Choose a record" },
                ...choices.map((choice) => ({
                  value: choice.id,
                  text: `${PLANNING_KIND_LABELS[choice.kind]}${choice.reference ? ` ${choice.reference}` : ""} (${
                    PLANNING_STATUS_LABELS[choice.status as keyof typeof PLANNING_STATUS_LABELS] ?? choice.status
                  })`,
                })),
              ]}
            />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Link record
            </button>
          </Form>
        </>
      )}
    </>
  );
}
