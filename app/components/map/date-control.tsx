// Winds the map and its table back to a past day. Without JavaScript: a date field and a button
// (a GET form keeping the other filters). With it, also a slider from 2020 to today that moves the
// map as it is dragged or stepped with the arrow keys.
import { Form, useNavigate } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useHydrated } from "~/components/use-hydrated";
import { addDays, daysBetween } from "~/lib/dates";
import { formatDate } from "~/lib/format";

/** The slider's first day: before the earliest use of hotels the service records. */
export const SLIDER_START = "2020-01-01";

export function DateControl({
  search,
  on,
  today,
  error,
}: {
  search: URLSearchParams;
  on: string | null;
  today: string;
  error: { value: string; message: string } | null;
}) {
  const hydrated = useHydrated();
  const others = [...search].filter(([name]) => name !== "on" && name !== "page");
  const todayQuery = new URLSearchParams(others).toString();
  return (
    <div className="app-date-control">
      <Form method="get" preventScrollReset>
        {others.map(([name, value]) => (
          <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
        ))}
        <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
          <h2 className="govuk-label-wrapper">
            <label className="govuk-label govuk-label--s" htmlFor="on">
              Show the sites as they stood on
            </label>
          </h2>
          <div className="govuk-hint" id="on-hint">
            Whether each site was in use, under enforcement or before the courts on that day.
          </div>
          {error ? (
            <p className="govuk-error-message" id="on-error">
              <span className="govuk-visually-hidden">Error:</span> {error.message}
            </p>
          ) : null}
          <input
            className={`govuk-input govuk-input--width-10${error ? " govuk-input--error" : ""}`}
            type="date"
            id="on"
            name="on"
            min={SLIDER_START}
            max={today}
            defaultValue={error ? error.value : (on ?? "")}
            aria-describedby={error ? "on-hint on-error" : "on-hint"}
          />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show this day
        </button>
      </Form>
      {hydrated ? <DateSlider search={search} on={on} today={today} /> : null}
      {on ? (
        <p className="govuk-body">
          <a className="govuk-link" href={todayQuery ? `?${todayQuery}` : "?"}>
            Back to today
          </a>
        </p>
      ) : null}
    </div>
  );
}

function DateSlider({ search, on, today }: { search: URLSearchParams; on: string | null; today: string }) {
  const navigate = useNavigate();
  const last = daysBetween(SLIDER_START, today);
  const [day, setDay] = useState(daysBetween(SLIDER_START, on ?? today));
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => setDay(daysBetween(SLIDER_START, on ?? today)), [on, today]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const dateOf = (offset: number) => addDays(SLIDER_START, offset);
  const go = (offset: number) => {
    window.clearTimeout(timer.current);
    // Wait until the slider rests a moment, so dragging does not load every day on the way.
    timer.current = window.setTimeout(() => {
      const next = new URLSearchParams(search);
      next.delete("page");
      if (offset >= last) next.delete("on");
      else next.set("on", dateOf(offset));
      navigate(`?${next.toString()}`, { replace: true, preventScrollReset: true });
    }, 250);
  };
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor="on-slider">
        Or move through time
      </label>
      <input
        className="app-date-slider"
        type="range"
        id="on-slider"
        min={0}
        max={last}
        step={1}
        value={day}
        aria-valuetext={formatDate(dateOf(day))}
        onChange={(event) => {
          const offset = Number(event.currentTarget.value);
          setDay(offset);
          go(offset);
        }}
      />
      <p className="govuk-body-s" aria-hidden="true">
        {formatDate(dateOf(day))}
      </p>
    </div>
  );
}
