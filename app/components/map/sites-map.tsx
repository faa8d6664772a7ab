import { useHydrated } from "~/components/use-hydrated";
import { MAP_COLOURS, MAP_LEGEND, SYMBOL_SIZE, shapeSvgPoints } from "~/lib/map-style";
import SitesMapClient from "./sites-map.client";

export interface SitesMapProps {
  /**
   * Address of the sites' GeoJSON. It must come from a route that builds it with `siteFeatures` and
   * an explicit `MapPublication`: the map shows every point and field it is given and nothing else.
   */
  dataUrl: string;
  /** The start of a site's address; its reference is appended (e.g. "/c/epping-forest/sites/"). */
  sitePath: string;
  /** MAP_STYLE_URL, or null for the built-in offline map. */
  styleUrl: string | null;
  /** Address of the council's boundary as GeoJSON, drawn as an outline when given. */
  boundaryUrl?: string;
  /** [west, south, east, north] to frame (the council's boundary); otherwise the sites' own bounds. */
  frame?: [number, number, number, number] | null;
  /** The map's accessible name, e.g. "Map of sites, Epping Forest District Council". */
  label: string;
  /** The id of the table that lists the same sites (the map's accessible alternative). */
  listId: string;
}

const MAP_INSTRUCTIONS_ID = "map-keyboard-help";

export function SitesMap(props: SitesMapProps) {
  const hydrated = useHydrated();
  return (
    <div className="app-map">
      {/* The sites start downloading while the page's scripts load; the map's fetch() then reuses them. */}
      <link rel="preload" href={props.dataUrl} as="fetch" crossOrigin="anonymous" />
      {hydrated ? (
        <SitesMapClient {...props} instructionsId={MAP_INSTRUCTIONS_ID} />
      ) : (
        <div className="app-map__frame app-map__frame--message">
          <p className="govuk-body">
            The map needs JavaScript.{" "}
            <a className="govuk-link" href={`#${props.listId}`}>
              The table below
            </a>{" "}
            lists the same sites.
          </p>
        </div>
      )}
      <p className="govuk-hint govuk-!-font-size-16" id={MAP_INSTRUCTIONS_ID}>
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
    <div className="app-map-legend">
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
