// A site's status as a GOV.UK tag: the words carry the meaning, the colour only repeats it.
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
