// One planning or enforcement record on the site page, as a summary card: its status, dates,
// decision, steps required and its statutory deadlines with the rule each comes from.
import type { useLoaderData } from "@remix-run/react";
import { SummaryRow as Row } from "~/components/govuk/summary-row";
import { formatDate } from "~/lib/format";
import {
  CERTIFICATE_TYPE_LABELS,
  PLANNING_DECISION_LABELS,
  PLANNING_KIND_LABELS,
  PLANNING_STATUS_LABELS,
} from "~/lib/planning-codes";
import type { loader } from "./route";

type Page = ReturnType<typeof useLoaderData<typeof loader>>;

export function PlanningRecordCard({
  planningRecord,
  base,
  canEdit,
}: {
  planningRecord: Page["planningRecords"][number];
  /** The site page's address. */
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
          {(
            [
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
            ] as const
          ).map(([key, label]) =>
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
      </div>
    </div>
  );
}
