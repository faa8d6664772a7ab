// The form for one kind of planning or enforcement record: only the fields that kind uses. Past
// dates ask how exact they are (Decision 47); an enforcement notice's steps are rows, each with its
// own period (the ones recorded and two empty ones: an empty row is not saved, so a step is removed
// by clearing it, and more are added by saving and changing the record again).
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrorSummary } from "~/components/form-errors";
import { DateInput, Radios, Select, Textarea, TextInput } from "~/components/govuk/fields";
import {
  APPLICATION_CATEGORY_LABELS,
  applicationCategories,
  CERTIFICATE_TYPE_LABELS,
  certificateTypes,
  DATE_FIELDS,
  KIND_DECISIONS,
  KIND_FIELDS,
  MAX_COMPLIANCE_STEPS,
  PAST_DATE_FIELDS,
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

const DATE_HINTS: Partial<Record<PlanningRecordKind, Partial<Record<PlanningField, string>>>> = {
  planning_application: {
    validatedOn:
      "The day the application was valid (complete, with its fee): the period for the decision starts the day after",
  },
  lawful_development_certificate: {
    validatedOn:
      "The day the application was received complete with its fee: the period for the decision starts that day",
  },
  temporary_stop_notice: {
    issuedOn:
      "It decides how long the notice lasts: 28 days if issued before 25 April 2024, 56 days from then (in England)",
    displayedOn: "The notice has effect, and its period runs, from the day a copy is first displayed",
  },
  stop_notice: {
    effectiveOn:
      "At least 3 days after service, unless a statement of special reasons was served with it; at most 28 days",
  },
};

const UNIT_OPTIONS = [
  { value: "days", text: "Days" },
  { value: "months", text: "Months" },
];

/** One row of an enforcement notice's steps, as Conform gives it. */
interface StepRow {
  key?: string;
  getFieldset(): Record<
    "steps" | "compliancePeriod" | "compliancePeriodUnit",
    Parameters<typeof TextInput>[0]["field"]
  >;
}

/** The site's enforcement notices a stop notice or an appeal may link to. */
export interface EnforcementNoticeChoice {
  id: string;
  name: string;
}
export function PlanningRecordForm({
  kind,
  lastResult,
  defaultValue,
  version,
  submitLabel,
  enforcementNotices = [],
}: {
  kind: PlanningRecordKind;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Record<string, unknown>;
  version?: number;
  submitLabel: string;
  enforcementNotices?: EnforcementNoticeChoice[];
}) {
  const recordedSteps = (defaultValue?.complianceSteps as Record<string, unknown>[] | undefined) ?? [];
  const blankRows = Math.max(0, Math.min(MAX_COMPLIANCE_STEPS, recordedSteps.length + 2) - recordedSteps.length);
  // The empty rows are new steps to fill in (see the header).
  const initial: Record<string, unknown> = {
    status: "open",
    ...defaultValue,
    complianceSteps: [...recordedSteps, ...Array.from({ length: blankRows }, () => ({}))],
  };
  const [form, fields] = useForm<Record<string, unknown>>({ id: "record", lastResult, defaultValue: initial as never });
  const used = KIND_FIELDS[kind];
  const order = [
    "reference",
    ...used,
    "compliancePeriodUnit",
    "statedPeriodUnit",
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
                  hint="At least 28 days, beginning with the day of service"
                  widthClass="govuk-input--width-4"
                />
                <Radios field={field("compliancePeriodUnit")} legend="Days or months" inline options={UNIT_OPTIONS} />
              </fieldset>
            );
          }
          if (name === "applicationCategory") {
            return (
              <Radios
                key={name}
                field={field("applicationCategory")}
                legend="Category"
                hint="It decides the period for the decision (8 weeks, 13 for major development, 16 for EIA development) and for an appeal (12 weeks for a householder application)"
                options={[
                  ...applicationCategories.map((category) => ({
                    value: category,
                    text: APPLICATION_CATEGORY_LABELS[category],
                  })),
                  { value: "", text: "Not recorded", dividerBefore: "or" },
                ]}
              />
            );
          }
          if (name === "extendedTo") {
            return (
              <DateInput
                key={name}
                field={field("extendedTo")}
                legend="Extended date for the decision (optional)"
                hint="Only if the applicant agreed in writing to a longer period: the day it ends. It replaces the statutory date."
              />
            );
          }
          if (name === "enforcementNoticeId") {
            return (
              <Select
                key={name}
                field={field("enforcementNoticeId")}
                label={
                  kind === "stop_notice" ? "Enforcement notice it accompanies" : "Enforcement notice appealed against"
                }
                hint={
                  kind === "stop_notice"
                    ? "A stop notice must refer to the enforcement notice it accompanies, recorded on this site"
                    : "While the appeal is pending, the notice is suspended; when it is decided or withdrawn, the notice takes effect"
                }
                options={[
                  {
                    value: "",
                    text: enforcementNotices.length ? "Choose the notice" : "No enforcement notice on this site",
                  },
                  ...enforcementNotices.map((notice) => ({ value: notice.id, text: notice.name })),
                ]}
              />
            );
          }
          if (name === "specialReasons") {
            return (
              <Textarea
                key={name}
                field={field("specialReasons")}
                label="Statement of special reasons (optional)"
                hint="Only if a statement of special reasons was served with the notice, so that it may take effect sooner than 3 days after service"
                rows={3}
              />
            );
          }
          if (name === "complianceSteps") {
            return (
              <fieldset className="govuk-fieldset" key={name}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                  Steps and periods for compliance
                </legend>
                <div className="govuk-hint">
                  Each step the notice requires, with the period for compliance it gives that step, running from the
                  date the notice takes effect. Leave a row empty if there are no more steps; clear a step to remove it.
                </div>
                {(field("complianceSteps").getFieldList() as StepRow[]).map((row, index) => {
                  const step = row.getFieldset();
                  return (
                    <div key={row.key} className="govuk-!-margin-bottom-6">
                      <Textarea field={step.steps} label={`Step ${index + 1}: what it requires`} rows={2} />
                      <TextInput
                        field={step.compliancePeriod}
                        label={`Step ${index + 1}: period for compliance`}
                        widthClass="govuk-input--width-4"
                      />
                      <Radios field={step.compliancePeriodUnit} legend="Days or months" inline options={UNIT_OPTIONS} />
                    </div>
                  );
                })}
              </fieldset>
            );
          }
          if (name === "statedPeriod") {
            return (
              <fieldset className="govuk-fieldset" key={name}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                  {kind === "temporary_stop_notice"
                    ? "Shorter period the notice states (optional)"
                    : "Period the notice gives for a planning application"}
                </legend>
                <TextInput
                  field={field("statedPeriod")}
                  label={kind === "temporary_stop_notice" ? "Days" : "Length"}
                  hint={
                    kind === "temporary_stop_notice"
                      ? "Only if the notice states a period shorter than 28 or 56 days"
                      : "Counted from the day the notice was issued"
                  }
                  widthClass="govuk-input--width-4"
                />
                {kind === "temporary_stop_notice" ? null : (
                  <Radios field={field("statedPeriodUnit")} legend="Days or months" inline options={UNIT_OPTIONS} />
                )}
              </fieldset>
            );
          }
          return (
            <DateInput
              key={name}
              field={field(name)}
              legend={DATE_LEGENDS[name] ?? name}
              hint={DATE_HINTS[kind]?.[name]}
              withPrecision={(PAST_DATE_FIELDS as readonly string[]).includes(name)}
            />
          );
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
              For a date the law does not fix here, such as a date set by the Planning Inspectorate. An extended period
              for a decision has a field of its own.
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
