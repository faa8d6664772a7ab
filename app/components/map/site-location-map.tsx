// The site page's small map of where the site is. Its alternatives are on the page: the latitude and
// longitude in words above it, and the council's map (with its table) linked below it.
import type { LatLng } from "~/lib/boundary";
import { type LocationAccuracy, locationAccuracyPhrase } from "~/lib/site-codes";
import type { SiteLocationMapSettings } from "~/lib/site-location";
import { LOCATION_MAP_STYLESHEETS, LocationMap } from "./location-map";

const INSTRUCTIONS_ID = "site-location-map-help";

export function SiteLocationMap({
  siteName,
  position,
  accuracy,
  settings,
  councilMapHref,
}: {
  siteName: string;
  position: LatLng;
  /** How accurate the point is, said with it (the column is null only where there is no point). */
  accuracy: LocationAccuracy | null;
  settings: SiteLocationMapSettings;
  /** The council's map, centred on the site. */
  councilMapHref: string;
}) {
  const marks = { recorded: position, proposed: null };
  return (
    <div className="app-location-map">
      {/* Linked here rather than in the route's links, so a site without a position loads none of the map. */}
      {LOCATION_MAP_STYLESHEETS.map((href) => (
        <link key={href} rel="stylesheet" href={href} />
      ))}
      <LocationMap
        label={`Map of where ${siteName} is: latitude ${position.latitude}, longitude ${position.longitude}${accuracy ? `, ${locationAccuracyPhrase(accuracy)}` : ""}`}
        instructionsId={INSTRUCTIONS_ID}
        styleUrl={settings.styleUrl}
        boundaryUrl={settings.boundaryUrl}
        marks={marks}
        // The built-in map has only the coastline to show, so it shows the site in its region; a street map, its street.
        zoom={settings.styleUrl ? 14 : 9}
        alternative="Its latitude and longitude are given above."
        placeholder="The map needs JavaScript. The site's latitude and longitude are given above."
      />
      <p className="govuk-hint govuk-!-font-size-16 govuk-!-margin-top-2" id={INSTRUCTIONS_ID}>
        The filled circle marks the site's recorded position{accuracy ? ` (${locationAccuracyPhrase(accuracy)})` : ""}.
        With a keyboard, select the map, then move it with the arrow keys and zoom with + and −.
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href={councilMapHref}>
          See the site on the council's map
        </a>
      </p>
    </div>
  );
}
