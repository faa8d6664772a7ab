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
import { precisionOf } from "./date-precision";
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
    /**
     * The latest date a source confirms the status ("in use, as at 11 November 2025"), as precise as
     * that source: the register states a status as at a date, never as a timeless fact.
     */
    statusAsOf: date("status_as_of"),
    statusAsOfPrecision: precisionOf("status_as_of"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    /**
     * For searches (app/server/council/search/record-search.server.ts), kept by the database and
     * never audited or shown (`siteAsRecorded`): the postcode upper case without spaces ("CM16 6AA"
     * and "cm166aa" alike), however it was written. A column, not an expression index: under
     * row-level security PostgreSQL takes a condition to an index only if its functions are
     * leakproof, and upper() and replace() are not.
     */
    postcodeKey: text("postcode_key").generatedAlwaysAs(sql`upper(replace(postcode, ' ', ''))`),
    /**
     * For searches too: what a search's words are looked for in, lower case (reference, name,
     * address, town and the postcode without its space). One column scans several times faster
     * than ILIKE on each.
     */
    searchText: text("search_text").generatedAlwaysAs(
      sql`lower(reference || ' ' || name || ' ' || coalesce(address_line_1, '') || ' ' || coalesce(address_line_2, '') || ' ' || coalesce(town, '') || ' ' || replace(coalesce(postcode, ''), ' ', ''))`,
    ),
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
    // Searches: a whole UPRN; a postcode whole or by its start (text_pattern_ops: compared byte by
    // byte, so a range of them is a prefix whatever the database's collation).
    index("sites_tenant_uprn_idx").on(t.tenantId, t.uprn),
    index("sites_tenant_postcode_key_idx").on(t.tenantId, t.postcodeKey.op("text_pattern_ops")),
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
    startsOnPrecision: precisionOf("starts_on"),
    endsOn: date("ends_on"),
    endsOnPrecision: precisionOf("ends_on"),
    description: text("description"),
    source: text("source"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index("use_periods_tenant_id_idx").on(t.tenantId),
    index("use_periods_site_idx").on(t.siteId, t.startsOn),
    // An end known only to the month or year may be stored before a start in the same month or year
    // ("5 March 2021" to "March 2021"); app/lib/partial-date.ts endsBeforeStart is the full rule.
    check(
      "use_periods_order",
      sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}
        or (${t.endsOnPrecision} = 'year' and date_trunc('year', ${t.endsOn}) >= date_trunc('year', ${t.startsOn}))
        or (${t.endsOnPrecision} in ('early_month', 'mid_month', 'late_month', 'month')
          and date_trunc('month', ${t.endsOn}) >= date_trunc('month', ${t.startsOn}))`,
    ),
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

/** A site as recorded: without the columns the database derives from it for searching. */
export function siteAsRecorded<Row extends Partial<Site>>({
  postcodeKey,
  searchText,
  ...recorded
}: Row): Omit<Row, "postcodeKey" | "searchText"> {
  return recorded;
}
export type UsePeriod = typeof usePeriods.$inferSelect;
