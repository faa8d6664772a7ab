// How people use a sites map once it is drawn (browser only): popups by pointer and keyboard,
// clusters that zoom in when selected, and N and P to step through the sites in the list's order.
// The controller (controller.client.ts) adds this to each map it starts and resets it when the
// sites change.
import { type GeoJSONSource, type MapGeoJSONFeature, type Map as MapLibreMap, Popup } from "maplibre-gl";
import { CLUSTER_MAX_ZOOM, SITE_LAYERS, SITES_SOURCE } from "~/lib/map-style";
import { positionAccuracyText, SITE_STATUS_LABELS } from "~/lib/site-codes";
import type { SiteFeatureCollection, SiteFeatureProperties } from "~/lib/site-features";

const POPUP_LIMIT = 8;

export interface SiteInteractionOptions {
  /** The start of a site's address; its reference is appended. */
  sitePath: string;
  /** The sites the map shows now (the controller replaces them when the filters or date change). */
  currentSites(): SiteFeatureCollection;
  /** Says something to screen readers (the page's live region). */
  onAnnounce(text: string): void;
}

export interface SiteInteraction {
  /** Closes any popup and forgets the selected site: the map is about to show other sites. */
  reset(): void;
}

export function addSiteInteraction(map: MapLibreMap, options: SiteInteractionOptions): SiteInteraction {
  const { sitePath, currentSites, onAnnounce } = options;
  const canvas = map.getCanvas();

  let popup: Popup | undefined;
  const closePopup = () => {
    popup?.remove();
    popup = undefined;
  };
  const openPopup = (
    at: [number, number],
    sitesHere: SiteFeatureProperties[],
    popupOptions: { focus: boolean; more?: number },
  ) => {
    closePopup();
    const content = popupContent(sitesHere, sitePath, popupOptions.more ?? 0);
    const opened = new Popup({ closeButton: true, focusAfterOpen: popupOptions.focus, maxWidth: "300px", offset: 14 })
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
    const sites = currentSites();
    const count = sites.features.length;
    if (count === 0) return onAnnounce("There are no sites on the map.");
    selected = (((selected + by) % count) + count) % count;
    const feature = sites.features[selected];
    if (!feature) return;
    const at = feature.geometry.coordinates as [number, number];
    map.jumpTo({ center: at, zoom: Math.max(map.getZoom(), CLUSTER_MAX_ZOOM + 1) });
    openPopup(at, [feature.properties], { focus: false });
    const { reference, name, status } = feature.properties;
    onAnnounce(
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
      return onAnnounce("No site is near the centre of the map. Press N for the next site.");
    }
    if (nearest.layer.id === SITE_LAYERS.clusters) {
      onAnnounce(`A group of ${nearest.properties.point_count} sites: zooming in.`);
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
    reset() {
      selected = -1;
      closePopup();
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
    // Where the point is: what this audience is shown of it, how accurate the recorded point is, and
    // the officer's note; each on its own, so that none is mistaken for another.
    for (const where of [
      disclosureNote(site.disclosure),
      site.accuracy && `${positionAccuracyText(site.accuracy)}.`,
      site.locationNote,
    ]) {
      if (where) item.append(element("p", "govuk-body-s govuk-!-margin-bottom-1", where));
    }
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

/** What a map shown to the public says of a point that is not the recorded one (members see every point as recorded). */
function disclosureNote(disclosure: SiteFeatureProperties["disclosure"]): string | undefined {
  if (disclosure === "approximate") return "Shown to about 1 km, not at its recorded position.";
  if (disclosure === "council_area") return "Shown at the council's area, not the site's position.";
  return undefined;
}
