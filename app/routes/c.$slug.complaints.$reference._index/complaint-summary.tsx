// The complaint page's summary of the complaint: what was reported, its site, its status, how it
// was closed, its planning or enforcement record and the complaints that duplicate it.
import type { useLoaderData } from "@remix-run/react";
import { SummaryRow as Row } from "~/components/govuk/summary-row";
import {
  CLOSE_REASON_LABELS,
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_STATUS_LABELS,
} from "~/lib/complaint-codes";
import { formatDate, formatDateTime } from "~/lib/format";
import { PLANNING_KIND_LABELS } from "~/lib/planning-codes";
import { CLOSING_STATUSES } from "~/lib/schemas/complaint";
import type { loader } from "./route";

type Page = ReturnType<typeof useLoaderData<typeof loader>>;

export function ComplaintSummary({
  slug,
  complaint,
  site,
  duplicateOfReference,
  duplicates,
  closedByName,
  planningRecord,
}: Pick<
  Page,
  "slug" | "complaint" | "site" | "duplicateOfReference" | "duplicates" | "closedByName" | "planningRecord"
>) {
  const base = `/c/${slug}/complaints`;
  const closed = CLOSING_STATUSES.includes(complaint.status);
  return (
    <>
      <h2 className="govuk-heading-m">The complaint</h2>
      <dl className="govuk-summary-list">
        <Row label="Reference" value={complaint.reference} />
        <Row label="Received" value={formatDate(complaint.receivedOn)} />
        {complaint.workingDaysSinceReceived !== null ? (
          <Row
            label="Working days since received"
            value={`${complaint.workingDaysSinceReceived} working ${complaint.workingDaysSinceReceived === 1 ? "day" : "days"}`}
          />
        ) : null}
        <Row label="How it was received" value={COMPLAINT_CHANNEL_LABELS[complaint.channel]} />
        <Row label="What it is about" value={COMPLAINT_CATEGORY_LABELS[complaint.category]} />
        <Row
          label="Site"
          value={
            site ? (
              <a className="govuk-link" href={`/c/${slug}/sites/${site.reference}`}>
                {site.reference} {site.name}
              </a>
            ) : (
              "Not linked to a site"
            )
          }
        />
        <Row label="Details" value={complaint.details} />
        <Row label="Status" value={COMPLAINT_STATUS_LABELS[complaint.status]} />
        {closed ? (
          <>
            <Row
              label="Reason for closing"
              value={
                complaint.closeReason
                  ? complaint.closeReason === "other"
                    ? complaint.closeReasonOther
                    : CLOSE_REASON_LABELS[complaint.closeReason]
                  : null
              }
            />
            {duplicateOfReference ? (
              <Row
                label="Duplicate of"
                value={
                  <a className="govuk-link" href={`${base}/${duplicateOfReference}`}>
                    {duplicateOfReference}
                  </a>
                }
              />
            ) : null}
            <Row
              label="Closed"
              value={
                complaint.closedAt
                  ? `${formatDateTime(complaint.closedAt)}${closedByName ? ` by ${closedByName}` : ""}`
                  : null
              }
            />
          </>
        ) : null}
        {planningRecord ? (
          <Row
            label="Planning or enforcement record"
            value={
              site ? (
                <a className="govuk-link" href={`/c/${slug}/sites/${site.reference}#record-${planningRecord.id}`}>
                  {PLANNING_KIND_LABELS[planningRecord.kind]}
                  {planningRecord.reference ? ` ${planningRecord.reference}` : ""}
                </a>
              ) : (
                PLANNING_KIND_LABELS[planningRecord.kind]
              )
            }
          />
        ) : null}
        {duplicates.length > 0 ? (
          <Row
            label="Duplicates of this complaint"
            value={duplicates.map((reference, index) => (
              <span key={reference}>
                {index > 0 ? ", " : ""}
                <a className="govuk-link" href={`${base}/${reference}`}>
                  {reference}
                </a>
              </span>
            ))}
          />
        ) : null}
      </dl>
    </>
  );
}
