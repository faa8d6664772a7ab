// The site form, for adding a site and for editing one.

import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { DateInput, Radios, Select, Textarea, TextInput } from "~/components/govuk/fields";
import { LocationPicker } from "~/components/map/location-picker";
import type { siteSchema } from "~/lib/schemas/site";
import {
  CONTRACTOR_LABELS,
  contractors,
  LOCATION_ACCURACY_LABELS,
  locationAccuracies,
  NO_POSITION,
  NO_POSITION_LABEL,
  SITE_STATUS_LABELS,
  siteStatuses,
  USE_CLASS_LABELS,
  useClasses,
} from "~/lib/site-codes";
import type { SiteLocationMapSettings } from "~/lib/site-location";

type SiteFormValues = z.input<typeof siteSchema>;

const ORDER = [
  "name",
  "addressLine1",
  "addressLine2",
  "town",
  "postcode",
  "uprn",
  "latitude",
  "longitude",
  "locationAccuracy",
  "locationNote",
  "status",
  "statusAsOf",
  "ownerName",
  "operatorName",
  "contractor",
  "contractorOther",
  "rooms",
  "lawfulUse",
  "lawfulUseOther",
  "useComplainedOf",
];

export function SiteForm({
  lastResult,
  defaultValue,
  version,
  submitLabel,
  locationMap,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Record<string, unknown>;
  version?: number;
  submitLabel: string;
  /** How the location picker's map is drawn. */
  locationMap: SiteLocationMapSettings;
}) {
  const [form, fields] = useForm<SiteFormValues>({ id: "site", lastResult, defaultValue: defaultValue as never });
  return (
    <>
      <FormErrorSummary form={form} order={ORDER} dateFields={["statusAsOf"]} />
      <Form method="post" {...getFormProps(form)} noValidate>
        {version ? <input type="hidden" name="version" value={version} /> : null}
        <TextInput
          field={fields.name}
          label="Name of the site"
          hint="For example, the hotel's trading name"
          labelClass="govuk-label--s"
        />

        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Address</legend>
          <TextInput field={fields.addressLine1} label="Address line 1" autoComplete="off" />
          <TextInput field={fields.addressLine2} label="Address line 2 (optional)" autoComplete="off" />
          <TextInput
            field={fields.town}
            label="Town or city"
            widthClass="govuk-!-width-two-thirds"
            autoComplete="off"
          />
          <TextInput field={fields.postcode} label="Postcode" widthClass="govuk-input--width-10" autoComplete="off" />
          <TextInput
            field={fields.uprn}
            label="UPRN (optional)"
            hint="Unique Property Reference Number: up to 12 digits"
            widthClass="govuk-input--width-20"
          />
        </fieldset>

        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Location</legend>
          <p className="govuk-hint">
            Decimal degrees. The location is never public unless the council publishes the site, and then only as
            precisely as it chooses. Say how accurate the position is below.
          </p>
          <TextInput
            field={fields.latitude}
            label="Latitude"
            hint="For example, 51.7"
            widthClass="govuk-input--width-10"
          />
          <TextInput
            field={fields.longitude}
            label="Longitude"
            hint="For example, 0.11"
            widthClass="govuk-input--width-10"
          />
          <LocationPicker
            latitude={fields.latitude.value}
            longitude={fields.longitude.value}
            latitudeId={fields.latitude.id}
            longitudeId={fields.longitude.id}
            accuracyName={fields.locationAccuracy.name}
            saveLabel={submitLabel}
            settings={locationMap}
          />
          <Radios
            field={fields.locationAccuracy}
            legend="How accurate is this position?"
            hint="What the latitude and longitude were taken from"
            options={[
              ...locationAccuracies.map((accuracy) => ({ value: accuracy, text: LOCATION_ACCURACY_LABELS[accuracy] })),
              { value: NO_POSITION, text: NO_POSITION_LABEL, dividerBefore: "or" },
            ]}
          />
          <TextInput
            field={fields.locationNote}
            label="About the position (optional)"
            hint="For example, which town's centre it is, or where the address came from"
          />
        </fieldset>

        <Radios
          field={fields.status}
          legend="Status"
          legendClass="govuk-fieldset__legend--m"
          options={siteStatuses.map((status) => ({ value: status, text: SITE_STATUS_LABELS[status] }))}
        />
        <DateInput
          field={fields.statusAsOf}
          legend="When was this status last confirmed? (optional)"
          hint="The latest date a source confirms it, for example 11 11 2025, or 11 2025 for November 2025. Left as it is when you change the status, it becomes today."
          withPrecision
        />

        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Who runs it</legend>
          <TextInput field={fields.ownerName} label="Owner" hint="The company or person that owns the property" />
          <TextInput field={fields.operatorName} label="Operator" hint="Who runs the hotel, if not the owner" />
          <Radios
            field={fields.contractor}
            legend="Home Office contractor"
            options={contractors.map((contractor) => ({
              value: contractor,
              text: CONTRACTOR_LABELS[contractor],
              conditional:
                contractor === "other" ? (
                  <TextInput field={fields.contractorOther} label="Contractor's name" />
                ) : undefined,
            }))}
          />
          <TextInput field={fields.rooms} label="Rooms or bed spaces (optional)" widthClass="govuk-input--width-5" />
        </fieldset>

        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Planning use</legend>
          <Select
            field={fields.lawfulUse}
            label="Lawful use"
            hint="Use Classes Order 1987"
            options={[
              { value: "", text: "Not known" },
              ...useClasses.map((useClass) => ({ value: useClass, text: USE_CLASS_LABELS[useClass] })),
            ]}
          />
          <TextInput field={fields.lawfulUseOther} label="If other, describe the lawful use" />
          <Textarea
            field={fields.useComplainedOf}
            label="Use complained of"
            hint="For example, use as a hostel for asylum seekers (sui generis)"
            rows={3}
          />
        </fieldset>

        <button type="submit" className="govuk-button" data-module="govuk-button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
