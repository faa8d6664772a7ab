// One planning or enforcement record on the site page, as a summary card: its status, dates (as
// precise as recorded) and decision, its steps, the record it is linked to, its statutory clocks
// (app/lib/deadlines.ts): each deadline with its rule and source, struck through with the reason
// when it is no longer due, and, where none can be worked out, why not; and, for a stop notice,
// whether the use had gone on too long for it to prohibit (s.183(5), app/lib/immunity.ts).
import { SummaryRow as Row } from "~/components/govuk/summary-row";
import type { ClockNote, ComplianceStep, Deadline } from "~/lib/deadlines";
import { formatDate } from "~/lib/format";
import type { TimeLimitWarning } from "~/lib/immunity";
import { type DatePrecision, formatPartialDate } from "~/lib/partial-date";
import {
  APPLICATION_CATEGORY_LABELS,
  type ApplicationCategory,
  CERTIFICATE_TYPE_LABELS,
  type CertificateType,
  KIND_FIELDS,
  type PastDateField,
  type PeriodUnit,
  PLANNING_DECISION_LABELS,
  PLANNING_KIND_LABELS,
  PLANNING_STATUS_LABELS,
  type PlanningDecision,
  type PlanningRecordKind,
  type PlanningStatus,
} from "~/lib/planning-codes";
import { TimeLimitWarningText } from "./time-limit-warning";

/** The record's dates, in the order they happen, with their names on the card. */
const DATES: [PastDateField, string][] = [
  ["receivedOn", "Received"],
  ["validatedOn", "Validated"],
  ["issuedOn", "Issued"],
  ["servedOn", "Served"],
  ["displayedOn", "First displayed on site"],
  ["effectiveOn", "Takes effect"],
  ["lodgedOn", "Appeal lodged"],
  ["startedOn", "Appeal started"],
  ["decidedOn", "Decided"],
  ["withdrawnOn", "Withdrawn"],
];

type PlanningRecordDates = { [K in PastDateField]: string | null } & {
  [K in PastDateField as `${K}Precision`]: DatePrecision;
};

export interface PlanningRecordView extends PlanningRecordDates {
  id: string;
  kind: PlanningRecordKind;
  reference: string | null;
  status: PlanningStatus;
  certificateType: CertificateType | null;
  applicationCategory: ApplicationCategory | null;
  extendedTo: string | null;
  description: string | null;
  decision: PlanningDecision | null;
  specialReasons: string | null;
  stepsRequired: string | null;
  compliancePeriod: number | null;
  compliancePeriodUnit: PeriodUnit | null;
  statedPeriod: number | null;
  statedPeriodUnit: PeriodUnit | null;
  steps: ComplianceStep[];
  linkUrl: string | null;
  /** The enforcement notice a stop notice accompanies or an appeal is against, by name. */
  enforcementNotice: { id: string; name: string } | null;
  deadlines: Pick<Deadline, "key" | "label" | "dueOn" | "rule" | "source" | "noLongerDue">[];
  notes: ClockNote[];
  /** A stop notice's warning that the use may be beyond its reach (app/lib/immunity.ts). */
  timeLimitWarning?: TimeLimitWarning | null;
}

const period = (length: number, unit: PeriodUnit | null) =>
  `${length} ${unit === "months" ? (length === 1 ? "month" : "months") : length === 1 ? "day" : "days"}`;

export function PlanningRecordCard({
  planningRecord,
  base,
  canEdit,
}: {
  planningRecord: PlanningRecordView;
  /** The site's address, e.g. "/c/epping-forest/sites/EF-SITE-0001". */
  base: string;
  canEdit: boolean;
}) {
  const used = new Set<string>(KIND_FIELDS[planningRecord.kind]);
  const { enforcementNotice } = planningRecord;
  return (
    <div className="govuk-summary-card" id={`record-${planningRecord.id}`}>
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">
          {PLANNING_KIND_LABELS[planningRecord.kind]}
          {planningRecord.reference ? ` ${planningRecord.reference}` : ""}
        </h3>
        {canEdit ? (
          <ul className="govuk-summary-card__actions">
            <li className="govuk-summary-card__action">
              <a className="govuk-link" href={`${base}/records/${planningRecord.id}`}>
                Change<span className="govuk-visually-hidden"> {PLANNING_KIND_LABELS[planningRecord.kind]}</span>
              </a>
            </li>
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <Row label="Status" value={PLANNING_STATUS_LABELS[planningRecord.status]} />
          {planningRecord.certificateType ? (
            <Row label="Certificate" value={CERTIFICATE_TYPE_LABELS[planningRecord.certificateType]} />
          ) : null}
          {used.has("applicationCategory") ? (
            <Row
              label="Category"
              value={
                planningRecord.applicationCategory
                  ? APPLICATION_CATEGORY_LABELS[planningRecord.applicationCategory]
                  : "Not recorded"
              }
            />
          ) : null}
          {planningRecord.description ? <Row label="Description" value={planningRecord.description} /> : null}
          {enforcementNotice ? (
            <Row
              label={planningRecord.kind === "stop_notice" ? "Accompanies" : "Appeal against"}
              value={
                <a className="govuk-link" href={`#record-${enforcementNotice.id}`}>
                  {enforcementNotice.name}
                </a>
              }
            />
          ) : null}
          {DATES.map(([key, label]) => {
            const on = planningRecord[key];
            return on ? (
              <Row key={key} label={label} value={formatPartialDate(on, planningRecord[`${key}Precision`])} />
            ) : null;
          })}
          {planningRecord.extendedTo ? (
            <Row label="Extended for the decision to" value={formatDate(planningRecord.extendedTo)} />
          ) : null}
          {planningRecord.decision ? (
            <Row label="Decision" value={PLANNING_DECISION_LABELS[planningRecord.decision]} />
          ) : null}
          {planningRecord.kind === "stop_notice" && planningRecord.specialReasons ? (
            <Row label="Statement of special reasons" value={planningRecord.specialReasons} />
          ) : null}
          {planningRecord.steps.map((step) => (
            <Row
              key={step.position}
              label={planningRecord.steps.length > 1 ? `Step ${step.position}` : "Steps required"}
              value={
                <>
                  {step.steps ?? "Not recorded"}
                  <br />
                  <span className="govuk-hint govuk-!-font-size-16">
                    {step.compliancePeriod
                      ? `Period for compliance: ${period(step.compliancePeriod, step.compliancePeriodUnit)}`
                      : "Period for compliance not recorded"}
                  </span>
                </>
              }
            />
          ))}
          {planningRecord.stepsRequired ? <Row label="Steps required" value={planningRecord.stepsRequired} /> : null}
          {planningRecord.compliancePeriod ? (
            <Row
              label="Period for compliance"
              value={period(planningRecord.compliancePeriod, planningRecord.compliancePeriodUnit)}
            />
          ) : null}
          {planningRecord.statedPeriod ? (
            <Row
              label={
                planningRecord.kind === "enforcement_warning_notice"
                  ? "Period for an application"
                  : "Period the notice states"
              }
              value={period(planningRecord.statedPeriod, planningRecord.statedPeriodUnit)}
            />
          ) : null}
          {planningRecord.linkUrl ? (
            <Row
              label="Document or web page"
              value={
                <a className="govuk-link" href={planningRecord.linkUrl} rel="noreferrer noopener">
                  {planningRecord.linkUrl}
                </a>
              }
            />
          ) : null}
          {planningRecord.deadlines.map((deadline) => (
            <Row
              key={deadline.key}
              label={deadline.label}
              value={
                <>
                  {deadline.noLongerDue ? (
                    <>
                      <del>{formatDate(deadline.dueOn)}</del> No longer due: {deadline.noLongerDue}.
                    </>
                  ) : (
                    formatDate(deadline.dueOn)
                  )}
                  <br />
                  <span className="govuk-hint govuk-!-font-size-16">
                    {deadline.rule} ({deadline.source})
                  </span>
                </>
              }
            />
          ))}
        </dl>
        {planningRecord.notes.length > 0 ? (
          <div className="govuk-inset-text govuk-!-margin-bottom-0">
            {planningRecord.notes.map((note) => (
              <p className="govuk-body" key={note.key}>
                {note.text}
              </p>
            ))}
          </div>
        ) : null}
        {planningRecord.timeLimitWarning ? <TimeLimitWarningText warning={planningRecord.timeLimitWarning} /> : null}
      </div>
    </div>
  );
}
