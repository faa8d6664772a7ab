import { useHydrated } from "~/components/use-hydrated";
import { MAP_COLOURS, MAP_LEGEND, SYMBOL_SIZE, shapeSvgPoints } from "~/lib/map-style";
import SitesMapClient from "./sites-map/sites-map.client";
import { SITES_MAP_ATTRIBUTE, type SitesMapSettings } from "./sites-map-settings";

export type SitesMapProps = Omit<SitesMapSettings, "instructionsId">;

const MAP_INSTRUCTIONS_ID = "map-keyboard-help";

/**
 * The sites map as the server renders it: an empty container carrying the map's settings, which the
 * browser module fills as soon as it runs (before hydration, so the map does not wait for React).
 * Without JavaScript the container is hidden and a note points to the table of the same sites.
 */
export function SitesMap(props: SitesMapProps) {
  const hydrated = useHydrated();
  const settings: SitesMapSettings = { ...props, instructionsId: MAP_INSTRUCTIONS_ID };
  const containerId = `${props.listId}-map`;
  return (
    <div className="app-map">
      {/* The sites start downloading while the page's scripts load; the map's fetch() then reuses them. */}
      <link rel="preload" href={props.dataUrl} as="fetch" crossOrigin="anonymous" />
      {/* Its messages (the fallback basemap, a map that cannot be drawn) once the page is hydrated. */}
      {hydrated ? <SitesMapClient containerId={containerId} settings={settings} /> : null}
      <div
        id={containerId}
        className="app-map__frame"
        {...{ [SITES_MAP_ATTRIBUTE]: JSON.stringify(settings) }}
        // MapLibre owns what is inside (and adds its own classes and state): React leaves it alone.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: an empty constant, so React never renders children here
        dangerouslySetInnerHTML={{ __html: "" }}
        suppressHydrationWarning
      />
      <p className="govuk-body app-map__no-js">
        The map needs JavaScript.{" "}
        <a className="govuk-link" href={`#${props.listId}`}>
          The table below
        </a>{" "}
        lists the same sites.
      </p>
      {/* How to use the map, and its key: shown only where there is a map. */}
      <p className="govuk-hint govuk-!-font-size-16 app-map__with-map" id={MAP_INSTRUCTIONS_ID}>
        With a keyboard, select the map, then move it with the arrow keys and zoom with + and −. Press N or P for the
        next or previous site, and Enter to reach its link.
      </p>
      <MapLegend />
    </div>
  );
}

function MapLegend() {
  const size = SYMBOL_SIZE;
  return (
    <div className="app-map-legend app-map__with-map">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-2">Key to the map</h2>
      <ul className="govuk-list govuk-!-font-size-16">
        {MAP_LEGEND.map((symbol) => (
          <li key={symbol.status} className="app-map-legend__item">
            <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false">
              <polygon
                points={shapeSvgPoints(symbol.shape, size, 1.5)}
                fill={symbol.fill}
                stroke={MAP_COLOURS.symbolOutline}
                strokeWidth="2"
                strokeLinejoin="round"
              />
            </svg>
            <span>
              {symbol.label} ({symbol.shape})
            </span>
          </li>
        ))}
        <li className="app-map-legend__item">
          <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false">
            <circle
              cx={size / 2}
              cy={size / 2}
              r={size / 2 - 1}
              fill={MAP_COLOURS.cluster}
              stroke={MAP_COLOURS.symbolHalo}
            />
            <text
              x={size / 2}
              y={size / 2 + 4}
              textAnchor="middle"
              fontSize="11"
              fontWeight="bold"
              fill={MAP_COLOURS.clusterText}
            >
              3
            </text>
          </svg>
          <span>A group of sites close together, with how many there are: select it to zoom in</span>
        </li>
      </ul>
    </div>
  );
}
