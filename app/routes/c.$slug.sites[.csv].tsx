// The sites list, filtered as on the page, as a CSV file: built once per change to the council's
// records and filter, and reused until the next (records-cache.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportedPartialDate, formatPartialDate } from "~/lib/partial-date";
import { siteFilterFrom } from "~/lib/schemas/site-filter";
import { CONTRACTOR_LABELS, LOCATION_ACCURACY_LABELS, SITE_STATUS_LABELS, USE_CLASS_LABELS } from "~/lib/site-codes";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { exportSites } from "~/server/council/sites/sites.server";
import { csvHeaders, csvText } from "~/server/http/csv.server";
import { recordsResponse } from "~/server/maps/records-cache.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  const filter = siteFilterFrom(new URL(request.url).searchParams);
  const { "Content-Type": contentType, ...headers } = csvHeaders(`${scope.councilSlug}-sites.csv`);
  return recordsResponse(request, scope, {
    name: "sites.csv",
    // The filter as read: unknown parameters make no new copy.
    variant: JSON.stringify(filter),
    contentType,
    headers,
    buildVersion: context.buildVersion,
    build: async () => sitesCsv(await exportSites(scope, filter)),
  });
}

function sitesCsv(sites: Awaited<ReturnType<typeof exportSites>>): string {
  return csvText(
    [
      { key: "reference", header: "Reference" },
      { key: "name", header: "Name" },
      { key: "addressLine1", header: "Address line 1" },
      { key: "addressLine2", header: "Address line 2" },
      { key: "town", header: "Town" },
      { key: "postcode", header: "Postcode" },
      { key: "uprn", header: "UPRN" },
      { key: "latitude", header: "Latitude" },
      { key: "longitude", header: "Longitude" },
      { key: "locationAccuracy", header: "Position accuracy" },
      { key: "status", header: "Status" },
      // As the chronology exports dates: ISO 8601 as far as known, with the words beside it.
      { key: "statusAsOf", header: "Status as at" },
      { key: "statusAsOfInWords", header: "Status as at (in words)" },
      { key: "ownerName", header: "Owner" },
      { key: "operatorName", header: "Operator" },
      { key: "contractor", header: "Home Office contractor" },
      { key: "rooms", header: "Rooms or bed spaces" },
      { key: "lawfulUse", header: "Lawful use" },
      { key: "useComplainedOf", header: "Use complained of" },
      { key: "hasOpenEnforcement", header: "Open enforcement" },
      { key: "hasOpenLegalCase", header: "Open legal case" },
      { key: "updatedAt", header: "Last changed" },
    ],
    sites.map((site) => ({
      ...site,
      status: SITE_STATUS_LABELS[site.status],
      statusAsOf: site.statusAsOf ? exportedPartialDate(site.statusAsOf, site.statusAsOfPrecision) : null,
      statusAsOfInWords: site.statusAsOf ? formatPartialDate(site.statusAsOf, site.statusAsOfPrecision) : null,
      locationAccuracy: site.locationAccuracy ? LOCATION_ACCURACY_LABELS[site.locationAccuracy] : null,
      contractor: site.contractor === "other" ? site.contractorOther : CONTRACTOR_LABELS[site.contractor],
      lawfulUse:
        site.lawfulUse === "other" ? site.lawfulUseOther : site.lawfulUse ? USE_CLASS_LABELS[site.lawfulUse] : null,
      hasOpenEnforcement: site.hasOpenEnforcement ? "Yes" : "No",
      hasOpenLegalCase: site.hasOpenLegalCase ? "Yes" : "No",
    })),
  );
}
