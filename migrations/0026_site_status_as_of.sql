-- A site's status is stated as at a date (issue 13): the latest date a source confirms it, as precise as
-- that source. Existing sites get none ("date not recorded"): no date is inferred from when the row
-- last changed, which says when someone typed, not what a source confirmed.
ALTER TABLE "sites" ADD COLUMN "status_as_of" date;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "status_as_of_precision" date_precision DEFAULT 'day' NOT NULL;