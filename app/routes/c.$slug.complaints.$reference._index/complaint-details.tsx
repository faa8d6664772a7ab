// What the complaint page says about the complaint (what was reported, its site, how it was closed,
// what it is linked to) and, for those who may see them, the complainant's contact details.
import { SummaryRow as Row } from "~/components/govuk/summary-row";
import {
  CLOSE_REASON_LABELS,
  CLOSING_STATUSES,
  type CloseReason,
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_STATUS_LABELS,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintStatus,
} from "~/lib/complaint-codes";
import { formatDate, formatDateTime } from "~/lib/format";
import { PLANNING_KIND_LABELS, type PlanningRecordKind } from "~/lib/planning-codes";

interface ComplaintView {
  reference: string;
  receivedOn: string;
  workingDaysSinceReceived: number | null;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  details: string | null;
  status: ComplaintStatus;
  closeReason: CloseReason | null;
  closeReasonOther: string | null;
  closedAt: Date | string | null;
}

export function ComplaintDetails({
  slug,
  complaint,
  site,
  duplicateOfReference,
  duplicates,
  closedByName,
  planningRecord,
}: {
  slug: string;
  complaint: ComplaintView;
  site: { reference: string; name: string } | null;
  duplicateOfReference: string | null;
  /** The references of the complaints marked as duplicates of this one. */
  duplicates: readonly string[];
  closedByName: string | null;
  planningRecord: { id: string; kind: PlanningRecordKind; reference: string | null } | null;
}) {
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

/** The complainant's contact details: personal data, shown only to officers and council admins. */
export function Complainant({
  details,
}: {
  details: { name: string | null; email: string | null; phone: string | null; address: string | null } | null;
}) {
  return (
    <>
      <h2 className="govuk-heading-m">The complainant</h2>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          Personal data: never shared outside the council.
        </strong>
      </div>
      {details ? (
        <dl className="govuk-summary-list">
          <Row label="Name" value={details.name} />
          <Row label="Email address" value={details.email} />
          <Row label="Telephone number" value={details.phone} />
          <Row label="Address" value={details.address} />
        </dl>
      ) : (
        <p className="govuk-body">No contact details were recorded.</p>
      )}
    </>
  );
}
