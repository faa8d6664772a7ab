// The small map of a site's position as a page holds it (server-safe): a placeholder of the map's
// size until the page is hydrated, then MapLibre, fetched as its own chunk only when one is drawn.
import maplibreStyles from "maplibre-gl/dist/maplibre-gl.css";
import { lazy, Suspense } from "react";
import { useHydrated } from "~/components/use-hydrated";
import type { LocationMapClientProps } from "./location-map.client";
import locationMapStyles from "./location-map.css";

const LocationMapClient = lazy(() => import("./location-map.client"));

/** MapLibre's own stylesheet, which a drawn map needs. */
export const MAPLIBRE_STYLESHEET = maplibreStyles;
/** The small maps' frames and the location picker (small; the picker's closed state needs it too). */
export const LOCATION_MAP_STYLESHEET = locationMapStyles;
/** The stylesheets a page with a small map needs. */
export const LOCATION_MAP_STYLESHEETS = [MAPLIBRE_STYLESHEET, LOCATION_MAP_STYLESHEET] as const;

/** The map once hydrated; before that (and without JavaScript) `placeholder`, in a frame of its size. */
export function LocationMap({ placeholder, ...props }: LocationMapClientProps & { placeholder?: string }) {
  const hydrated = useHydrated();
  const frame = (
    <div className={`app-location-map__frame${placeholder ? " app-location-map__frame--message" : ""}`}>
      {placeholder ? <p className="govuk-body govuk-!-margin-bottom-0">{placeholder}</p> : null}
    </div>
  );
  if (!hydrated) return frame;
  return (
    <Suspense fallback={<div className="app-location-map__frame" data-map-state="loading" />}>
      <LocationMapClient {...props} />
    </Suspense>
  );
}
