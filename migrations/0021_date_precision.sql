-- Past dates carry their precision (app/lib/partial-date.ts; README, Decision 47): periods of use,
-- timeline events and proceedings' issued, heard and decided dates. Existing rows are day-precise.
-- A period's end known only to the month or year may be stored before a start in the same month or year.
CREATE TYPE "public"."date_precision" AS ENUM('day', 'about_day', 'early_month', 'mid_month', 'late_month', 'month', 'year');--> statement-breakpoint
ALTER TABLE "use_periods" DROP CONSTRAINT "use_periods_order";--> statement-breakpoint
ALTER TABLE "proceedings" ADD COLUMN "issued_on_precision" date_precision DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "proceedings" ADD COLUMN "heard_on_precision" date_precision DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "proceedings" ADD COLUMN "decided_on_precision" date_precision DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "use_periods" ADD COLUMN "starts_on_precision" date_precision DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "use_periods" ADD COLUMN "ends_on_precision" date_precision DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "timeline_events" ADD COLUMN "occurred_on_precision" date_precision DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "use_periods" ADD CONSTRAINT "use_periods_order" CHECK ("use_periods"."ends_on" is null or "use_periods"."ends_on" >= "use_periods"."starts_on"
        or ("use_periods"."ends_on_precision" = 'year' and date_trunc('year', "use_periods"."ends_on") >= date_trunc('year', "use_periods"."starts_on"))
        or ("use_periods"."ends_on_precision" in ('early_month', 'mid_month', 'late_month', 'month')
          and date_trunc('month', "use_periods"."ends_on") >= date_trunc('month', "use_periods"."starts_on")));
