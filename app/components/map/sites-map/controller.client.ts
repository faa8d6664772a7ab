// The sites map's controller (browser only): one per container, it fetches the sites, starts
// MapLibre with the sites and the council's boundary on top of the basemap, frames them, swaps in
// new sites when the filters or the date change, and keeps the messages the page shows about the
// map. The maps on the page are kept here too, so a map started before hydration is taken over by
// its component rather than started twice. What people do on the map is in interaction.client.ts.
import type { GeoJSONSource, LngLatBoundsLike, StyleSpecification } from "maplibre-gl";
import { SITES_SOURCE, symbolImage, symbolImageId, withSiteLayers } from "~/lib/map-style";
import { siteStatuses } from "~/lib/site-codes";
import type { SiteFeatureCollection } from "~/lib/site-features";
import { readSitesMapSettings, SITES_MAP_ATTRIBUTE, type SitesMapSettings } from "../sites-map-settings";
import { prepareMapWorker, startStyledMap } from "../styled-map.client";
import { addSiteInteraction } from "./interaction.client";

const UK_BOUNDS: LngLatBoundsLike = [
  [-8.7, 49.8],
  [1.9, 60.9],
];
const FIT_OPTIONS = { padding: 40, maxZoom: 13 };
const NO_WEBGL = "Your browser could not draw the map (it needs WebGL). The table below lists the same sites.";

type MapState = "loading" | "idle" | "failed";

/** What the page shows about a map, besides the map itself. */
export interface MapMessages {
  problem: string | null;
  fellBack: boolean;
  announcement: string;
}

export const NO_MESSAGES: MapMessages = { problem: null, fellBack: false, announcement: "" };

interface MapHandle {
  showSites(sites: SiteFeatureCollection): void;
  destroy(): void;
}

/** One map in one container: loads its sites, starts MapLibre, and keeps the messages for React. */
export class SitesMapController {
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
export function takeController(container: HTMLElement, settings: SitesMapSettings): SitesMapController {
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

/** Starts a map in every container the server rendered, without waiting for React. */
export function startMapsOnPage(): void {
  prepareMapWorker();
  for (const container of document.querySelectorAll<HTMLElement>(`[${SITES_MAP_ATTRIBUTE}]`)) {
    const settings = readSitesMapSettings(container);
    if (settings) takeController(container, settings);
  }
}

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
  // The council's boundary when there is one, else the sites' own bounds, else the whole UK.
  const boundsOf = (sites: SiteFeatureCollection) =>
    (settings.frame as LngLatBoundsLike | undefined) ?? (sites.bbox as LngLatBoundsLike | undefined) ?? UK_BOUNDS;
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
      bounds: boundsOf(sites),
      fitBoundsOptions: FIT_OPTIONS,
      hash: "map",
    },
    onFallback: callbacks.onFallback,
  });
  const { map } = styled;

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

  const interaction = addSiteInteraction(map, {
    sitePath: settings.sitePath,
    currentSites: () => sites,
    onAnnounce: callbacks.onAnnounce,
  });

  return {
    showSites(next) {
      sites = next;
      interaction.reset();
      waitingForSites = true;
      callbacks.onState("loading");
      map.getSource<GeoJSONSource>(SITES_SOURCE)?.setData(next);
      map.fitBounds(boundsOf(next), { ...FIT_OPTIONS, duration: 0 });
    },
    destroy() {
      styled.destroy();
    },
  };
}
