// A site's status as a GOV.UK tag: the words carry the meaning, the colour only repeats it. The
// register states a status as at a date (the latest a source confirms it), never as a timeless fact.
import { type DatePrecision, formatPartialDate } from "~/lib/partial-date";
import { SITE_STATUS_LABELS, type SiteStatus } from "~/lib/site-codes";

const COLOURS: Record<SiteStatus, string> = {
  proposed: "govuk-tag--yellow",
  in_use: "govuk-tag--red",
  ceased: "govuk-tag--grey",
  unknown: "govuk-tag--grey",
};

export function SiteStatusTag({ status }: { status: SiteStatus }) {
  return <strong className={`govuk-tag ${COLOURS[status]}`}>{SITE_STATUS_LABELS[status]}</strong>;
}

/** "as at 11 November 2025", "as at March 2026", or that no date is recorded. */
export function statusAsAtWords(on: string | null, precision: DatePrecision): string {
  return on ? `as at ${formatPartialDate(on, precision)}` : "date not recorded";
}

/** The tag and, after it, the date the status is stated as at. */
export function SiteStatusAsAt({
  status,
  statusAsOf,
  statusAsOfPrecision,
}: {
  status: SiteStatus;
  statusAsOf: string | null;
  statusAsOfPrecision: DatePrecision;
}) {
  return (
    <>
      <SiteStatusTag status={status} />{" "}
      <span className="govuk-body-s govuk-!-margin-bottom-0">{statusAsAtWords(statusAsOf, statusAsOfPrecision)}</span>
    </>
  );
}
