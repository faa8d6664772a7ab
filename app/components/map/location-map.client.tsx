// A small map of one site's position (browser only: the server build gets an empty module), for the
// site page and the form's location picker: the recorded position as a filled circle, a clicked one
// as a ring, on MAP_STYLE_URL's basemap or, when that cannot be loaded, the built-in one. Loaded with
// React.lazy (see location-map.tsx), so MapLibre is fetched only where such a map is drawn.
import type { GeoJSONSource, LngLatBoundsLike, StyleSpecification } from "maplibre-gl";
import { useEffect, useRef, useState } from "react";
import { type BoundingBox, type LatLng, UK_BOUNDS } from "~/lib/boundary";
import { LOCATION_SOURCE, type LocationMarks, locationFeatures, withLocationLayers } from "~/lib/site-location";
import { FALLBACK_MESSAGE, startStyledMap } from "./styled-map.client";

export interface LocationMapClientProps {
  /** The map's accessible name. */
  label: string;
  /** The id of the text that says how to use the map (and its alternative). */
  instructionsId: string;
  /** MAP_STYLE_URL, or null for the built-in offline map. */
  styleUrl: string | null;
  /** Address of the council's boundary as GeoJSON, drawn as an outline when given. */
  boundaryUrl?: string | null;
  /** What to mark. The map starts centred on the recorded position, or the proposed one. */
  marks: LocationMarks;
  /** [west, south, east, north] to show when there is no position yet (else the whole UK). */
  frame?: BoundingBox | null;
  /** The zoom around a position. */
  zoom: number;
  /** Called with the point clicked; without it, clicks do nothing. */
  onPick?: (at: LatLng) => void;
  /** Where the same information is when the map cannot be drawn, e.g. "The latitude and longitude are above." */
  alternative: string;
}

type MapState = "loading" | "moving" | "idle" | "failed";

const UK_BOX: LngLatBoundsLike = [
  [UK_BOUNDS.minLongitude, UK_BOUNDS.minLatitude],
  [UK_BOUNDS.maxLongitude, UK_BOUNDS.maxLatitude],
];

interface LocationMapHandle {
  showMarks(marks: LocationMarks): void;
  destroy(): void;
}

export default function LocationMapClient(props: LocationMapClientProps) {
  const frameRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<LocationMapHandle | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [fellBack, setFellBack] = useState(false);
  // Read when the map starts; only the marks follow the props afterwards.
  const settings = useRef(props);
  const onPick = useRef(props.onPick);
  useEffect(() => {
    onPick.current = props.onPick;
  });

  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const { onPick: picking, ...start } = settings.current;
    try {
      handleRef.current = startLocationMap(frame, start, {
        onFallback: () => setFellBack(true),
        onPick: picking ? (at) => onPick.current?.(at) : undefined,
      });
    } catch {
      frame.dataset.mapState = "failed";
      setProblem(`Your browser could not draw the map (it needs WebGL). ${settings.current.alternative}`);
    }
    return () => {
      handleRef.current?.destroy();
      handleRef.current = null;
    };
  }, []);

  const { marks } = props;
  useEffect(() => {
    handleRef.current?.showMarks(marks);
  }, [marks]);

  return (
    <>
      {fellBack ? (
        <output className="govuk-inset-text govuk-!-margin-top-0 app-location-map__notice">{FALLBACK_MESSAGE}</output>
      ) : null}
      {problem ? (
        <div className="govuk-inset-text govuk-!-margin-top-0" role="alert">
          {problem}
        </div>
      ) : null}
      <div
        ref={frameRef}
        className={`app-location-map__frame${props.onPick ? " app-location-map__frame--picker" : ""}${problem ? " app-location-map__frame--hidden" : ""}`}
      />
    </>
  );
}

function startLocationMap(
  frame: HTMLElement,
  props: Omit<LocationMapClientProps, "onPick">,
  callbacks: { onFallback(): void; onPick?: (at: LatLng) => void },
): LocationMapHandle {
  const boundary = props.boundaryUrl ? new URL(props.boundaryUrl, window.location.href).href : undefined;
  let marks = props.marks;
  // For tests and people alike: "idle" once what was asked for is drawn and the map is at rest.
  const setState = (state: MapState) => {
    frame.dataset.mapState = state;
  };
  setState("loading");

  const centre = marks.recorded ?? marks.proposed;
  const styled = startStyledMap({
    container: frame,
    styleUrl: props.styleUrl,
    overlay: (style: StyleSpecification) => withLocationLayers(style, { marks, boundary }),
    label: props.label,
    instructionsId: props.instructionsId,
    view: centre
      ? { center: [centre.longitude, centre.latitude], zoom: props.zoom }
      : { bounds: (props.frame as LngLatBoundsLike | null | undefined) ?? UK_BOX, fitBoundsOptions: { padding: 20 } },
    onFallback: callbacks.onFallback,
  });
  const { map } = styled;

  map.on("style.load", () => {
    // Marks set while a style was loading are in it already (overlay), unless it was the first.
    map.getSource<GeoJSONSource>(LOCATION_SOURCE)?.setData(locationFeatures(marks));
  });
  map.on("movestart", () => setState("moving"));
  map.on("idle", () => {
    if (styled.styleLoaded()) setState("idle");
  });

  const { onPick } = callbacks;
  if (onPick) {
    map.on("click", (event) => onPick({ latitude: event.lngLat.lat, longitude: event.lngLat.lng }));
  }

  return {
    showMarks(next) {
      if (sameMarks(marks, next)) return;
      const movedTo = next.recorded && !sameAt(marks.recorded, next.recorded) ? next.recorded : null;
      marks = next;
      if (!styled.styleLoaded()) return; // the style.load handler draws them
      setState("loading");
      map.getSource<GeoJSONSource>(LOCATION_SOURCE)?.setData(locationFeatures(next));
      // A position typed in the fields may be off the map: bring it into view.
      if (movedTo && !map.getBounds().contains([movedTo.longitude, movedTo.latitude])) {
        map.jumpTo({ center: [movedTo.longitude, movedTo.latitude], zoom: Math.max(map.getZoom(), props.zoom) });
      }
    },
    destroy() {
      styled.destroy();
    },
  };
}

function sameAt(a: LatLng | null, b: LatLng | null): boolean {
  return a === b || (a !== null && b !== null && a.latitude === b.latitude && a.longitude === b.longitude);
}

function sameMarks(a: LocationMarks, b: LocationMarks): boolean {
  return sameAt(a.recorded, b.recorded) && sameAt(a.proposed, b.proposed);
}
