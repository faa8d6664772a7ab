// The site form: what an officer records about a hotel site.
import { z } from "zod";
import { todayInLondon } from "../dates";
import { contractors, locationAccuracies, NO_POSITION, siteStatuses, useClasses } from "../site-codes";
import { govukPartialDate, optionalText, optionalWholeNumber, requiredText } from "./common";

const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/;

export const UK_BOUNDS = { minLatitude: 49.8, maxLatitude: 60.9, minLongitude: -8.7, maxLongitude: 1.9 } as const;

export const siteSchema = z
  .object({
    name: requiredText("Enter the site's name", "Name", 200),
    addressLine1: optionalText("Address line 1", 200),
    addressLine2: optionalText("Address line 2", 200),
    town: optionalText("Town or city", 100),
    postcode: z
      .string()
      .trim()
      .optional()
      .transform((value, ctx) => {
        if (!value) return null;
        const match = value.toUpperCase().replace(/\s+/g, " ").match(POSTCODE);
        if (!match) {
          ctx.addIssue({ code: "custom", message: "Enter a real postcode, like SW1A 1AA" });
          return z.NEVER;
        }
        return `${match[1]} ${match[2]}`;
      }),
    uprn: z
      .string()
      .trim()
      .optional()
      .refine((value) => !value || /^[0-9]{1,12}$/.test(value), "UPRN must be a number of up to 12 digits")
      .transform((value) => value || null),
    latitude: z
      .number({ error: "Latitude must be a number, like 51.7" })
      .min(UK_BOUNDS.minLatitude, "Latitude must be in the UK: between 49.8 and 60.9")
      .max(UK_BOUNDS.maxLatitude, "Latitude must be in the UK: between 49.8 and 60.9")
      .optional()
      .transform((value) => value ?? null),
    longitude: z
      .number({ error: "Longitude must be a number, like 0.11" })
      .min(UK_BOUNDS.minLongitude, "Longitude must be in the UK: between -8.7 and 1.9")
      .max(UK_BOUNDS.maxLongitude, "Longitude must be in the UK: between -8.7 and 1.9")
      .optional()
      .transform((value) => value ?? null),
    // "No position recorded" is a choice of its own, so that a position once recorded can be taken away
    // (a radio, once chosen, cannot be unchosen).
    locationAccuracy: z
      .enum([...locationAccuracies, NO_POSITION], { error: "Choose how accurate this position is" })
      .optional()
      .transform((value) => (value === undefined || value === NO_POSITION ? null : value)),
    locationNote: optionalText("About the position", 200),
    ownerName: optionalText("Owner", 200),
    operatorName: optionalText("Operator", 200),
    contractor: z.enum(contractors, { error: "Choose the Home Office contractor, or 'Not known'" }),
    contractorOther: optionalText("Contractor name", 200),
    rooms: optionalWholeNumber("Rooms or bed spaces", 0, 5000),
    lawfulUse: z
      .enum(useClasses, { error: "Choose the lawful use" })
      .optional()
      .transform((value) => value ?? null),
    lawfulUseOther: optionalText("Other lawful use", 200),
    useComplainedOf: optionalText("Use complained of", 500),
    status: z.enum(siteStatuses, { error: "Choose the site's status" }),
    statusAsOf: govukPartialDate("The date the status was last confirmed"),
  })
  .superRefine((site, ctx) => {
    if ((site.latitude === null) !== (site.longitude === null)) {
      ctx.addIssue({
        code: "custom",
        path: [site.latitude === null ? "latitude" : "longitude"],
        message: "Enter both latitude and longitude, or neither",
      });
    }
    // A point says how accurate it is, and there is no accuracy without a point (as the database checks).
    const anyPosition = site.latitude !== null || site.longitude !== null;
    if (anyPosition && site.locationAccuracy === null) {
      ctx.addIssue({ code: "custom", path: ["locationAccuracy"], message: "Choose how accurate this position is" });
    }
    if (!anyPosition && site.locationAccuracy !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["locationAccuracy"],
        message: "Enter the latitude and longitude, or choose ‘No position recorded’",
      });
    }
    if (site.statusAsOf && site.statusAsOf.on > todayInLondon()) {
      ctx.addIssue({
        code: "custom",
        path: ["statusAsOf"],
        message: "The date the status was last confirmed must be today or in the past",
      });
    }
    if (site.contractor === "other" && !site.contractorOther) {
      ctx.addIssue({ code: "custom", path: ["contractorOther"], message: "Enter the contractor's name" });
    }
    if (site.lawfulUse === "other" && !site.lawfulUseOther) {
      ctx.addIssue({ code: "custom", path: ["lawfulUseOther"], message: "Describe the lawful use" });
    }
  });

export const siteEditSchema = siteSchema.and(z.object({ version: z.number().int().min(1) }));

type ParsedSite = z.output<typeof siteSchema>;
/** A site as the domain takes it: without a status date, the status is as at today when it is new or changes. */
export type SiteInput = Omit<ParsedSite, "statusAsOf"> & Partial<Pick<ParsedSite, "statusAsOf">>;
