// GOV.UK form fields bound to Conform field metadata: label, hint, inline error, and the
// aria-describedby that ties them together. Values typed survive a failed submission.
import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

type Field = FieldMetadata<string | undefined>;

function describedBy(field: Field, hint?: ReactNode): string | undefined {
  const ids = [hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldError({ field }: { field: Field }) {
  if (!field.errors?.length) return null;
  return (
    <p id={field.errorId} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {field.errors[0]}
    </p>
  );
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
}: {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "search";
  autoComplete?: string;
  spellCheck?: boolean;
  widthClass?: string;
  labelClass?: string;
}) {
  const invalid = Boolean(field.errors?.length);
  return (
    <div className={groupClass(field)}>
      <label className={`govuk-label${labelClass ? ` ${labelClass}` : ""}`} htmlFor={field.id}>
        {label}
      </label>
      {hint ? (
        <div id={`${field.id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <FieldError field={field} />
      <input
        className={`govuk-input${invalid ? " govuk-input--error" : ""}${widthClass ? ` ${widthClass}` : ""}`}
        id={field.id}
        name={field.name}
        type={type}
        defaultValue={type === "password" ? undefined : field.initialValue}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
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
      <label className={`govuk-label${labelClass ? ` ${labelClass}` : ""}`} htmlFor={field.id}>
        {label}
      </label>
      {hint ? (
        <div id={`${field.id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <FieldError field={field} />
      <select
        className={`govuk-select${invalid ? " govuk-select--error" : ""}`}
        id={field.id}
        name={field.name}
        defaultValue={field.initialValue}
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
