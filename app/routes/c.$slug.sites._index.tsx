// The council's register of sites: counts by status, filters, search, sort, pages, CSV export.

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Pagination } from "~/components/govuk/pagination";
import { SITE_SEARCH_FIELD_ID, SiteFilterForm } from "~/components/site-filter-form";
import { SitesTable, siteCountCaption } from "~/components/sites-table";
import { pageCount, pageFrom } from "~/lib/paging";
import { searchProblem } from "~/lib/schemas/search";
import { siteFilterFrom } from "~/lib/schemas/site-filter";
import { pageTitle } from "~/lib/service";
import { SITE_STATUS_LABELS, siteStatuses } from "~/lib/site-codes";
import { can } from "~/server/access/permissions.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { recordsData } from "~/server/council/records-data.server";
import { listSites, SITE_PAGE_SIZE } from "~/server/council/sites/sites.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pageTitle("Sites", data?.councilName ?? "") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  const search = new URL(request.url).searchParams;
  const filter = siteFilterFrom(search);
  const page = pageFrom(search);
  // Built once per records version, role, day and query (README, Decision 45).
  const query = { ...filter, page };
  const result = await recordsData(scope, "sites list", JSON.stringify(query), () => listSites(scope, query));
  return {
    councilName: scope.councilName,
    slug: scope.councilSlug,
    canEdit: can(scope.role, "site:write"),
    // A search too long to run finds nothing, and the page says why.
    searchError: searchProblem(filter.search),
    ...result,
    page,
    pageCount: pageCount(result.total, SITE_PAGE_SIZE),
  };
}

export default function Sites() {
  const { slug, canEdit, searchError, sites, total, statusCounts, page, pageCount } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const _value = (name: string) => search.get(name) ?? "";
  const countOf = (status: string) => statusCounts.find((row) => row.status === status)?.sites ?? 0;
  const exportQuery = new URLSearchParams(search);
  exportQuery.delete("page");
  return (
    <>
      {searchError ? <ErrorSummary errors={[{ fieldId: SITE_SEARCH_FIELD_ID, text: searchError }]} /> : null}
      <h1 className="govuk-heading-l">Sites</h1>
      {canEdit ? (
        <a className="govuk-button" href={`/c/${slug}/sites/new`}>
          Add a site
        </a>
      ) : null}
      <ul className="govuk-list app-status-counts" aria-label="Sites by status">
        {siteStatuses.map((status) => (
          <li key={status}>
            <span className="govuk-!-font-size-36 govuk-!-font-weight-bold">{countOf(status)}</span>{" "}
            <span>{SITE_STATUS_LABELS[status].toLowerCase()}</span>
          </li>
        ))}
      </ul>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter-from-desktop">
          <SiteFilterForm search={search} searchError={searchError} />
        </div>
        <div className="govuk-grid-column-three-quarters-from-desktop">
          <p className="govuk-body">
            <a className="govuk-link" href={`/c/${slug}/map${exportQuery.size > 0 ? `?${exportQuery}` : ""}`}>
              View on a map
            </a>
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href={`/c/${slug}/sites.csv?${exportQuery}`} download>
              Download these {total} sites as a spreadsheet (CSV)
            </a>
          </p>
          <SitesTable
            columns={["site", "status", "contractor", "openEnforcement", "openLegalCase", "lastChanged"]}
            sites={sites}
            sitePath={`/c/${slug}/sites/`}
            caption={siteCountCaption(total, { page, pageCount })}
            label="Sites"
          />
          <Pagination page={page} pageCount={pageCount} search={search} />
        </div>
      </div>
    </>
  );
}
