// The council's sites on a map, with the same filters as the register and, beside the map, the
// same sites as a table (the map's accessible alternative, and all there is without JavaScript).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import maplibreStyles from "maplibre-gl/dist/maplibre-gl.css";
import { version as maplibreVersion } from "maplibre-gl/package.json";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Pagination } from "~/components/govuk/pagination";
import { TableRegion } from "~/components/govuk/table-region";
import { DateControl } from "~/components/map/date-control";
import { SitesMap } from "~/components/map/sites-map";
import mapStyles from "~/components/map/sites-map.css";
import { SiteFilterForm } from "~/components/site-filter-form";
import { SiteNameCell } from "~/components/site-name-cell";
import { SiteStatusTag } from "~/components/site-status-tag";
import { todayInLondon } from "~/lib/dates";
import { formatDate } from "~/lib/format";
import { pageCount, pageFrom } from "~/lib/paging";
import { onDateFrom } from "~/lib/schemas/on-date";
import { siteFilterFrom } from "~/lib/schemas/site-filter";
import { siteQueryWithoutPage } from "~/lib/schemas/site-map";
import { pageTitle } from "~/lib/service";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { getCouncilBoundaryFrame } from "~/server/council/boundaries.server";
import { listSites, SITE_PAGE_SIZE } from "~/server/council/sites/sites.server";
import { env } from "~/server/env.server";
import { sitesForMap } from "~/server/maps/sites-on-map.server";

const LIST_ID = "sites-on-the-map";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle("Map of sites", data?.councilName ?? "") },
];

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: maplibreStyles },
  { rel: "stylesheet", href: mapStyles },
  // Fetched while the page loads rather than when the map starts: both are cacheable, so the
  // worker's own requests for them are answered from the browser's cache.
  { rel: "prefetch", href: `/map/maplibre-gl-worker.mjs?v=${maplibreVersion}` },
  { rel: "prefetch", href: "/map/uk.geojson" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  const search = new URL(request.url).searchParams;
  const filter = siteFilterFrom(search);
  const on = onDateFrom(search);
  const page = pageFrom(search);
  // The map frames the boundary when there is one, else the sites it draws (their GeoJSON's bbox).
  const boundaryFrame = await getCouncilBoundaryFrame(scope);
  const shared = {
    councilName: scope.councilName,
    slug: scope.councilSlug,
    mapStyleUrl: env().MAP_STYLE_URL ?? null,
    boundaryUrl: boundaryFrame?.boundary?.href,
    frame: boundaryFrame?.bbox ?? null,
    today: todayInLondon(),
    onError: on.ok ? null : { value: on.value, message: on.message },
  };
  if (on.ok && on.on) {
    // The day's view: every matching site with how it stood then (one page, the map's own data).
    const onDay = await sitesForMap(scope, filter, on.on);
    return { ...shared, on: on.on, onDay, sites: [], total: onDay.length, page: 1, pageCount: 1 };
  }
  const result = await listSites(scope, { ...filter, page }, { statusCounts: false });
  return {
    ...shared,
    on: null,
    onDay: null,
    sites: result.sites,
    total: result.total,
    page,
    pageCount: pageCount(result.total, SITE_PAGE_SIZE),
  };
}

export default function SitesMapPage() {
  const {
    councilName,
    slug,
    mapStyleUrl,
    boundaryUrl,
    frame,
    today,
    on,
    onDay,
    onError,
    sites,
    total,
    page,
    pageCount,
  } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  // A date that could not be read is left out of the map's data and the links: today is shown.
  const usable = new URLSearchParams(search);
  if (onError) usable.delete("on");
  const query = siteQueryWithoutPage(usable);
  return (
    <>
      {onError ? <ErrorSummary errors={[{ fieldId: "on", text: onError.message }]} /> : null}
      <h1 className="govuk-heading-l">{on ? `Map of sites as on ${formatDate(on)}` : "Map of sites"}</h1>
      <p className="govuk-body">
        <a className="govuk-link" href={`/c/${slug}/sites${query}`}>
          View as a list
        </a>
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter-from-desktop">
          <SiteFilterForm search={usable} />
          <DateControl search={usable} on={on} today={today} error={onError} />
        </div>
        <div className="govuk-grid-column-three-quarters-from-desktop">
          <SitesMap
            dataUrl={`/c/${slug}/sites.geojson${query}`}
            sitePath={`/c/${slug}/sites/`}
            styleUrl={mapStyleUrl}
            boundaryUrl={boundaryUrl}
            frame={frame}
            label={`Map of sites, ${councilName}. The table below the map lists the same sites.`}
            listId={LIST_ID}
          />
          {onDay ? (
            <SitesOnDayTable sites={onDay} slug={slug} on={on ?? today} />
          ) : sites.length === 0 ? (
            <p className="govuk-body" id={LIST_ID}>
              No sites match.
            </p>
          ) : (
            <TableRegion label="Sites on the map">
              <table className="govuk-table" id={LIST_ID}>
                <caption className="govuk-table__caption govuk-table__caption--m">
                  {total} {total === 1 ? "site" : "sites"}
                  {pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}
                </caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Site
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Status
                    </th>
                    <th scope="col" className="govuk-table__header">
                      On the map
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Open enforcement
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Open legal case
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {sites.map((site) => (
                    <tr className="govuk-table__row" key={site.reference}>
                      <SiteNameCell slug={slug} site={site} />
                      <td className="govuk-table__cell">
                        <SiteStatusTag status={site.status} />
                      </td>
                      <td className="govuk-table__cell">
                        {site.hasLocation ? (site.locationNote ?? "Yes") : "No: no position recorded"}
                      </td>
                      <td className="govuk-table__cell">{site.hasOpenEnforcement ? "Yes" : "No"}</td>
                      <td className="govuk-table__cell">{site.hasOpenLegalCase ? "Yes" : "No"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
          <Pagination page={page} pageCount={pageCount} search={search} />
        </div>
      </div>
    </>
  );
}

function SitesOnDayTable({
  sites,
  slug,
  on,
}: {
  sites: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["onDay"]>;
  slug: string;
  on: string;
}) {
  if (sites.length === 0) {
    return (
      <p className="govuk-body" id={LIST_ID}>
        No sites match.
      </p>
    );
  }
  return (
    <TableRegion label="Sites on the map on the day">
      <table className="govuk-table" id={LIST_ID}>
        <caption className="govuk-table__caption govuk-table__caption--m">
          {sites.length} {sites.length === 1 ? "site" : "sites"} as on {formatDate(on)}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Site
            </th>
            <th scope="col" className="govuk-table__header">
              Use on the day
            </th>
            <th scope="col" className="govuk-table__header">
              Enforcement
            </th>
            <th scope="col" className="govuk-table__header">
              Court action
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {sites.map((site) => (
            <tr className="govuk-table__row" key={site.reference}>
              <SiteNameCell slug={slug} site={site} />
              <td className="govuk-table__cell">
                <SiteStatusTag status={site.status} />
                {site.state?.useExplanation ? (
                  <span className="govuk-hint govuk-!-font-size-16 govuk-!-display-block">
                    {site.state.useExplanation}
                  </span>
                ) : null}
              </td>
              <td className="govuk-table__cell">{site.state?.enforcementLabel}</td>
              <td className="govuk-table__cell">
                {site.state?.legalLabel}
                {site.state?.legalExplanation ? (
                  <span className="govuk-hint govuk-!-font-size-16 govuk-!-display-block">
                    {site.state.legalExplanation}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
