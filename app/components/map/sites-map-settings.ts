// What a sites map needs to start, shared by the server-rendered container (sites-map.tsx), which
// writes it into the page, and the browser module (sites-map/controller.client.ts), which reads it back.

export interface SitesMapSettings {
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
  /** The id of the text that tells keyboard users how to use the map. */
  instructionsId: string;
}

/**
 * The attribute on a map's empty container that holds its settings as JSON. The browser module
 * starts a map in every such container as soon as it runs, before React hydrates the page.
 */
export const SITES_MAP_ATTRIBUTE = "data-sites-map";

/** The settings written into a container, or null if they are missing or not what a map needs. */
export function readSitesMapSettings(container: Element): SitesMapSettings | null {
  const text = container.getAttribute(SITES_MAP_ATTRIBUTE);
  if (!text) return null;
  try {
    const settings = JSON.parse(text) as Partial<SitesMapSettings>;
    const strings = [settings.dataUrl, settings.sitePath, settings.label, settings.listId, settings.instructionsId];
    return strings.every((value) => typeof value === "string") ? (settings as SitesMapSettings) : null;
  } catch {
    return null;
  }
}
