// One planning or enforcement record on the site page, as a summary card: its status, dates and
// decision, the statutory deadlines worked out from them (each with its rule and source), and, for
// a stop notice, whether the use had gone on too long for it to prohibit (s.183(5)).
import { SummaryRow as Row } from "~/components/govuk/summary-row";
import type { Deadline } from "~/lib/deadlines";
import { formatDate } from "~/lib/format";
import type { TimeLimitWarning } from "~/lib/immunity";
import {
  CERTIFICATE_TYPE_LABELS,
  type CertificateType,
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
const DATES = [
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
] as const;

type PlanningRecordDates = Record<(typeof DATES)[number][0], string | null>;

interface PlanningRecordView extends PlanningRecordDates {
  id: string;
  kind: PlanningRecordKind;
  reference: string | null;
  status: PlanningStatus;
  certificateType: CertificateType | null;
  description: string | null;
  decision: PlanningDecision | null;
  stepsRequired: string | null;
  compliancePeriod: number | null;
  compliancePeriodUnit: PeriodUnit | null;
  appealed: boolean;
  linkUrl: string | null;
  deadlines: Pick<Deadline, "label" | "dueOn" | "rule" | "source">[];
  /** A stop notice's warning that the use may be beyond its reach (app/lib/immunity.ts). */
  timeLimitWarning?: TimeLimitWarning | null;
}

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
          {planningRecord.description ? <Row label="Description" value={planningRecord.description} /> : null}
          {DATES.map(([key, label]) =>
            planningRecord[key] ? <Row key={key} label={label} value={formatDate(planningRecord[key])} /> : null,
          )}
          {planningRecord.decision ? (
            <Row label="Decision" value={PLANNING_DECISION_LABELS[planningRecord.decision]} />
          ) : null}
          {planningRecord.stepsRequired ? <Row label="Steps required" value={planningRecord.stepsRequired} /> : null}
          {planningRecord.compliancePeriod ? (
            <Row
              label="Period for compliance"
              value={`${planningRecord.compliancePeriod} ${planningRecord.compliancePeriodUnit}`}
            />
          ) : null}
          {planningRecord.kind === "enforcement_notice" ? (
            <Row label="Appealed" value={planningRecord.appealed ? "Yes" : "No"} />
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
              key={deadline.label}
              label={deadline.label}
              value={
                <>
                  {formatDate(deadline.dueOn)}
                  <br />
                  <span className="govuk-hint govuk-!-font-size-16">
                    {deadline.rule} ({deadline.source})
                  </span>
                </>
              }
            />
          ))}
        </dl>
        {planningRecord.timeLimitWarning ? <TimeLimitWarningText warning={planningRecord.timeLimitWarning} /> : null}
      </div>
    </div>
  );
}
