// The map's query string, shared by its data address and the links between the list and the map.

/**
 * The query string for the map's GeoJSON and the links between list and map: the page's own filters
 * without its page number or the empty fields a GET form sends ("?status=proposed", or "").
 */
export function siteQueryWithoutPage(search: URLSearchParams): string {
  const query = new URLSearchParams([...search].filter(([name, value]) => name !== "page" && value !== ""));
  const text = query.toString();
  return text ? `?${text}` : "";
}
