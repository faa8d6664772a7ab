// The interactive sites map (browser only: the server build gets an empty module): MapLibre with
// clustered sites, popups by pointer and keyboard, and the built-in basemap whenever MAP_STYLE_URL
// cannot be loaded. Only pages with a map import it, so only they carry MapLibre.
//
// The map starts as soon as this module runs, before React hydrates the page: SitesMap renders an
// empty container with the map's settings, and every such container found here gets its map at once.
// After hydration SitesMapClient takes the map over (or starts one, after a navigation in the
// browser) and shows its messages. `data-map-state` on the container says "loading", "idle" or "failed".
//
// README, Decision 32: Maps are an enhancement, built offline. MapLibre sits in a `.client` module
// that only map routes import, so other pages carry none of it (about 95 KB of JavaScript against
// about 545 KB with the map and its worker) and the server never loads it. The build writes
// `public/map/uk.geojson` (the UK from world-atlas at 1:10m: at 1:50m the coast is kilometres out
// at a district's zoom) and copies MapLibre's worker beside it; neither is committed. Cluster
// counts use the browser's local fonts (a style without `glyphs`), so nothing is fetched from
// elsewhere. Every map has the same sites in a table beside it (all there is without JavaScript), a
// legend with words and shapes as well as colours, and keyboard access (N and P step through the
// sites and open each popup, Enter reaches its link, Escape closes it). A `MAP_STYLE_URL` that
// fails falls back to the built-in style and says so. The GeoJSON carries an ETag and is cached
// privately; the view is kept in the address (`#map=zoom/lat/lng`).
//
// README, Decision 36: The server-rendered container carries the map's settings as JSON
// (data-sites-map), and the sites are already preloaded when this module fetches them. React never
// renders inside the container, so MapLibre owns it. A map whose container leaves the page is
// removed; in development React's double mounting keeps the same map. Without JavaScript, or in a
// browser too old for modules, the container is hidden and a note points to the table.
import {
  type GeoJSONSource,
  type LngLatBoundsLike,
  type MapGeoJSONFeature,
  type Map as MapLibreMap,
  Popup,
  type StyleSpecification,
} from "maplibre-gl";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import {
  CLUSTER_MAX_ZOOM,
  SITE_LAYERS,
  SITES_SOURCE,
  symbolImage,
  symbolImageId,
  withSiteLayers,
} from "~/lib/map-style";
import { SITE_STATUS_LABELS, siteStatuses } from "~/lib/site-codes";
import type { SiteFeatureCollection, SiteFeatureProperties } from "~/lib/site-features";
import { readSitesMapSettings, SITES_MAP_ATTRIBUTE, type SitesMapSettings } from "./sites-map-settings";
import { FALLBACK_MESSAGE, prepareMapWorker, startStyledMap } from "./styled-map.client";

const UK_BOUNDS: LngLatBoundsLike = [
  [-8.7, 49.8],
  [1.9, 60.9],
];
const FIT_OPTIONS = { padding: 40, maxZoom: 13 };
const POPUP_LIMIT = 8;
const NO_WEBGL = "Your browser could not draw the map (it needs WebGL). The table below lists the same sites.";

type MapState = "loading" | "idle" | "failed";

/** What the page shows about a map, besides the map itself. */
interface MapMessages {
  problem: string | null;
  fellBack: boolean;
  announcement: string;
}

const NO_MESSAGES: MapMessages = { problem: null, fellBack: false, announcement: "" };

interface MapHandle {
  showSites(sites: SiteFeatureCollection): void;
  destroy(): void;
}

/** One map in one container: loads its sites, starts MapLibre, and keeps the messages for React. */
class SitesMapController {
  private messages = NO_MESSAGES;
  private listeners: (() => void)[] = [];
  private handle: MapHandle | null = null;
  private loading: AbortController | null = null;
  private dataUrl: string;
  /** Set once the map is removed (its page left): it never starts again. */
  destroyed = false;

  constructor(
    readonly container: HTMLElement,
    private readonly settings: SitesMapSettings,
  ) {
    this.dataUrl = settings.dataUrl;
    this.load(settings.dataUrl);
  }

  subscribe = (listener: () => void) => {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((other) => other !== listener);
    };
  };

  getMessages = () => this.messages;

  /** Shows the sites at another address (new filters or a new date), on the same map. */
  show(dataUrl: string) {
    if (dataUrl === this.dataUrl || this.destroyed) return;
    this.dataUrl = dataUrl;
    this.load(dataUrl);
  }

  destroy() {
    this.destroyed = true;
    this.loading?.abort();
    this.handle?.destroy();
    this.handle = null;
  }

  private update(change: Partial<MapMessages>) {
    this.messages = { ...this.messages, ...change };
    for (const listener of this.listeners) listener();
  }

  private setState(state: MapState) {
    this.container.dataset.mapState = state;
  }

  private fail(problem: string) {
    this.setState("failed");
    this.container.classList.add("app-map__frame--hidden");
    this.update({ problem });
  }

  /** After a failure, a later load that works shows the map again and clears the message. */
  private recover() {
    if (!this.messages.problem) return;
    this.container.classList.remove("app-map__frame--hidden");
    this.update({ problem: null });
  }

  private releaseTimer: number | undefined;

  /**
   * Removes the map soon, unless it is taken over again first: React's development mode unmounts
   * and remounts every component once, and the map (and the view in the address) should survive it.
   */
  release() {
    window.clearTimeout(this.releaseTimer);
    this.releaseTimer = window.setTimeout(() => {
      this.destroy();
      forgetController(this);
    }, 0);
  }

  /** Keeps a map that was about to be released. */
  keep() {
    window.clearTimeout(this.releaseTimer);
  }

  // The page preloads the address (see SitesMap), so the response is often here already. The map
  // starts with the sites and their bounds, so it draws once, at the right place.
  private load(dataUrl: string) {
    this.loading?.abort();
    const controller = new AbortController();
    this.loading = controller;
    this.setState("loading");
    fetch(dataUrl, { signal: controller.signal })
      .then((response) => {
        if (!response.ok) throw new Error(`The sites could not be loaded onto the map (${response.status}).`);
        return response.json() as Promise<SiteFeatureCollection>;
      })
      .then((sites) => {
        if (controller.signal.aborted || this.destroyed || !this.container.isConnected) return;
        this.recover();
        if (this.handle) return this.handle.showSites(sites);
        try {
          this.handle = startMap(this.container, sites, this.settings, {
            onState: (state) => this.setState(state),
            onFallback: () => this.update({ fellBack: true }),
            onAnnounce: (announcement) => this.update({ announcement }),
          });
        } catch {
          this.fail(NO_WEBGL);
        }
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof Error ? error.message : "The sites could not be loaded onto the map.";
        this.fail(`${message} The table below lists them.`);
      });
  }
}

/**
 * The maps on the page: those started when this module ran, waiting for their components to take
 * them over, and those the components hold. A map whose container has left the page (React may
 * replace the whole document if hydration fails) is removed when the next one is taken.
 */
let controllers: SitesMapController[] = [];

function forgetController(gone: SitesMapController) {
  controllers = controllers.filter((controller) => controller !== gone);
}

/** The live map in this container, or a new one started in it. */
function takeController(container: HTMLElement, settings: SitesMapSettings): SitesMapController {
  for (const controller of controllers) {
    if (!controller.container.isConnected) {
      controller.destroy();
      forgetController(controller);
    }
  }
  const existing = controllers.find((controller) => controller.container === container && !controller.destroyed);
  if (existing) {
    existing.keep();
    return existing;
  }
  const started = new SitesMapController(container, settings);
  controllers = [...controllers, started];
  return started;
}

if (typeof window !== "undefined") {
  prepareMapWorker();
  for (const container of document.querySelectorAll<HTMLElement>(`[${SITES_MAP_ATTRIBUTE}]`)) {
    const settings = readSitesMapSettings(container);
    if (settings) takeController(container, settings);
  }
}

/** The map in the container with this id, and the messages about it. */
export default function SitesMapClient({ containerId, settings }: { containerId: string; settings: SitesMapSettings }) {
  const [controller, setController] = useState<SitesMapController | null>(null);
  // Read when the map starts; later changes of these (not of the data) need a new page.
  const startWith = useRef(settings);

  useEffect(() => {
    const container = document.getElementById(containerId);
    if (!container) return;
    const taken = takeController(container, startWith.current);
    setController(taken);
    return () => {
      taken.release();
      setController(null);
    };
  }, [containerId]);

  const { dataUrl } = settings;
  useEffect(() => controller?.show(dataUrl), [controller, dataUrl]);

  const messages = useSyncExternalStore(
    controller?.subscribe ?? subscribeToNothing,
    controller?.getMessages ?? noMessages,
    noMessages,
  );
  return (
    <>
      {messages.fellBack ? (
        <output className="govuk-inset-text govuk-!-margin-top-0 app-map__notice">{FALLBACK_MESSAGE}</output>
      ) : null}
      {messages.problem ? (
        <div className="govuk-inset-text govuk-!-margin-top-0" role="alert">
          {messages.problem}
        </div>
      ) : null}
      <output className="govuk-visually-hidden">{messages.announcement}</output>
    </>
  );
}

const subscribeToNothing = () => () => {};
const noMessages = () => NO_MESSAGES;

interface MapCallbacks {
  onState(state: MapState): void;
  onFallback(): void;
  onAnnounce(text: string): void;
}

function startMap(
  frame: HTMLElement,
  initialSites: SiteFeatureCollection,
  settings: SitesMapSettings,
  callbacks: MapCallbacks,
): MapHandle {
  const absolute = (path: string) => new URL(path, window.location.href).href;
  let sites = initialSites;
  // Marks for the benchmark (tests/bench/map.bench.ts): "map-idle" is what it measures.
  performance.mark("map-start");
  // Every style, MAP_STYLE_URL's or the built-in one, gets the boundary and the sites on top.
  const boundary = settings.boundaryUrl ? absolute(settings.boundaryUrl) : undefined;
  const styled = startStyledMap({
    container: frame,
    styleUrl: settings.styleUrl,
    overlay: (style: StyleSpecification) => withSiteLayers(style, { sites, boundary }),
    label: settings.label,
    instructionsId: settings.instructionsId,
    view: {
      // A view in the address (#map=zoom/lat/lng, bookmarked or shared) wins over these bounds.
      bounds:
        (settings.frame as LngLatBoundsLike | undefined) ?? (sites.bbox as LngLatBoundsLike | undefined) ?? UK_BOUNDS,
      fitBoundsOptions: FIT_OPTIONS,
      hash: "map",
    },
    onFallback: callbacks.onFallback,
  });
  const { map } = styled;
  const canvas = map.getCanvas();

  // Symbols are drawn in code, so they exist in any style without a sprite sheet.
  const symbolIds = new Map(siteStatuses.map((status) => [symbolImageId(status), status] as const));
  map.setMissingStyleImageResolver((id) => {
    const status = symbolIds.get(id);
    if (!status || map.hasImage(id)) return;
    const ratio = Math.min(Math.ceil(window.devicePixelRatio || 1), 3);
    map.addImage(id, symbolImage(status, ratio), { pixelRatio: ratio });
  });

  // State for tests and people alike: "idle" once the sites handed over last are drawn.
  let waitingForSites = true;
  let marked = false;
  map.once("style.load", () => performance.mark("map-style-load"));
  map.once("load", () => performance.mark("map-load"));
  map.on("idle", () => {
    if (!styled.styleLoaded() || !waitingForSites) return;
    waitingForSites = false;
    callbacks.onState("idle");
    if (!marked) {
      marked = true;
      performance.mark("map-idle");
    }
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
    const content = popupContent(sitesHere, settings.sitePath, options.more ?? 0);
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
        (settings.frame as LngLatBoundsLike | undefined) ?? (next.bbox as LngLatBoundsLike | undefined) ?? UK_BOUNDS,
        { ...FIT_OPTIONS, duration: 0 },
      );
    },
    destroy() {
      styled.destroy();
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
