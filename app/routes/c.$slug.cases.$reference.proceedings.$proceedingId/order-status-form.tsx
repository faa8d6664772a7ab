// The proceeding page's form that records where a court order stands (intent "order-status", with
// the order's id and the version it was loaded at): set aside, stayed, discharged…, on what date,
// and by which proceeding of the case (README, Decision 46).
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { DateInput, Radios, Select, Textarea } from "~/components/govuk/fields";
import { formValuesOf } from "~/lib/form-values";
import { ORDER_STATUS_LABELS, type OrderStatus, orderStatuses } from "~/lib/legal-codes";
import type { orderStatusSchema } from "~/lib/schemas/legal-case";

const STATUS_HINTS: Record<OrderStatus, string> = {
  in_force: "As made, or again after a stay was lifted. Its deadline is live.",
  varied: "Changed by the court but still in force: its deadline stays live. Record new terms as a new order.",
  stayed: "Not live while the stay lasts.",
  set_aside: "For example, on appeal. No longer live.",
  discharged: "Brought to an end by the court. No longer live.",
  complied_with: "Done: no longer live.",
  expired: "Ran out by its own terms. No longer live.",
};

export interface OrderStatusValues {
  id: string;
  version: number;
  status: OrderStatus;
  statusOn: string | null;
  statusByProceedingId: string | null;
  statusNote: string | null;
}

export function OrderStatusForm({
  order,
  proceedings,
  lastResult,
}: {
  order: OrderStatusValues;
  /** The case's proceedings, any of which may have changed the order. */
  proceedings: { id: string; label: string }[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm<z.input<typeof orderStatusSchema>>({
    id: `order-status-${order.id}`,
    lastResult,
    defaultValue: formValuesOf(
      {
        status: order.status,
        statusOn: order.statusOn,
        statusByProceedingId: order.statusByProceedingId,
        statusNote: order.statusNote,
      },
      ["statusOn"],
    ) as never,
  });
  return (
    <>
      <FormErrorSummary
        form={form}
        order={["status", "statusOn", "statusByProceedingId", "statusNote"]}
        dateFields={["statusOn"]}
      />
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="intent" value="order-status" />
        <input type="hidden" name="orderId" value={order.id} />
        <input type="hidden" name="version" value={order.version} />
        <Radios
          field={fields.status}
          legend="Where the order stands"
          options={orderStatuses.map((status) => ({
            value: status,
            text: ORDER_STATUS_LABELS[status],
            hint: STATUS_HINTS[status],
          }))}
        />
        <DateInput
          field={fields.statusOn}
          legend="Date it changed"
          hint="For example, 29 8 2025. Needed unless the order is in force as it was made."
        />
        <Select
          field={fields.statusByProceedingId}
          label="The proceeding whose decision changed it (optional)"
          options={[
            { value: "", text: "None recorded" },
            ...proceedings.map(({ id, label }) => ({ value: id, text: label })),
          ]}
        />
        <Textarea field={fields.statusNote} label="Note (optional)" rows={2} />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Save where the order stands
        </button>
      </Form>
    </>
  );
}
