// The form for one kind of planning or enforcement record: only the fields that kind uses.
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrorSummary } from "~/components/form-errors";
import { Checkbox, DateInput, Radios, Select, Textarea, TextInput } from "~/components/govuk/fields";
import {
  CERTIFICATE_TYPE_LABELS,
  certificateTypes,
  DATE_FIELDS,
  KIND_DECISIONS,
  KIND_FIELDS,
  PLANNING_DECISION_LABELS,
  PLANNING_STATUS_LABELS,
  type PlanningField,
  type PlanningRecordKind,
  planningStatuses,
} from "~/lib/planning-codes";

const DATE_LEGENDS: Partial<Record<PlanningField, string>> = {
  receivedOn: "Date received",
  validatedOn: "Date validated",
  issuedOn: "Date issued",
  servedOn: "Date served",
  displayedOn: "Date first displayed on site",
  effectiveOn: "Date it takes effect",
  lodgedOn: "Date the appeal was lodged",
  startedOn: "Appeal start date",
  decidedOn: "Decision date",
  withdrawnOn: "Date withdrawn",
};

export function PlanningRecordForm({
  kind,
  lastResult,
  defaultValue,
  version,
  submitLabel,
}: {
  kind: PlanningRecordKind;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Record<string, unknown>;
  version?: number;
  submitLabel: string;
}) {
  const [form, fields] = useForm<Record<string, unknown>>({
    id: "record",
    lastResult,
    defaultValue: { status: "open", ...defaultValue },
  });
  const used = KIND_FIELDS[kind];
  const order = [
    "reference",
    ...used,
    "compliancePeriodUnit",
    "status",
    "description",
    "linkUrl",
    "otherDeadlineOn",
    "otherDeadlineLabel",
  ];
  // biome-ignore lint/suspicious/noExplicitAny: the record form's fields are read by name
  const field = (name: string) => (fields as Record<string, any>)[name];
  return (
    <>
      <FormErrorSummary form={form} order={order} dateFields={[...DATE_FIELDS]} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="kind" value={kind} />
        {version ? <input type="hidden" name="version" value={version} /> : null}
        {used.map((name) => {
          if (name === "reference") {
            return (
              <TextInput
                key={name}
                field={field("reference")}
                label="Reference (optional)"
                hint="The council's or the Planning Inspectorate's reference, for example EPF/0337/23"
                widthClass="govuk-input--width-20"
              />
            );
          }
          if (name === "certificateType") {
            return (
              <Radios
                key={name}
                field={field("certificateType")}
                legend="Certificate for"
                options={certificateTypes.map((type) => ({ value: type, text: CERTIFICATE_TYPE_LABELS[type] }))}
              />
            );
          }
          if (name === "decision") {
            return (
              <Select
                key={name}
                field={field("decision")}
                label="Decision"
                options={[
                  { value: "", text: "Not decided yet" },
                  ...(KIND_DECISIONS[kind] ?? []).map((decision) => ({
                    value: decision,
                    text: PLANNING_DECISION_LABELS[decision],
                  })),
                ]}
              />
            );
          }
          if (name === "stepsRequired") {
            return <Textarea key={name} field={field("stepsRequired")} label="Steps required" rows={3} />;
          }
          if (name === "compliancePeriod") {
            return (
              <fieldset className="govuk-fieldset" key={name}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Period for compliance</legend>
                <TextInput
                  field={field("compliancePeriod")}
                  label="Length"
                  hint={
                    kind === "breach_of_condition_notice"
                      ? "At least 28 days, beginning with the day of service"
                      : "Runs from the date the notice takes effect"
                  }
                  widthClass="govuk-input--width-4"
                />
                <Radios
                  field={field("compliancePeriodUnit")}
                  legend="Days or months"
                  inline
                  options={[
                    { value: "days", text: "Days" },
                    { value: "months", text: "Months" },
                  ]}
                />
              </fieldset>
            );
          }
          if (name === "appealed") {
            return (
              <Checkbox
                key={name}
                field={field("appealed")}
                label="An appeal has been lodged against this notice"
                hint="An appeal suspends the notice until it is decided"
              />
            );
          }
          return <DateInput key={name} field={field(name)} legend={DATE_LEGENDS[name] ?? name} />;
        })}
        <Radios
          field={field("status")}
          legend="Status"
          inline
          options={planningStatuses.map((status) => ({ value: status, text: PLANNING_STATUS_LABELS[status] }))}
        />
        <Textarea field={field("description")} label="Description (optional)" rows={4} />
        <TextInput
          field={field("linkUrl")}
          label="Link to a document or web page (optional)"
          hint="For example, the notice on the council's planning register"
        />
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Add another deadline</span>
          </summary>
          <div className="govuk-details__text">
            <p className="govuk-body">
              For a date the law does not fix, such as an agreed extension of time or a date set by the Planning
              Inspectorate.
            </p>
            <TextInput field={field("otherDeadlineLabel")} label="What is due" />
            <DateInput field={field("otherDeadlineOn")} legend="Due date" />
          </div>
        </details>
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
