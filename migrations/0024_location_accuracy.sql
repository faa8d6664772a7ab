-- How accurate a site's point is, as a field rather than free text (issue 13): from the address or
-- surveyed, the postcode's centre, the town's centre, or approximate; set exactly when there is a
-- point, as the check says. Existing points are backfilled simply, from the free-text location_note:
-- "town" where the note plainly says the point is a town's centre ("town centre", "centre of the
-- town", or the demo's own "Approximate: Epping town, not the hotel's position"), otherwise
-- "approximate", the least a point can claim. Nothing is inferred from the coordinates; officers
-- correct the accuracy on the site form. (No audit entries: like the column, this is a schema change.)
CREATE TYPE "public"."location_accuracy" AS ENUM('address', 'postcode', 'town', 'approximate');--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "location_accuracy" "location_accuracy";--> statement-breakpoint
-- The sites' records-changed trigger (0014) is deferred to commit, and a table with trigger events
-- still pending cannot be altered: it fires at the end of the backfill instead, then defers again.
SET CONSTRAINTS "sites_records_changed" IMMEDIATE;--> statement-breakpoint
UPDATE "sites" SET "location_accuracy" = CASE
    WHEN "location_note" ~* 'town cent(re|er)|cent(re|er) of (the )?town|^approximate: [^,]* town,' THEN 'town'::"location_accuracy"
    ELSE 'approximate'::"location_accuracy"
  END
  WHERE "latitude" IS NOT NULL OR "longitude" IS NOT NULL;--> statement-breakpoint
SET CONSTRAINTS "sites_records_changed" DEFERRED;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_location_accuracy_with_point" CHECK (("sites"."latitude" is null and "sites"."longitude" is null) = ("sites"."location_accuracy" is null));
