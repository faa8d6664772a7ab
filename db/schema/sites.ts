// Hotel sites, their periods of use as asylum accommodation, and per-council reference numbers.
import { sql } from "drizzle-orm";
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { contractors, locationAccuracies, siteStatuses, useClasses } from "../../app/lib/site-codes";
import { createdAt, id, updatedAt, version } from "./columns";
import { tenantId } from "./tenant";

export const siteStatus = pgEnum("site_status", siteStatuses);
export const contractor = pgEnum("contractor", contractors);
export const lawfulUseClass = pgEnum("use_class", useClasses);
export const locationAccuracy = pgEnum("location_accuracy", locationAccuracies);

export const sites = pgTable(
  "sites",
  {
    id: id(),
    tenantId: tenantId(),
    reference: text("reference").notNull(),
    name: text("name").notNull(),
    addressLine1: text("address_line_1"),
    addressLine2: text("address_line_2"),
    town: text("town"),
    postcode: text("postcode"),
    uprn: text("uprn"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    /** How accurate the point is (from the address, the postcode's or town's centre, approximate): set exactly when there is a point. */
    locationAccuracy: locationAccuracy("location_accuracy"),
    /** Anything else about the point, in the officer's words, e.g. "Epping town, not the hotel's position". */
    locationNote: text("location_note"),
    ownerName: text("owner_name"),
    operatorName: text("operator_name"),
    contractor: contractor("contractor").notNull().default("unknown"),
    contractorOther: text("contractor_other"),
    rooms: integer("rooms"),
    lawfulUse: lawfulUseClass("lawful_use"),
    lawfulUseOther: text("lawful_use_other"),
    useComplainedOf: text("use_complained_of"),
    status: siteStatus("status").notNull().default("unknown"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("sites_tenant_reference_key").on(t.tenantId, t.reference),
    index("sites_tenant_id_idx").on(t.tenantId),
    index("sites_tenant_status_idx").on(t.tenantId, t.status),
    // The dashboard's recently changed sites.
    index("sites_tenant_updated_idx").on(t.tenantId, t.updatedAt),
    check("sites_uprn_format", sql`${t.uprn} ~ '^[0-9]{1,12}$'`),
    check("sites_latitude_uk", sql`${t.latitude} between 49.8 and 60.9`),
    check("sites_longitude_uk", sql`${t.longitude} between -8.7 and 1.9`),
    // A point says how accurate it is; no point, no accuracy.
    check(
      "sites_location_accuracy_with_point",
      sql`(${t.latitude} is null and ${t.longitude} is null) = (${t.locationAccuracy} is null)`,
    ),
    check("sites_rooms_positive", sql`${t.rooms} >= 0`),
  ],
);

export const usePeriods = pgTable(
  "use_periods",
  {
    id: id(),
    tenantId: tenantId(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on"),
    description: text("description"),
    source: text("source"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index("use_periods_tenant_id_idx").on(t.tenantId),
    index("use_periods_site_idx").on(t.siteId, t.startsOn),
    check("use_periods_order", sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** The last number handed out per council and kind of record (sites, complaints, …). */
export const referenceCounters = pgTable(
  "reference_counters",
  {
    tenantId: tenantId(),
    kind: text("kind").notNull(),
    lastValue: integer("last_value").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind] })],
);

export type Site = typeof sites.$inferSelect;
export type UsePeriod = typeof usePeriods.$inferSelect;
