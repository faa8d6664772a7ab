// The site form's location picker: behind a "Choose the position on a map" button (a disclosure),
// a map to click to propose a position, see it in words, and put it in the latitude and longitude
// fields with "Use this position" (it is saved only with the form). The fields stay the source of
// truth and the keyboard's way in; without JavaScript they are all there is, and the button shows
// only once the page is hydrated (its space is kept before, so nothing jumps). Using a position
// clears the form's "How accurate is this position?" choice and chooses none: a clicked point is as
// accurate as what the officer placed it by, which only the officer knows.
//
// README, Decision 35: Officers place a site by clicking a small map on the site form. The picker
// proposes the point rounded to 5 decimal places (about 1 m) and refuses points outside the UK; it
// is used only after "Use this position" and kept only after saving. The latitude and longitude
// fields stay the source of truth, and the way in for keyboards and for browsers without
// JavaScript. The map opens only when the officer asks for it, so the form page fetches MapLibre
// (its script and its stylesheet) only then. The site page shows a small map, loaded only when the
// site has coordinates, beside the coordinates in text and a link to the council map. The built-in
// map has no streets, so placing a site to the metre needs a `MAP_STYLE_URL` with them.
import { useCallback, useMemo, useRef, useState } from "react";
import { useHydrated } from "~/components/use-hydrated";
import type { LatLng } from "~/lib/boundary";
import {
  isInUk,
  positionFromFields,
  positionText,
  roundedPosition,
  type SiteLocationMapSettings,
  UK_BOUNDS_TEXT,
} from "~/lib/site-location";
import { LocationMap, MAPLIBRE_STYLESHEET } from "./location-map";

const HINT_ID = "location-picker-hint";
const PANEL_ID = "location-picker-map";

type PickerStatus =
  | { kind: "none" }
  | { kind: "proposed"; at: LatLng }
  | { kind: "outside" }
  | { kind: "used"; at: LatLng };

export interface LocationPickerProps {
  /** The latitude and longitude fields' current values, as typed. */
  latitude: unknown;
  longitude: unknown;
  /** The fields' ids: "Use this position" fills them, and then focuses the latitude. */
  latitudeId: string;
  longitudeId: string;
  /** The name of the form's accuracy radios: "Use this position" clears them, for the officer to choose again. */
  accuracyName: string;
  /** The form's submit button's words, e.g. "Save changes". */
  saveLabel: string;
  settings: SiteLocationMapSettings;
}

/** The "Choose the position on a map" button, and once it is pressed the picker's map. */
export function LocationPicker(props: LocationPickerProps) {
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  return (
    <div className="app-location-picker">
      <button
        type="button"
        className={`govuk-button govuk-button--secondary govuk-!-margin-bottom-4 app-location-picker__toggle${hydrated ? "" : " app-location-picker__toggle--waiting"}`}
        aria-expanded={open}
        aria-controls={PANEL_ID}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        Choose the position on a map
      </button>
      <div id={PANEL_ID} hidden={!open}>
        {open ? <PickerMap {...props} /> : null}
      </div>
    </div>
  );
}

/** The picker itself: its map (fetched as it first renders), what it proposes, and its buttons. */
function PickerMap({
  latitude,
  longitude,
  latitudeId,
  longitudeId,
  accuracyName,
  saveLabel,
  settings,
}: LocationPickerProps) {
  const [status, setStatus] = useState<PickerStatus>({ kind: "none" });
  const rootRef = useRef<HTMLDivElement>(null);
  const inFields = positionFromFields(latitude, longitude);
  const recordedLatitude = inFields?.latitude ?? null;
  const recordedLongitude = inFields?.longitude ?? null;
  const proposed = status.kind === "proposed" ? status.at : null;
  const marks = useMemo(
    () => ({
      recorded:
        recordedLatitude !== null && recordedLongitude !== null
          ? { latitude: recordedLatitude, longitude: recordedLongitude }
          : null,
      proposed,
    }),
    [recordedLatitude, recordedLongitude, proposed],
  );

  const pick = useCallback((clicked: LatLng) => {
    const at = roundedPosition(clicked);
    setStatus(isInUk(at) ? { kind: "proposed", at } : { kind: "outside" });
  }, []);

  const use = () => {
    if (status.kind !== "proposed") return;
    const text = positionText(status.at);
    fillField(latitudeId, text.latitude);
    fillField(longitudeId, text.longitude);
    clearChoice(accuracyName);
    setStatus({ kind: "used", at: status.at });
    document.getElementById(latitudeId)?.focus();
  };

  const cancel = () => {
    setStatus({ kind: "none" });
    rootRef.current?.querySelector<HTMLElement>(".maplibregl-canvas")?.focus();
  };

  return (
    <div ref={rootRef}>
      <link rel="stylesheet" href={MAPLIBRE_STYLESHEET} />
      <div id={HINT_ID}>
        <p className="govuk-hint govuk-!-margin-bottom-2">
          Click the map where the site is, then select ‘Use this position’ to put it in the latitude and longitude
          fields. It is kept only when you select ‘{saveLabel}’.
        </p>
        <p className="govuk-hint govuk-!-margin-bottom-2">
          With a keyboard, type the latitude and longitude in the fields above instead.
        </p>
        <p className="govuk-hint govuk-!-margin-bottom-2">
          A filled circle marks the position in the fields; a ring marks a point you have clicked but not yet used.
        </p>
      </div>
      <LocationMap
        label="Map for choosing the site's position"
        instructionsId={HINT_ID}
        styleUrl={settings.styleUrl}
        boundaryUrl={settings.boundaryUrl}
        frame={settings.frame}
        marks={marks}
        zoom={15}
        onPick={pick}
        alternative="Type the latitude and longitude in the fields above."
      />
      <output className="govuk-body app-location-picker__status">
        {status.kind === "used" && !sameAt(marks.recorded, status.at) ? "" : statusText(status, saveLabel)}
      </output>
      {status.kind === "proposed" ? (
        <div className="govuk-button-group">
          <button type="button" className="govuk-button govuk-button--secondary" onClick={use}>
            Use this position
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={cancel}>
            Cancel
          </button>
        </div>
      ) : null}
    </div>
  );
}

/**
 * Puts a value in one of the form's fields as if it were typed, so the form library sees it. (Its own
 * `update` would, without client-side validation, send each change to the server as a submission.)
 */
function fillField(id: string, value: string): void {
  const input = document.getElementById(id);
  if (!(input instanceof HTMLInputElement)) return;
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
}

/** Unchooses every radio of a group, as if the officer had never chosen, so the form library sees it. */
function clearChoice(name: string): void {
  for (const input of document.getElementsByName(name)) {
    if (!(input instanceof HTMLInputElement) || input.type !== "radio" || !input.checked) continue;
    input.checked = false;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }
}

function sameAt(a: LatLng | null, b: LatLng): boolean {
  return a !== null && a.latitude === b.latitude && a.longitude === b.longitude;
}

function statusText(status: PickerStatus, saveLabel: string): string {
  switch (status.kind) {
    case "none":
      return "";
    case "proposed": {
      const { latitude, longitude } = positionText(status.at);
      return `New position: ${latitude}, ${longitude}`;
    }
    case "outside":
      return `That point is outside the UK, so it cannot be used. Choose a point in the UK (${UK_BOUNDS_TEXT}).`;
    case "used": {
      const { latitude, longitude } = positionText(status.at);
      return `The latitude and longitude fields now say ${latitude}, ${longitude}. Choose how accurate this position is, then select ‘${saveLabel}’ to keep it.`;
    }
  }
}
