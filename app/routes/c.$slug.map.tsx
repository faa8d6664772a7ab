// The council's sites on a map, with the same filters as the register and, beside the map, the
// same sites as a table (the map's accessible alternative, and all there is without JavaScript).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import maplibreStyles from "maplibre-gl/dist/maplibre-gl.css";
import { version as maplibreVersion } from "maplibre-gl/package.json";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Pagination } from "~/components/govuk/pagination";
import { DateControl } from "~/components/map/date-control";
import { SitesMap } from "~/components/map/sites-map";
import mapStyles from "~/components/map/sites-map.css";
import { SITE_SEARCH_FIELD_ID, SiteFilterForm } from "~/components/site-filter-form";
import { SitesTable, siteCountCaption } from "~/components/sites-table";
import { todayInLondon } from "~/lib/dates";
import { formatDate } from "~/lib/format";
import { pageCount, pageFrom } from "~/lib/paging";
import { onDateFrom } from "~/lib/schemas/on-date";
import { searchProblem } from "~/lib/schemas/search";
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
    // A search too long to run finds nothing, and the page says why.
    searchError: searchProblem(filter.search),
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
    searchError,
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
      <ErrorSummary
        errors={[
          ...(searchError ? [{ fieldId: SITE_SEARCH_FIELD_ID, text: searchError }] : []),
          ...(onError ? [{ fieldId: "on", text: onError.message }] : []),
        ]}
      />
      <h1 className="govuk-heading-l">{on ? `Map of sites as on ${formatDate(on)}` : "Map of sites"}</h1>
      <p className="govuk-body">
        <a className="govuk-link" href={`/c/${slug}/sites${query}`}>
          View as a list
        </a>
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter-from-desktop">
          <SiteFilterForm search={usable} searchError={searchError} />
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
            <SitesTable
              columns={["site", "useOnTheDay", "enforcementOnTheDay", "courtActionOnTheDay"]}
              sites={onDay}
              sitePath={`/c/${slug}/sites/`}
              caption={`${siteCountCaption(onDay.length)} as on ${formatDate(on ?? today)}`}
              label="Sites on the map on the day"
              id={LIST_ID}
            />
          ) : (
            <SitesTable
              columns={["site", "status", "onTheMap", "openEnforcement", "openLegalCase"]}
              sites={sites}
              sitePath={`/c/${slug}/sites/`}
              caption={siteCountCaption(total, { page, pageCount })}
              label="Sites on the map"
              id={LIST_ID}
            />
          )}
          <Pagination page={page} pageCount={pageCount} search={search} />
        </div>
      </div>
    </>
  );
}
