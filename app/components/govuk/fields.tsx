// GOV.UK form fields bound to Conform field metadata: label, hint, inline error, and the
// aria-describedby that ties them together. Values typed survive a failed submission.

import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { DATE_PRECISION_LABELS, datePrecisions } from "~/lib/partial-date";

// biome-ignore lint/suspicious/noExplicitAny: a field of any form; the components read only its metadata
type Field = FieldMetadata<any>;

function describedBy(field: Field, hint?: ReactNode): string | undefined {
  const ids = [hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** The label, hint and inline error above a single-input field. */
function LabelHintError({
  field,
  label,
  hint,
  labelClass,
}: {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  labelClass?: string;
}) {
  return (
    <>
      <label className={`govuk-label${labelClass ? ` ${labelClass}` : ""}`} htmlFor={field.id}>
        {label}
      </label>
      {hint ? (
        <div id={`${field.id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <FieldError field={field} />
    </>
  );
}

function FieldError({ field }: { field: Field }) {
  if (!field.errors?.length) return null;
  return (
    <p id={field.errorId} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {field.errors[0]}
    </p>
  );
}

function textOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

function groupClass(field: Field) {
  return `govuk-form-group${field.errors?.length ? " govuk-form-group--error" : ""}`;
}

export function TextInput({
  field,
  label,
  hint,
  type = "text",
  autoComplete,
  spellCheck,
  widthClass,
  labelClass,
  list,
}: {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "search";
  autoComplete?: string;
  spellCheck?: boolean;
  widthClass?: string;
  labelClass?: string;
  /** The id of a <datalist> of suggestions. */
  list?: string;
}) {
  const invalid = Boolean(field.errors?.length);
  return (
    <div className={groupClass(field)}>
      <LabelHintError field={field} label={label} hint={hint} labelClass={labelClass} />
      <input
        className={`govuk-input${invalid ? " govuk-input--error" : ""}${widthClass ? ` ${widthClass}` : ""}`}
        id={field.id}
        name={field.name}
        type={type}
        defaultValue={type === "password" ? undefined : textOf(field.initialValue)}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        list={list}
        aria-describedby={describedBy(field, hint)}
        aria-invalid={invalid || undefined}
      />
    </div>
  );
}

/** The GOV.UK file upload. A browser cannot refill it, so after an error the file is chosen again. */
export function FileUpload({
  field,
  label,
  hint,
  accept,
  labelClass,
}: {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  accept?: string;
  labelClass?: string;
}) {
  const invalid = Boolean(field.errors?.length);
  return (
    <div className={groupClass(field)}>
      <LabelHintError field={field} label={label} hint={hint} labelClass={labelClass} />
      <input
        className={`govuk-file-upload${invalid ? " govuk-file-upload--error" : ""}`}
        id={field.id}
        name={field.name}
        type="file"
        accept={accept}
        aria-describedby={describedBy(field, hint)}
        aria-invalid={invalid || undefined}
      />
    </div>
  );
}

export function Select({
  field,
  label,
  hint,
  options,
  labelClass,
}: {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  options: { value: string; text: string }[];
  labelClass?: string;
}) {
  const invalid = Boolean(field.errors?.length);
  return (
    <div className={groupClass(field)}>
      <LabelHintError field={field} label={label} hint={hint} labelClass={labelClass} />
      <select
        className={`govuk-select${invalid ? " govuk-select--error" : ""}`}
        id={field.id}
        name={field.name}
        defaultValue={textOf(field.initialValue)}
        aria-describedby={describedBy(field, hint)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Textarea({
  field,
  label,
  hint,
  rows = 5,
  labelClass,
}: {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  rows?: number;
  labelClass?: string;
}) {
  const invalid = Boolean(field.errors?.length);
  return (
    <div className={groupClass(field)}>
      <LabelHintError field={field} label={label} hint={hint} labelClass={labelClass} />
      <textarea
        className={`govuk-textarea${invalid ? " govuk-textarea--error" : ""}`}
        id={field.id}
        name={field.name}
        rows={rows}
        defaultValue={textOf(field.initialValue)}
        aria-describedby={describedBy(field, hint)}
      />
    </div>
  );
}

/**
 * Radios in a fieldset; an option can reveal a conditional field (shown always without JavaScript), or
 * be set apart from those before it by a divider ("or").
 */
export function Radios({
  field,
  legend,
  hint,
  options,
  inline,
  legendClass = "govuk-fieldset__legend--s",
}: {
  field: Field;
  legend: ReactNode;
  hint?: ReactNode;
  options: { value: string; text: string; hint?: string; conditional?: ReactNode; dividerBefore?: string }[];
  inline?: boolean;
  legendClass?: string;
}) {
  return (
    <div className={groupClass(field)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(field, hint)}>
        <legend className={`govuk-fieldset__legend ${legendClass}`}>{legend}</legend>
        {hint ? (
          <div id={`${field.id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <FieldError field={field} />
        <div className={`govuk-radios govuk-radios--small${inline ? " govuk-radios--inline" : ""}`}>
          {options.map((option, index) => {
            const id = index === 0 ? field.id : `${field.id}-${option.value}`;
            return (
              <div key={option.value}>
                {option.dividerBefore ? <div className="govuk-radios__divider">{option.dividerBefore}</div> : null}
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={id}
                    name={field.name}
                    type="radio"
                    value={option.value}
                    defaultChecked={field.initialValue === option.value}
                    aria-describedby={option.hint ? `${id}-hint` : undefined}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={id}>
                    {option.text}
                  </label>
                  {option.hint ? (
                    <div id={`${id}-hint`} className="govuk-hint govuk-radios__hint">
                      {option.hint}
                    </div>
                  ) : null}
                </div>
                {option.conditional ? <div className="govuk-radios__conditional">{option.conditional}</div> : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Checkbox({ field, label, hint }: { field: Field; label: ReactNode; hint?: ReactNode }) {
  return (
    <div className={groupClass(field)}>
      <FieldError field={field} />
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={field.id}
            name={field.name}
            type="checkbox"
            value="on"
            defaultChecked={field.initialValue === "on" || field.initialValue === "true"}
            aria-describedby={hint ? `${field.id}-hint` : undefined}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={field.id}>
            {label}
          </label>
          {hint ? (
            <div id={`${field.id}-hint`} className="govuk-hint govuk-checkboxes__hint">
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}

type DateField = FieldMetadata<{ day?: string; month?: string; year?: string } | undefined>;

/** The GOV.UK date input: day, month and year boxes in a fieldset. */
export function DateInput({
  field,
  legend,
  hint,
  withPrecision = false,
}: {
  field: DateField;
  legend: ReactNode;
  hint?: ReactNode;
  /** Ask how exact the date is (a past date, as precise as its source: app/lib/partial-date.ts). */
  withPrecision?: boolean;
}) {
  const invalid = Boolean(field.errors?.length);
  const initial = (field.initialValue ?? {}) as { day?: string; month?: string; year?: string; precision?: string };
  const hintId = `${field.id}-hint`;
  const describedByIds = [hint ? hintId : null, invalid ? field.errorId : null].filter(Boolean).join(" ") || undefined;
  const parts: { key: "day" | "month" | "year"; label: string; width: string }[] = [
    { key: "day", label: "Day", width: "govuk-input--width-2" },
    { key: "month", label: "Month", width: "govuk-input--width-2" },
    { key: "year", label: "Year", width: "govuk-input--width-4" },
  ];
  return (
    <div className={`govuk-form-group${invalid ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedByIds}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <div id={hintId} className="govuk-hint">
          {hint ?? "For example, 19 8 2025"}
        </div>
        {invalid ? (
          <p id={field.errorId} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {field.errors?.[0]}
          </p>
        ) : null}
        <div className="govuk-date-input" id={field.id}>
          {parts.map((part) => (
            <div className="govuk-date-input__item" key={part.key}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${field.id}-${part.key}`}>
                  {part.label}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input ${part.width}${invalid ? " govuk-input--error" : ""}`}
                  id={`${field.id}-${part.key}`}
                  name={`${field.name}.${part.key}`}
                  type="text"
                  inputMode="numeric"
                  defaultValue={initial[part.key]}
                />
              </div>
            </div>
          ))}
        </div>
        {withPrecision ? (
          <div className="govuk-form-group govuk-!-margin-top-3 govuk-!-margin-bottom-0">
            <label className="govuk-label" htmlFor={`${field.id}-precision`}>
              How exact is this date?
            </label>
            <div id={`${field.id}-precision-hint`} className="govuk-hint">
              Say only what the source says. For a month or a year, leave the day empty.
            </div>
            <select
              className="govuk-select"
              id={`${field.id}-precision`}
              name={`${field.name}.precision`}
              defaultValue={initial.precision ?? "day"}
              aria-describedby={`${field.id}-precision-hint`}
            >
              {datePrecisions.map((precision) => (
                <option key={precision} value={precision}>
                  {DATE_PRECISION_LABELS[precision]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </fieldset>
    </div>
  );
}

/** The id an error summary should link to for a field (the day box of a date). */
export function summaryTarget(field: { id: string }, kind: "date" | "other" = "other"): string {
  return kind === "date" ? `${field.id}-day` : field.id;
}
