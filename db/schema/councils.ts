// Councils are the tenants: every council-owned row points at one.
import { sql } from "drizzle-orm";
import { boolean, check, doublePrecision, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { councilTypes, nations } from "../../app/lib/roles";
import { createdAt, id, updatedAt, version } from "./columns";

export { councilTypes };

export const councilType = pgEnum("council_type", councilTypes);
export const nation = pgEnum("nation", nations);

export const councils = pgTable(
  "councils",
  {
    id: id(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** The ONS GSS code, where one is on record (unique when given). */
    gssCode: text("gss_code"),
    nation: nation("nation").notNull(),
    councilType: councilType("council_type").notNull(),
    isLocalPlanningAuthority: boolean("is_local_planning_authority").notNull().default(true),
    /** Starts the references users see: EF-S-0001 for a site, EF-C-0001 for a complaint. */
    referencePrefix: text("reference_prefix").notNull(),
    /**
     * Where the council's map centres when it has no boundary and no site with coordinates; set
     * when the council is onboarded. The boundary itself is in council_boundaries.
     */
    centreLatitude: doublePrecision("centre_latitude"),
    centreLongitude: doublePrecision("centre_longitude"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("councils_slug_key").on(t.slug),
    uniqueIndex("councils_gss_code_key").on(t.gssCode),
    check("councils_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("councils_reference_prefix_format", sql`${t.referencePrefix} ~ '^[A-Z]{2,4}$'`),
    check("councils_gss_code_format", sql`${t.gssCode} ~ '^(E0[6-9]|E10|W06)[0-9]{6}$'`),
    // A code, where given, names the same nation: E… for England, W… for Wales.
    check("councils_gss_code_nation", sql`${t.gssCode} is null or (${t.nation} = 'wales') = (${t.gssCode} like 'W%')`),
    check("councils_centre_pair", sql`(${t.centreLatitude} is null) = (${t.centreLongitude} is null)`),
    check(
      "councils_centre_uk",
      sql`${t.centreLatitude} between 49.8 and 60.9 and ${t.centreLongitude} between -8.7 and 1.9`,
    ),
  ],
);

export type Council = typeof councils.$inferSelect;
