// The interactive sites map (browser only: the server build gets an empty module): MapLibre with
// clustered sites, popups by pointer and keyboard, and the built-in basemap whenever MAP_STYLE_URL
// cannot be loaded. Only pages with a map import it, so only they carry MapLibre. This module wires
// the parts together: controller.client.ts starts and updates each map, interaction.client.ts
// handles what people do on it, and the component here shows the messages about it.
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
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { SitesMapSettings } from "../sites-map-settings";
import { FALLBACK_MESSAGE } from "../styled-map.client";
import { NO_MESSAGES, type SitesMapController, startMapsOnPage, takeController } from "./controller.client";

if (typeof window !== "undefined") startMapsOnPage();

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
