// The form for an event added to a timeline by hand: when, what kind, what happened, a source,
// who may see it, and whether it is legally privileged.
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { Checkbox, DateInput, Radios, Textarea, TextInput } from "~/components/govuk/fields";
import type { timelineEventSchema } from "~/lib/schemas/timeline-event";
import { manualTimelineKinds, TIMELINE_KIND_LABELS, VISIBILITY_LABELS, visibilities } from "~/lib/timeline-codes";

export function TimelineEventForm({
  lastResult,
  defaultValue,
  version,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Record<string, unknown>;
  version?: number;
  submitLabel: string;
}) {
  const [form, fields] = useForm<z.input<typeof timelineEventSchema>>({
    id: "event",
    lastResult,
    defaultValue: (defaultValue ?? { visibility: "internal" }) as never,
  });
  return (
    <>
      <FormErrorSummary
        form={form}
        order={["occurredOn", "kind", "title", "description", "sourceUrl", "visibility", "privileged"]}
        dateFields={["occurredOn"]}
      />
      <Form method="post" {...getFormProps(form)} noValidate>
        {version ? <input type="hidden" name="version" value={version} /> : null}
        <DateInput field={fields.occurredOn} legend="When did it happen?" withPrecision />
        <Radios
          field={fields.kind}
          legend="What kind of event was it?"
          options={manualTimelineKinds.map((kind) => ({ value: kind, text: TIMELINE_KIND_LABELS[kind] }))}
        />
        <TextInput
          field={fields.title}
          label="Title"
          hint="One line, for example: Planning committee considers the site. Do not name members of the public."
        />
        <Textarea
          field={fields.description}
          label="Description (optional)"
          hint="What happened, in a few sentences. Do not name members of the public or give personal details."
          rows={4}
        />
        <TextInput
          field={fields.sourceUrl}
          label="Source link (optional)"
          hint="A web address starting with https://, for example the council's minutes or a news report"
        />
        <Radios
          field={fields.visibility}
          legend="Who may see this event?"
          options={visibilities.map((visibility) => ({ value: visibility, text: VISIBILITY_LABELS[visibility] }))}
        />
        <Checkbox
          field={fields.privileged}
          label="Legally privileged"
          hint="Advice from or to lawyers. Never published, and left out of chronologies unless the legal team includes it."
        />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
