// The sites a council map and its table show: as recorded today, or as they stood on a past day
// (`on`), in the shape the map's features and the table need.
import type { IsoDate } from "~/lib/dates";
import type { MappableSite } from "~/lib/site-features";
import { mapStatusOn, stateOnDateSummary } from "~/lib/site-on-date";
import type { TenantScope } from "../access/tenancy.server";
import { type SiteOnDate, sitesAsOn } from "../council/sites/site-history.server";
import { mapSites, type SiteFilter } from "../council/sites/sites.server";

export type MapSite = MappableSite & { town: string | null; state: SiteOnDate["state"] | null };

export async function sitesForMap(scope: TenantScope, filter: SiteFilter, on: IsoDate | null): Promise<MapSite[]> {
  if (!on) return (await mapSites(scope, filter)).map((site) => ({ ...site, town: null, state: null }));
  return (await sitesAsOn(scope, on, filter)).map((site) => ({
    reference: site.reference,
    name: site.name,
    town: site.town,
    status: mapStatusOn(site.state, site.status),
    latitude: site.latitude,
    longitude: site.longitude,
    locationAccuracy: site.locationAccuracy,
    locationNote: site.locationNote,
    hasOpenEnforcement: site.state.enforcement === "open",
    hasOpenLegalCase: site.state.hasOpenLegalCase,
    stateOnDate: stateOnDateSummary(site.state),
    state: site.state,
  }));
}
