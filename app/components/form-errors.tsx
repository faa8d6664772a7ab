// Turns a Conform form's errors into the GOV.UK error summary, each linked to its field, in the
// order the fields appear on the page.
import type { FormMetadata } from "@conform-to/react";
import { ErrorSummary } from "./govuk/error-summary";

// biome-ignore lint/suspicious/noExplicitAny: any form's metadata; only ids and errors are read
type AnyForm = FormMetadata<any, string[]>;

export function FormErrorSummary({
  form,
  order,
  dateFields = [],
}: {
  form: AnyForm;
  /** Field names in page order; errors on other names follow. */
  order: string[];
  /** Fields drawn as GOV.UK date inputs: the link goes to the day box. */
  dateFields?: string[];
}) {
  const all = form.allErrors;
  const names = Object.keys(all).filter((name) => name !== "");
  names.sort((a, b) => rank(order, a) - rank(order, b));
  const items = [
    ...(all[""] ?? form.errors ?? []).map((text) => ({ text })),
    ...names.flatMap((name) => {
      const text = all[name]?.[0];
      if (!text) return [];
      const base = `${form.id}-${name}`;
      return [{ fieldId: dateFields.includes(name) ? `${base}-day` : base, text }];
    }),
  ];
  return <ErrorSummary errors={items} />;
}

function rank(order: string[], name: string): number {
  // "issuedOn.day" ranks as "issuedOn", "reliefs[1].kind" as "reliefs" (rows keep their order after it).
  const index = order.indexOf(name.split(/[.[]/)[0] ?? name);
  return index === -1 ? order.length : index;
}
