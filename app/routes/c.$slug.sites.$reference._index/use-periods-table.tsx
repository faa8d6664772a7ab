// The site page's periods of use as asylum accommodation, with a link to change each for members
// who may.
import { Table } from "~/components/govuk/table";
import { TableRegion } from "~/components/govuk/table-region";
import { type DatePrecision, formatPartialDate, formatPartialDateStart } from "~/lib/partial-date";

interface UsePeriod {
  id: string;
  startsOn: string;
  startsOnPrecision: DatePrecision;
  endsOn: string | null;
  endsOnPrecision: DatePrecision;
  description: string | null;
  source: string | null;
}

export function UsePeriodsTable({
  periods,
  base,
  canEdit,
}: {
  periods: readonly UsePeriod[];
  /** The site's address, e.g. "/c/epping-forest/sites/EF-SITE-0001". */
  base: string;
  canEdit: boolean;
}) {
  return (
    <TableRegion label="Periods of use">
      <Table
        caption="Periods of use"
        captionSize="hidden"
        columns={[
          { header: "From", cell: (period) => formatPartialDateStart(period.startsOn, period.startsOnPrecision) },
          {
            header: "To",
            cell: (period) =>
              period.endsOn ? formatPartialDateStart(period.endsOn, period.endsOnPrecision) : "Continuing",
          },
          {
            header: "Description and source",
            cell: (period) => (
              <>
                {period.description}
                {period.source ? (
                  <>
                    <br />
                    <span className="govuk-hint govuk-!-font-size-16">Source: {period.source}</span>
                  </>
                ) : null}
              </>
            ),
          },
          canEdit && {
            header: <span className="govuk-visually-hidden">Actions</span>,
            cell: (period) => (
              <a className="govuk-link" href={`${base}/use-periods/${period.id}`}>
                Change
                <span className="govuk-visually-hidden">
                  {" "}
                  the period from {formatPartialDate(period.startsOn, period.startsOnPrecision)}
                </span>
              </a>
            ),
          },
        ]}
        rows={periods}
        rowKey={(period) => period.id}
      />
    </TableRegion>
  );
}
