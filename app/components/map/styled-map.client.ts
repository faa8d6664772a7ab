// One MapLibre map on MAP_STYLE_URL's basemap or the built-in offline one, shared by the council's
// sites map and the small location map (browser only: the server build gets an empty module). When
// MAP_STYLE_URL fails or hangs, the built-in style takes over and the page is told, so that a map is
// never left blank. The page's own layers (sites, boundary, marks) go on top of either style.
import {
  getVersion,
  Map as MapLibreMap,
  type MapOptions,
  NavigationControl,
  prewarm,
  type StyleSpecification,
  setWorkerUrl,
} from "maplibre-gl";
import { builtInStyle } from "~/lib/map-style";

export const FALLBACK_MESSAGE = "The map's background could not be loaded, so a simpler built-in map is shown.";
/** How long MAP_STYLE_URL may take before the built-in style is used instead. */
const STYLE_TIMEOUT_MS = 10_000;

let workerReady = false;

/**
 * Points MapLibre at its worker (not bundled: build-assets.ts copies it to public/map/) and starts
 * the worker pool, so the worker loads while the page's data does. Called when a map module runs.
 */
export function prepareMapWorker(): void {
  if (workerReady || typeof window === "undefined") return;
  workerReady = true;
  setWorkerUrl(new URL(`/map/maplibre-gl-worker.mjs?v=${getVersion()}`, window.location.href).href);
  prewarm();
}

export interface StyledMapOptions {
  container: HTMLElement;
  /** MAP_STYLE_URL, or null for the built-in offline map. */
  styleUrl: string | null;
  /** Adds the page's own sources and layers to a style (MAP_STYLE_URL's or the built-in one). */
  overlay(style: StyleSpecification): StyleSpecification;
  /** The map's accessible name, given to its canvas. */
  label: string;
  /** The id of the text that tells keyboard users how to use the map. */
  instructionsId: string;
  /** Where the map opens. */
  view: Pick<MapOptions, "bounds" | "fitBoundsOptions" | "center" | "zoom" | "hash">;
  /** Called once if the built-in style replaces MAP_STYLE_URL's. */
  onFallback(): void;
}

export interface StyledMap {
  map: MapLibreMap;
  /** Whether a style (either) has loaded: until then the map has nothing to draw on. */
  styleLoaded(): boolean;
  destroy(): void;
}

export function startStyledMap(options: StyledMapOptions): StyledMap {
  prepareMapWorker();
  const { styleUrl, overlay } = options;
  const builtIn = builtInStyle({ outlineUrl: new URL("/map/uk.geojson", window.location.href).href });
  const map = new MapLibreMap({
    container: options.container,
    style: styleUrl ?? overlay(builtIn),
    transformStyle: styleUrl ? (_previous, next) => overlay(next) : undefined,
    ...options.view,
    minZoom: 4,
    maxZoom: 18,
    renderWorldCopies: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    attributionControl: { compact: true },
    locale: { "Map.Title": options.label },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), "top-right");
  const canvas = map.getCanvas();
  canvas.setAttribute("aria-label", options.label);
  canvas.setAttribute("aria-describedby", options.instructionsId);

  let loaded = false;
  map.on("style.load", () => {
    loaded = true;
  });

  // A MAP_STYLE_URL that fails (or hangs) never loads: swap in the built-in style and say so.
  let fellBack = false;
  const fallBack = () => {
    if (fellBack || loaded) return;
    fellBack = true;
    window.clearTimeout(timer);
    // Without a transform: MapLibre would wait for the failed style to load before applying one.
    map.setStyle(overlay(builtIn), { diff: false, transformStyle: undefined });
    options.onFallback();
  };
  const timer = styleUrl ? window.setTimeout(fallBack, STYLE_TIMEOUT_MS) : undefined;
  map.on("error", (event) => {
    if (styleUrl && !loaded) return fallBack();
    console.warn("Map:", event.error?.message ?? event);
  });

  return {
    map,
    styleLoaded: () => loaded,
    destroy() {
      window.clearTimeout(timer);
      map.remove();
    },
  };
}
