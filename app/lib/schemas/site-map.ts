// The map's query string: the sites list's filters, and the day to show the sites as on (optional).
import { isIsoDate } from "../dates";
import { siteFilterFrom } from "./site-filter";

export interface SiteMapQuery {
  filter: ReturnType<typeof siteFilterFrom>;
  /** YYYY-MM-DD: show the sites as they were on this day. Read here; not yet applied to the data. */
  on?: string;
}

export function siteMapQueryFrom(search: URLSearchParams): SiteMapQuery {
  const on = search.get("on") ?? "";
  return { filter: siteFilterFrom(search), ...(isIsoDate(on) ? { on } : {}) };
}

/**
 * The query string for the map's GeoJSON and the links between list and map: the page's own filters
 * without its page number or the empty fields a GET form sends ("?status=proposed", or "").
 */
export function siteQueryWithoutPage(search: URLSearchParams): string {
  const query = new URLSearchParams([...search].filter(([name, value]) => name !== "page" && value !== ""));
  const text = query.toString();
  return text ? `?${text}` : "";
}
