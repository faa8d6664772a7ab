// The council's complaints: filters, search, pages, working days since each open complaint was
// received, and CSV exports (the one with contact details for officers only).

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { FilterSelect } from "~/components/govuk/filter-select";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { Pagination } from "~/components/govuk/pagination";
import { Table } from "~/components/govuk/table";
import { TableRegion } from "~/components/govuk/table-region";
import {
  CLOSING_STATUSES,
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_STATUS_LABELS,
  complaintCategories,
  complaintChannels,
  complaintStatuses,
} from "~/lib/complaint-codes";
import { todayInLondon, workingDaysBetween } from "~/lib/dates";
import { formatDate } from "~/lib/format";
import { pageCount, pageFrom } from "~/lib/paging";
import { complaintFilterFrom } from "~/lib/schemas/complaint";
import { pageTitle } from "~/lib/service";
import { can } from "~/server/access/permissions.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { COMPLAINT_PAGE_SIZE, listComplaints } from "~/server/council/complaints/complaints.server";
import { siteChoices } from "~/server/council/sites/sites.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle("Complaints", data?.councilName ?? "") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  const search = new URL(request.url).searchParams;
  const filter = complaintFilterFrom(search);
  const page = pageFrom(search);
  const [result, sites] = await Promise.all([listComplaints(scope, { ...filter, page }), siteChoices(scope)]);
  const today = todayInLondon();
  return {
    councilName: scope.councilName,
    slug: scope.councilSlug,
    canEdit: can(scope.role, "complaint:write"),
    complaints: result.complaints.map((complaint) => ({
      ...complaint,
      workingDaysSinceReceived: CLOSING_STATUSES.includes(complaint.status)
        ? null
        : workingDaysBetween(complaint.receivedOn, today),
    })),
    total: result.total,
    sites: sites.map((site) => ({ reference: site.reference, name: site.name })),
    page,
    pageCount: pageCount(result.total, COMPLAINT_PAGE_SIZE),
  };
}

const DONE = { deleted: "The complaint has been deleted." };

export default function Complaints() {
  const { slug, canEdit, complaints, total, sites, page, pageCount } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const value = (name: string) => search.get(name) ?? "";
  const exportQuery = new URLSearchParams(search);
  exportQuery.delete("page");
  exportQuery.delete("done");
  return (
    <>
      <SuccessBanner messages={DONE} />
      <h1 className="govuk-heading-l">Complaints</h1>
      {canEdit ? (
        <a className="govuk-button" href={`/c/${slug}/complaints/new`}>
          Log a complaint
        </a>
      ) : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter-from-desktop">
          <form method="get" aria-label="Filter complaints">
            <h2 className="govuk-heading-s">Filter</h2>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="filter-search">
                Reference or summary
              </label>
              <input
                className="govuk-input"
                id="filter-search"
                name="search"
                type="search"
                defaultValue={value("search")}
              />
            </div>
            <FilterSelect
              name="status"
              label="Status"
              value={value("status")}
              options={[
                { value: "open", text: "Open (not closed)" },
                ...complaintStatuses.map((status) => ({ value: status, text: COMPLAINT_STATUS_LABELS[status] })),
              ]}
            />
            <FilterSelect
              name="category"
              label="What it is about"
              value={value("category")}
              options={complaintCategories.map((category) => ({
                value: category,
                text: COMPLAINT_CATEGORY_LABELS[category],
              }))}
            />
            <FilterSelect
              name="channel"
              label="How it was received"
              value={value("channel")}
              options={complaintChannels.map((channel) => ({
                value: channel,
                text: COMPLAINT_CHANNEL_LABELS[channel],
              }))}
            />
            <FilterSelect
              name="site"
              label="Site"
              value={value("site")}
              options={sites.map((site) => ({ value: site.reference, text: `${site.reference} ${site.name}` }))}
            />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Apply filters
            </button>
          </form>
        </div>
        <div className="govuk-grid-column-three-quarters-from-desktop">
          <p className="govuk-body">
            <a className="govuk-link" href={`/c/${slug}/complaints.csv?${exportQuery}`} download>
              Download these {total} complaints as a spreadsheet (CSV), without the complainants' details
            </a>
          </p>
          {canEdit ? (
            <p className="govuk-body">
              <a className="govuk-link" href={`/c/${slug}/complaints/contacts.csv?${exportQuery}`} download>
                Download these {total} complaints with the complainants' contact details (CSV)
              </a>
              <br />
              <span className="govuk-hint govuk-!-font-size-16">
                Personal data, for officers and council admins only: never share it outside the council.
              </span>
            </p>
          ) : null}
          {complaints.length === 0 ? (
            <p className="govuk-body">No complaints match.</p>
          ) : (
            <TableRegion label="Complaints">
              <Table
                caption={
                  <>
                    {total} {total === 1 ? "complaint" : "complaints"}
                    {pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}
                  </>
                }
                captionSize="m"
                columns={[
                  {
                    header: "Complaint",
                    cell: (complaint) => (
                      <>
                        <a className="govuk-link" href={`/c/${slug}/complaints/${complaint.reference}`}>
                          {complaint.reference}
                        </a>
                        <br />
                        {complaint.summary}
                        <br />
                        <span className="govuk-hint govuk-!-font-size-16">
                          {COMPLAINT_CATEGORY_LABELS[complaint.category]}, by{" "}
                          {COMPLAINT_CHANNEL_LABELS[complaint.channel].toLowerCase()}
                        </span>
                      </>
                    ),
                  },
                  { header: "Received", cell: (complaint) => formatDate(complaint.receivedOn) },
                  {
                    header: "Working days since received",
                    numeric: true,
                    cell: (complaint) =>
                      complaint.workingDaysSinceReceived ?? <span className="govuk-hint govuk-!-margin-0">Closed</span>,
                  },
                  { header: "Status", cell: (complaint) => COMPLAINT_STATUS_LABELS[complaint.status] },
                  {
                    header: "Site",
                    cell: (complaint) =>
                      complaint.siteReference ? (
                        <a className="govuk-link" href={`/c/${slug}/sites/${complaint.siteReference}`}>
                          {complaint.siteName}
                        </a>
                      ) : (
                        "Not linked"
                      ),
                  },
                ]}
                rows={complaints}
                rowKey={(complaint) => complaint.reference}
              />
            </TableRegion>
          )}
          <Pagination page={page} pageCount={pageCount} search={search} />
        </div>
      </div>
    </>
  );
}
