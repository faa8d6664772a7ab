// The interactive sites map (browser only: the server build gets an empty module): MapLibre with
// clustered sites, popups by pointer and keyboard, and the built-in basemap whenever MAP_STYLE_URL
// cannot be loaded. Only pages with a map import it, so only they carry MapLibre.
import {
  type GeoJSONSource,
  getVersion,
  type LngLatBoundsLike,
  type MapGeoJSONFeature,
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  prewarm,
  type StyleSpecification,
  setWorkerUrl,
} from "maplibre-gl";
import { useEffect, useRef, useState } from "react";
import {
  builtInStyle,
  CLUSTER_MAX_ZOOM,
  SITE_LAYERS,
  SITES_SOURCE,
  symbolImage,
  symbolImageId,
  withSiteLayers,
} from "~/lib/map-style";
import { SITE_STATUS_LABELS, siteStatuses } from "~/lib/site-codes";
import type { SiteFeatureCollection, SiteFeatureProperties } from "~/lib/site-features";
import type { SitesMapProps } from "./sites-map";

type ClientProps = SitesMapProps & {
  /** The id of the text that tells keyboard users how to use the map. */
  instructionsId: string;
};

const FALLBACK_MESSAGE = "The map's background could not be loaded, so a simpler built-in map is shown.";
/** How long MAP_STYLE_URL may take before the built-in style is used instead. */
const STYLE_TIMEOUT_MS = 10_000;
const UK_BOUNDS: LngLatBoundsLike = [
  [-8.7, 49.8],
  [1.9, 60.9],
];
const FIT_OPTIONS = { padding: 40, maxZoom: 13 };
const POPUP_LIMIT = 8;

type MapState = "loading" | "idle" | "failed";

// MapLibre's worker is not bundled: build-assets.ts copies it to public/map/. Its pool starts as soon
// as this module runs (on pages with a map, before hydration), so it loads while the sites do.
if (typeof window !== "undefined") {
  setWorkerUrl(new URL(`/map/maplibre-gl-worker.mjs?v=${getVersion()}`, window.location.href).href);
  prewarm();
}

interface MapHandle {
  showSites(sites: SiteFeatureCollection): void;
  destroy(): void;
}

export default function SitesMapClient(props: ClientProps) {
  const frameRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<MapHandle | null>(null);
  const [state, setState] = useState<MapState>("loading");
  const [problem, setProblem] = useState<string | null>(null);
  const [fellBack, setFellBack] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  // Read when the map starts; later changes of these (not of the data) need a new page.
  const settings = useRef(props);

  useEffect(
    () => () => {
      handleRef.current?.destroy();
      handleRef.current = null;
    },
    [],
  );

  // The page preloads this address (see SitesMap), so the response is often here already. The map
  // starts with the sites and their bounds, so it draws once, at the right place.
  useEffect(() => {
    const controller = new AbortController();
    fetch(props.dataUrl, { signal: controller.signal })
      .then((response) => {
        if (!response.ok) throw new Error(`The sites could not be loaded onto the map (${response.status}).`);
        return response.json() as Promise<SiteFeatureCollection>;
      })
      .then((sites) => {
        if (controller.signal.aborted) return;
        if (handleRef.current) return handleRef.current.showSites(sites);
        const frame = frameRef.current;
        if (!frame) return;
        try {
          handleRef.current = startMap(frame, sites, settings.current, {
            onState: setState,
            onFallback: () => setFellBack(true),
            onAnnounce: setAnnouncement,
          });
        } catch {
          setProblem("Your browser could not draw the map (it needs WebGL). The table below lists the same sites.");
          setState("failed");
        }
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setProblem(
          `${error instanceof Error ? error.message : "The sites could not be loaded onto the map."} The table below lists them.`,
        );
        setState("failed");
      });
    return () => controller.abort();
  }, [props.dataUrl]);

  return (
    <>
      {fellBack ? (
        <output className="govuk-inset-text govuk-!-margin-top-0 app-map__notice">{FALLBACK_MESSAGE}</output>
      ) : null}
      {problem ? (
        <div className="govuk-inset-text govuk-!-margin-top-0" role="alert">
          {problem}
        </div>
      ) : null}
      <div
        ref={frameRef}
        className={`app-map__frame${problem ? " app-map__frame--hidden" : ""}`}
        data-map-state={state}
      />
      <output className="govuk-visually-hidden">{announcement}</output>
    </>
  );
}

interface MapCallbacks {
  onState(state: MapState): void;
  onFallback(): void;
  onAnnounce(text: string): void;
}

function startMap(
  frame: HTMLElement,
  initialSites: SiteFeatureCollection,
  props: ClientProps,
  callbacks: MapCallbacks,
): MapHandle {
  const absolute = (path: string) => new URL(path, window.location.href).href;
  const builtIn = builtInStyle({ outlineUrl: absolute("/map/uk.geojson") });
  let sites = initialSites;
  // Marks for the benchmark (tests/bench/map.bench.ts): "map-idle" is what it measures.
  performance.mark("map-start");
  // Every style, MAP_STYLE_URL's or the built-in one, gets the boundary and the sites on top.
  const withSites = (style: StyleSpecification) =>
    withSiteLayers(style, { sites, boundary: props.boundaryUrl ? absolute(props.boundaryUrl) : undefined });
  const map = new MapLibreMap({
    container: frame,
    style: props.styleUrl ?? withSites(builtIn),
    transformStyle: props.styleUrl ? (_previous, next) => withSites(next) : undefined,
    // A view in the address (#map=zoom/lat/lng, bookmarked or shared) wins over these bounds.
    bounds: (props.frame as LngLatBoundsLike | undefined) ?? (sites.bbox as LngLatBoundsLike | undefined) ?? UK_BOUNDS,
    fitBoundsOptions: FIT_OPTIONS,
    hash: "map",
    minZoom: 4,
    maxZoom: 18,
    renderWorldCopies: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    attributionControl: { compact: true },
    locale: { "Map.Title": props.label },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), "top-right");
  const canvas = map.getCanvas();
  canvas.setAttribute("aria-label", props.label);
  canvas.setAttribute("aria-describedby", props.instructionsId);

  // Symbols are drawn in code, so they exist in any style without a sprite sheet.
  const symbolIds = new Map(siteStatuses.map((status) => [symbolImageId(status), status] as const));
  map.setMissingStyleImageResolver((id) => {
    const status = symbolIds.get(id);
    if (!status || map.hasImage(id)) return;
    const ratio = Math.min(Math.ceil(window.devicePixelRatio || 1), 3);
    map.addImage(id, symbolImage(status, ratio), { pixelRatio: ratio });
  });

  // State for tests and people alike: "idle" once the sites handed over last are drawn.
  let styleLoaded = false;
  let waitingForSites = true;
  let marked = false;
  map.on("style.load", () => {
    performance.mark("map-style-load");
    styleLoaded = true;
  });
  map.once("load", () => performance.mark("map-load"));
  map.on("idle", () => {
    if (!styleLoaded || !waitingForSites) return;
    waitingForSites = false;
    callbacks.onState("idle");
    if (!marked) {
      marked = true;
      performance.mark("map-idle");
    }
  });

  // A MAP_STYLE_URL that fails (or hangs) never loads: swap in the built-in style and say so.
  let fellBack = false;
  const fallBack = () => {
    if (fellBack || styleLoaded) return;
    fellBack = true;
    window.clearTimeout(timer);
    // Without a transform: MapLibre would wait for the failed style to load before applying one.
    map.setStyle(withSites(builtIn), { diff: false, transformStyle: undefined });
    callbacks.onFallback();
  };
  const timer = props.styleUrl ? window.setTimeout(fallBack, STYLE_TIMEOUT_MS) : undefined;
  map.on("error", (event) => {
    if (props.styleUrl && !styleLoaded) return fallBack();
    console.warn("Map:", event.error?.message ?? event);
  });

  let popup: Popup | undefined;
  const closePopup = () => {
    popup?.remove();
    popup = undefined;
  };
  const openPopup = (
    at: [number, number],
    sitesHere: SiteFeatureProperties[],
    options: { focus: boolean; more?: number },
  ) => {
    closePopup();
    const content = popupContent(sitesHere, props.sitePath, options.more ?? 0);
    const opened = new Popup({ closeButton: true, focusAfterOpen: options.focus, maxWidth: "300px", offset: 14 })
      .setLngLat(at)
      .setDOMContent(content)
      .addTo(map);
    // Escape closes the popup; closing it from inside gives the keyboard back to the map.
    opened.getElement().addEventListener("keydown", (event) => {
      if (event.key === "Escape") opened.remove();
    });
    opened.on("close", () => {
      if (document.activeElement === document.body) canvas.focus();
    });
    popup = opened;
    return opened;
  };

  const sitesAt = (features: MapGeoJSONFeature[]) =>
    features.map((feature) => feature.properties as unknown as SiteFeatureProperties);

  const zoomIntoCluster = async (feature: MapGeoJSONFeature) => {
    const source = map.getSource<GeoJSONSource>(SITES_SOURCE);
    const clusterId = feature.properties.cluster_id;
    if (!source || typeof clusterId !== "number" || feature.geometry.type !== "Point") return;
    const zoom = await source.getClusterExpansionZoom(clusterId);
    map.easeTo({ center: feature.geometry.coordinates as [number, number], zoom });
  };

  map.on("click", SITE_LAYERS.clusters, (event) => {
    const feature = event.features?.[0];
    if (feature) void zoomIntoCluster(feature);
  });
  map.on("click", SITE_LAYERS.points, (event) => {
    const here = map.queryRenderedFeatures(
      [
        [event.point.x - 8, event.point.y - 8],
        [event.point.x + 8, event.point.y + 8],
      ],
      { layers: [SITE_LAYERS.points] },
    );
    const found = sitesAt(here.length > 0 ? here : (event.features ?? []));
    const first = here[0] ?? event.features?.[0];
    if (!first || first.geometry.type !== "Point") return;
    openPopup(first.geometry.coordinates as [number, number], found.slice(0, POPUP_LIMIT), {
      focus: false,
      more: Math.max(0, found.length - POPUP_LIMIT),
    });
  });
  for (const layer of [SITE_LAYERS.clusters, SITE_LAYERS.points]) {
    map.on("mouseenter", layer, () => {
      canvas.style.cursor = "pointer";
    });
    map.on("mouseleave", layer, () => {
      canvas.style.cursor = "";
    });
  }

  // Keyboard: N and P step through every site (in the list's order), Enter reaches the popup's link,
  // or opens what is nearest the centre. Arrow keys and +/− are MapLibre's own.
  let selected = -1;
  const step = (by: number) => {
    const count = sites.features.length;
    if (count === 0) return callbacks.onAnnounce("There are no sites on the map.");
    selected = (((selected + by) % count) + count) % count;
    const feature = sites.features[selected];
    if (!feature) return;
    const at = feature.geometry.coordinates as [number, number];
    map.jumpTo({ center: at, zoom: Math.max(map.getZoom(), CLUSTER_MAX_ZOOM + 1) });
    openPopup(at, [feature.properties], { focus: false });
    const { reference, name, status } = feature.properties;
    callbacks.onAnnounce(
      `Site ${selected + 1} of ${count}: ${name}, ${reference}, ${SITE_STATUS_LABELS[status]}. Press Enter to reach its link.`,
    );
  };
  const openAtCentre = () => {
    const centre = map.project(map.getCenter());
    const near = map.queryRenderedFeatures(
      [
        [centre.x - 40, centre.y - 40],
        [centre.x + 40, centre.y + 40],
      ],
      { layers: [SITE_LAYERS.clusters, SITE_LAYERS.points] },
    );
    const nearest = near
      .filter((feature) => feature.geometry.type === "Point")
      .sort((a, b) => distance(map, a, centre) - distance(map, b, centre))[0];
    if (!nearest || nearest.geometry.type !== "Point") {
      return callbacks.onAnnounce("No site is near the centre of the map. Press N for the next site.");
    }
    if (nearest.layer.id === SITE_LAYERS.clusters) {
      callbacks.onAnnounce(`A group of ${nearest.properties.point_count} sites: zooming in.`);
      return void zoomIntoCluster(nearest);
    }
    openPopup(nearest.geometry.coordinates as [number, number], sitesAt([nearest]), { focus: true });
  };
  canvas.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    if (key === "n" || key === "p") {
      event.preventDefault();
      step(key === "n" ? 1 : -1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const link = popup?.getElement().querySelector<HTMLAnchorElement>("a[href]");
      if (link) link.focus();
      else openAtCentre();
    }
  });

  return {
    showSites(next) {
      sites = next;
      selected = -1;
      closePopup();
      waitingForSites = true;
      callbacks.onState("loading");
      map.getSource<GeoJSONSource>(SITES_SOURCE)?.setData(next);
      map.fitBounds(
        (props.frame as LngLatBoundsLike | undefined) ?? (next.bbox as LngLatBoundsLike | undefined) ?? UK_BOUNDS,
        { ...FIT_OPTIONS, duration: 0 },
      );
    },
    destroy() {
      window.clearTimeout(timer);
      map.remove();
    },
  };
}

function distance(map: MapLibreMap, feature: MapGeoJSONFeature, centre: { x: number; y: number }): number {
  if (feature.geometry.type !== "Point") return Number.POSITIVE_INFINITY;
  const point = map.project(feature.geometry.coordinates as [number, number]);
  return Math.hypot(point.x - centre.x, point.y - centre.y);
}

/** The popup's content, built as DOM nodes (names are typed by people, so never as HTML). */
function popupContent(sites: SiteFeatureProperties[], sitePath: string, more: number): HTMLElement {
  const root = document.createElement("div");
  root.className = "app-map-popup";
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
    const node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  for (const site of sites) {
    const item = element("div", "app-map-popup__site");
    const name = element("p", "govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1", site.name);
    const status = SITE_STATUS_LABELS[site.status] ?? site.status;
    const details = element("p", "govuk-body-s govuk-!-margin-bottom-1", `${site.reference}: ${status}`);
    item.append(name, details);
    const where = site.locationNote ?? precisionNote(site.precision);
    if (where) item.append(element("p", "govuk-body-s govuk-!-margin-bottom-1", where));
    if (site.stateOnDate) {
      item.append(element("p", "govuk-body-s govuk-!-margin-bottom-1", site.stateOnDate));
    } else if (site.openEnforcement || site.openLegalCase) {
      const open = [site.openEnforcement ? "open enforcement" : "", site.openLegalCase ? "open legal case" : ""]
        .filter(Boolean)
        .join(" and ");
      item.append(element("p", "govuk-body-s govuk-!-margin-bottom-1", `Has ${open}.`));
    }
    const link = element("a", "govuk-link govuk-body-s", `View site ${site.reference}`);
    link.href = `${sitePath}${encodeURIComponent(site.reference)}`;
    link.append(element("span", "govuk-visually-hidden", `: ${site.name}`));
    item.append(link);
    root.append(item);
  }
  if (more > 0) {
    root.append(
      element(
        "p",
        "govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0",
        `And ${more} more here: see the table.`,
      ),
    );
  }
  return root;
}

function precisionNote(precision: SiteFeatureProperties["precision"]): string | undefined {
  if (precision === "approximate") return "Position approximate (to about 1 km).";
  if (precision === "council_area") return "Shown at the council's area, not the site's position.";
  return undefined;
}
