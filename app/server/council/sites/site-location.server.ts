// How a council's small maps of a site's position are drawn: its basemap (MAP_STYLE_URL or the
// built-in one), its boundary, and where the location picker looks when a site has no position yet.
import type { SiteLocationMapSettings } from "~/lib/site-location";
import type { TenantScope } from "../../access/tenancy.server";
import { env } from "../../env.server";
import { getCouncilMapFrame, MIN_SITES_FRAME_DEGREES } from "../boundaries.server";

export async function siteLocationMapSettings(scope: TenantScope): Promise<SiteLocationMapSettings> {
  const { boundary, bbox, centre } = await getCouncilMapFrame(scope);
  const half = MIN_SITES_FRAME_DEGREES / 2;
  return {
    styleUrl: env().MAP_STYLE_URL ?? null,
    boundaryUrl: boundary?.href ?? null,
    frame:
      bbox ??
      (centre
        ? [centre.longitude - half, centre.latitude - half, centre.longitude + half, centre.latitude + half]
        : null),
  };
}
