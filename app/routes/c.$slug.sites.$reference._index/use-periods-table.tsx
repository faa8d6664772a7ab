// The site page's table of its periods of use as asylum accommodation, each with a link to change
// it for those who may.
import type { useLoaderData } from "@remix-run/react";
import { TableRegion } from "~/components/govuk/table-region";
import { formatDate } from "~/lib/format";
import type { loader } from "./route";

type Page = ReturnType<typeof useLoaderData<typeof loader>>;

export function UsePeriodsTable({
  usePeriods,
  base,
  canEdit,
}: {
  usePeriods: Page["usePeriods"];
  /** The site page's address. */
  base: string;
  canEdit: boolean;
}) {
  return (
    <TableRegion label="Periods of use">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Periods of use</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              From
            </th>
            <th scope="col" className="govuk-table__header">
              To
            </th>
            <th scope="col" className="govuk-table__header">
              Description and source
            </th>
            {canEdit ? (
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {usePeriods.map((period) => (
            <tr className="govuk-table__row" key={period.id}>
              <td className="govuk-table__cell">{formatDate(period.startsOn)}</td>
              <td className="govuk-table__cell">{period.endsOn ? formatDate(period.endsOn) : "Continuing"}</td>
              <td className="govuk-table__cell">
                {period.description}
                {period.source ? (
                  <>
                    <br />
                    <span className="govuk-hint govuk-!-font-size-16">Source: {period.source}</span>
                  </>
                ) : null}
              </td>
              {canEdit ? (
                <td className="govuk-table__cell">
                  <a className="govuk-link" href={`${base}/use-periods/${period.id}`}>
                    Change
                    <span className="govuk-visually-hidden"> the period from {formatDate(period.startsOn)}</span>
                  </a>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
