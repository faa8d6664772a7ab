// A council's boundary, uploaded by its council admins as GeoJSON and drawn on its map. In a table
// of its own (not a column of councils) so row-level security can let a council's admins change
// their own boundary while the councils table stays read-only to the application.
import { sql } from "drizzle-orm";
import {
  check,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { BoundaryGeometry } from "../../app/lib/boundary";
import { createdAt, id, updatedAt, version } from "./columns";
import { tenantId } from "./tenant";
import { users } from "./users";

export const councilBoundaries = pgTable(
  "council_boundaries",
  {
    id: id(),
    tenantId: tenantId(),
    /** One Polygon or MultiPolygon in longitude and latitude, as checked by app/lib/boundary.ts. */
    geometry: jsonb("geometry").$type<BoundaryGeometry>().notNull(),
    /** SHA-256 of the geometry as stored, the ETag of the boundary's GeoJSON address. */
    geometrySha256: text("geometry_sha256").notNull(),
    minLongitude: doublePrecision("min_longitude").notNull(),
    minLatitude: doublePrecision("min_latitude").notNull(),
    maxLongitude: doublePrecision("max_longitude").notNull(),
    maxLatitude: doublePrecision("max_latitude").notNull(),
    centroidLatitude: doublePrecision("centroid_latitude").notNull(),
    centroidLongitude: doublePrecision("centroid_longitude").notNull(),
    positionCount: integer("position_count").notNull(),
    /** The size of the file as uploaded, in bytes. */
    fileSize: integer("file_size").notNull(),
    fileName: text("file_name"),
    uploadedByUserId: uuid("uploaded_by_user_id").references(() => users.id, { onDelete: "set null" }),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("council_boundaries_tenant_key").on(t.tenantId),
    check("council_boundaries_sha256_hex", sql`${t.geometrySha256} ~ '^[0-9a-f]{64}$'`),
    check(
      "council_boundaries_box_uk",
      sql`${t.minLatitude} >= 49.8 and ${t.maxLatitude} <= 60.9 and ${t.minLongitude} >= -8.7 and ${t.maxLongitude} <= 1.9 and ${t.minLatitude} <= ${t.maxLatitude} and ${t.minLongitude} <= ${t.maxLongitude}`,
    ),
    check("council_boundaries_positions", sql`${t.positionCount} between 4 and 100000`),
    check("council_boundaries_file_size", sql`${t.fileSize} between 1 and 2097152`),
  ],
);

export type CouncilBoundary = typeof councilBoundaries.$inferSelect;
