// The table of sites on every page that lists them (the register, the council's map and the map on
// a day): the page names the columns it shows, and each column asks only for the fields it shows,
// so a page (the public map, say) cannot show what its loader did not give it.
import { Table, type TableColumn } from "~/components/govuk/table";
import { TableRegion } from "~/components/govuk/table-region";
import { SiteStatusTag, statusAsAtWords } from "~/components/site-status-tag";
import { formatDate } from "~/lib/format";
import type { DatePrecision } from "~/lib/partial-date";
import {
  CONTRACTOR_LABELS,
  type Contractor,
  type LocationAccuracy,
  locationAccuracyPhrase,
  type SiteStatus,
} from "~/lib/site-codes";

/** The fields of a site each column needs. */
interface SiteColumnFields {
  site: { reference: string; name: string; town?: string | null; postcode?: string | null };
  status: { status: SiteStatus; statusAsOf: string | null; statusAsOfPrecision: DatePrecision };
  contractor: { contractor: Contractor; contractorOther: string | null };
  onTheMap: { hasLocation: boolean; locationAccuracy: LocationAccuracy | null; locationNote: string | null };
  openEnforcement: { hasOpenEnforcement: boolean };
  openLegalCase: { hasOpenLegalCase: boolean };
  lastChanged: { updatedAt: string | Date };
  useOnTheDay: { status: SiteStatus; state: { useExplanation: string | null } | null };
  enforcementOnTheDay: { state: { enforcementLabel: string } | null };
  courtActionOnTheDay: { state: { legalLabel: string; legalExplanation: string | null } | null };
}

export type SiteColumn = keyof SiteColumnFields;

type AllOf<Union> = (Union extends unknown ? (fields: Union) => void : never) extends (fields: infer All) => void
  ? All
  : never;

/** A site as a table with these columns needs it: every field those columns show. */
export type SiteRow<Columns extends SiteColumn> = AllOf<SiteColumnFields[Columns]> & { reference: string };

/** The columns; a site's name links to its page, `sitePath` followed by its reference. */
function siteColumns(sitePath: string): { [Column in SiteColumn]: TableColumn<SiteColumnFields[Column]> } {
  const yesOrNo = (value: boolean) => (value ? "Yes" : "No");
  const hint = (text: string | null | undefined) =>
    text ? <span className="govuk-hint govuk-!-font-size-16 govuk-!-display-block">{text}</span> : null;
  return {
    // Its name linked to its page, then its reference and where it is.
    site: {
      header: "Site",
      cell: (site) => (
        <>
          <a className="govuk-link" href={`${sitePath}${site.reference}`}>
            {site.name}
          </a>
          <br />
          <span className="govuk-hint govuk-!-font-size-16">
            {site.reference}
            {site.town ? `, ${site.town}` : ""}
            {site.postcode ? ` ${site.postcode}` : ""}
          </span>
        </>
      ),
    },
    status: {
      header: "Status",
      cell: (site) => (
        <>
          <SiteStatusTag status={site.status} />
          {hint(statusAsAtWords(site.statusAsOf, site.statusAsOfPrecision))}
        </>
      ),
    },
    contractor: {
      header: "Contractor",
      cell: (site) => (site.contractor === "other" ? site.contractorOther : CONTRACTOR_LABELS[site.contractor]),
    },
    // Whether the site is on the map, how accurate its point is, and the officer's note on it.
    onTheMap: {
      header: "On the map",
      cell: (site) =>
        site.hasLocation ? (
          <>
            {site.locationAccuracy ? `Yes: ${locationAccuracyPhrase(site.locationAccuracy)}` : "Yes"}
            {hint(site.locationNote)}
          </>
        ) : (
          "No: no position recorded"
        ),
    },
    openEnforcement: { header: "Open enforcement", cell: (site) => yesOrNo(site.hasOpenEnforcement) },
    openLegalCase: { header: "Open legal case", cell: (site) => yesOrNo(site.hasOpenLegalCase) },
    lastChanged: { header: "Last changed", cell: (site) => formatDate(site.updatedAt) },
    useOnTheDay: {
      header: "Use on the day",
      cell: (site) => (
        <>
          <SiteStatusTag status={site.status} />
          {hint(site.state?.useExplanation)}
        </>
      ),
    },
    enforcementOnTheDay: { header: "Enforcement", cell: (site) => site.state?.enforcementLabel },
    courtActionOnTheDay: {
      header: "Court action",
      cell: (site) => (
        <>
          {site.state?.legalLabel}
          {hint(site.state?.legalExplanation)}
        </>
      ),
    },
  };
}

/** "12 sites", and the page when there is more than one. */
export function siteCountCaption(total: number, paging?: { page: number; pageCount: number }): string {
  const count = `${total} ${total === 1 ? "site" : "sites"}`;
  return paging && paging.pageCount > 1 ? `${count}, page ${paging.page} of ${paging.pageCount}` : count;
}

/** The sites in a region that scrolls on a narrow screen, or "No sites match." when there are none. */
export function SitesTable<Columns extends SiteColumn>({
  columns,
  sites,
  sitePath,
  caption,
  label,
  id,
}: {
  columns: readonly Columns[];
  sites: readonly SiteRow<Columns>[];
  /** The start of a site's address, e.g. "/c/epping-forest/sites/". */
  sitePath: string;
  caption: string;
  /** The scrolling region's accessible name. */
  label: string;
  /** The table's id (a map's `listId` points to it); the "No sites match." paragraph takes it when empty. */
  id?: string;
}) {
  if (sites.length === 0) {
    return (
      <p className="govuk-body" id={id}>
        No sites match.
      </p>
    );
  }
  const definitions = siteColumns(sitePath);
  return (
    <TableRegion label={label}>
      <Table
        caption={caption}
        captionSize="m"
        // Each column reads only its own fields, which every row has (SiteRow<Columns>).
        columns={columns.map((column) => definitions[column] as TableColumn<SiteRow<Columns>>)}
        rows={sites}
        rowKey={(site) => site.reference}
        id={id}
      />
    </TableRegion>
  );
}
