-- Statutory clocks of planning and enforcement records (app/lib/deadlines.ts; README, Decisions 15
-- and 16): each past date of a record gets its precision (Decision 47; existing rows are
-- day-precise); a planning application's category and an agreed extension; a stop notice's
-- statement of special reasons; the period a temporary stop notice or an enforcement warning notice
-- states; enforcement warning notices (s.172ZA, England) as a kind; "dismissed, the notice corrected
-- or varied" as an appeal decision. An enforcement appeal names the notice it appeals, and a stop
-- notice the notice it accompanies, by a key with the council and the site, so neither can name
-- another council's or another site's record (hence the two unique keys, made before the foreign
-- keys that use them). An enforcement notice's steps become rows of enforcement_notice_steps, each
-- with its own period (s.173(9)); the notice's single steps and period move there as step 1. The
-- `appealed` tick box gives way to the link: an unlinked enforcement appeal is linked to its site's
-- notice where the site has exactly one notice marked appealed and exactly one enforcement appeal;
-- any other notice marked appealed gets an enforcement appeal record of its own, undated and
-- pending, so the notice stays suspended (s.175(4)) until an officer records the appeal's dates and
-- decision. Then the column goes. The new values of the two enum types are not used in this
-- migration (PostgreSQL 15 cannot use an enum value in the transaction that adds it). The timeline
-- facts of existing records (their computed deadlines) are rewritten by the application the next
-- time a record of their site is saved (db/planning-timeline.ts); until then they are as before.
CREATE TYPE "public"."application_category" AS ENUM('householder', 'not_major', 'major', 'eia');--> statement-breakpoint
ALTER TYPE "public"."planning_decision" ADD VALUE 'varied' BEFORE 'withdrawn';--> statement-breakpoint
ALTER TYPE "public"."planning_record_kind" ADD VALUE 'enforcement_warning_notice';--> statement-breakpoint
CREATE TABLE "enforcement_notice_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"planning_record_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"steps" text,
	"compliance_period" integer,
	"compliance_period_unit" "period_unit",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enforcement_notice_steps_period_positive" CHECK ("enforcement_notice_steps"."compliance_period" > 0),
	CONSTRAINT "enforcement_notice_steps_period_unit" CHECK (("enforcement_notice_steps"."compliance_period" is null) = ("enforcement_notice_steps"."compliance_period_unit" is null)),
	CONSTRAINT "enforcement_notice_steps_not_empty" CHECK ("enforcement_notice_steps"."steps" is not null or "enforcement_notice_steps"."compliance_period" is not null),
	CONSTRAINT "enforcement_notice_steps_position_positive" CHECK ("enforcement_notice_steps"."position" > 0)
);
--> statement-breakpoint
ALTER TABLE "planning_records" ADD COLUMN "received_on_precision" date_precision DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "planning_records" ADD COLUMN "validated_on_precision" date_precision DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "planning_records" ADD COLUMN "issued_on_precision" date_precision DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "planning_records" ADD COLUMN "served_on_precision" date_precision DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "planning_records" ADD COLUMN "displayed_on_precision" date_precision DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "planning_records" ADD COLUMN "effective_on_precision" date_precision DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "planning_records" ADD COLUMN "lodged_on_precision" date_precision DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "planning_records" ADD COLUMN "started_on_precision" date_precision DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "planning_records" ADD COLUMN "decided_on_precision" date_precision DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "planning_records" ADD COLUMN "withdrawn_on_precision" date_precision DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE "planning_records" ADD COLUMN "application_category" "application_category";--> statement-breakpoint
ALTER TABLE "planning_records" ADD COLUMN "extended_to" date;--> statement-breakpoint
ALTER TABLE "planning_records" ADD COLUMN "enforcement_notice_id" uuid;--> statement-breakpoint
ALTER TABLE "planning_records" ADD COLUMN "special_reasons" text;--> statement-breakpoint
ALTER TABLE "planning_records" ADD COLUMN "stated_period" integer;--> statement-breakpoint
ALTER TABLE "planning_records" ADD COLUMN "stated_period_unit" "period_unit";--> statement-breakpoint
ALTER TABLE "planning_records" ADD CONSTRAINT "planning_records_tenant_id_id_key" UNIQUE("tenant_id","id");--> statement-breakpoint
ALTER TABLE "planning_records" ADD CONSTRAINT "planning_records_tenant_site_id_key" UNIQUE("tenant_id","site_id","id");--> statement-breakpoint
ALTER TABLE "enforcement_notice_steps" ADD CONSTRAINT "enforcement_notice_steps_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_notice_steps" ADD CONSTRAINT "enforcement_notice_steps_record_fk" FOREIGN KEY ("tenant_id","planning_record_id") REFERENCES "public"."planning_records"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enforcement_notice_steps_tenant_id_idx" ON "enforcement_notice_steps" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_notice_steps_position_key" ON "enforcement_notice_steps" USING btree ("planning_record_id","position");--> statement-breakpoint
ALTER TABLE "planning_records" ADD CONSTRAINT "planning_records_enforcement_notice_fk" FOREIGN KEY ("tenant_id","site_id","enforcement_notice_id") REFERENCES "public"."planning_records"("tenant_id","site_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "planning_records_enforcement_notice_idx" ON "planning_records" USING btree ("enforcement_notice_id");--> statement-breakpoint
ALTER TABLE "planning_records" ADD CONSTRAINT "planning_records_stated_period_positive" CHECK ("planning_records"."stated_period" > 0);--> statement-breakpoint
ALTER TABLE "planning_records" ADD CONSTRAINT "planning_records_notice_link_kinds" CHECK ("planning_records"."enforcement_notice_id" is null or ("planning_records"."kind" in ('enforcement_appeal', 'stop_notice') and "planning_records"."enforcement_notice_id" <> "planning_records"."id"));
--> statement-breakpoint
INSERT INTO "enforcement_notice_steps" ("tenant_id", "planning_record_id", "position", "steps", "compliance_period", "compliance_period_unit")
  SELECT "tenant_id", "id", 1, nullif(btrim("steps_required"), ''),
    CASE WHEN "compliance_period_unit" IS NOT NULL THEN "compliance_period" END,
    CASE WHEN "compliance_period" IS NOT NULL THEN "compliance_period_unit" END
  FROM "planning_records"
  WHERE "kind" = 'enforcement_notice'
    AND (nullif(btrim("steps_required"), '') IS NOT NULL OR ("compliance_period" IS NOT NULL AND "compliance_period_unit" IS NOT NULL));
--> statement-breakpoint
UPDATE "planning_records" SET "steps_required" = NULL, "compliance_period" = NULL, "compliance_period_unit" = NULL
  WHERE "kind" = 'enforcement_notice';
--> statement-breakpoint
UPDATE "planning_records" AS appeal SET "enforcement_notice_id" = notice."id"
  FROM "planning_records" AS notice
  WHERE appeal."kind" = 'enforcement_appeal' AND appeal."enforcement_notice_id" IS NULL
    AND notice."kind" = 'enforcement_notice' AND notice."appealed"
    AND notice."tenant_id" = appeal."tenant_id" AND notice."site_id" = appeal."site_id"
    AND (SELECT count(*) FROM "planning_records" AS other
         WHERE other."site_id" = notice."site_id" AND other."kind" = 'enforcement_notice' AND other."appealed") = 1
    AND (SELECT count(*) FROM "planning_records" AS other
         WHERE other."site_id" = appeal."site_id" AND other."kind" = 'enforcement_appeal') = 1;
--> statement-breakpoint
INSERT INTO "planning_records" ("tenant_id", "site_id", "kind", "status", "description", "enforcement_notice_id")
  SELECT notice."tenant_id", notice."site_id", 'enforcement_appeal', 'open',
    'Recorded when enforcement appeals became records of their own: the enforcement notice'
      || coalesce(' ' || notice."reference", '')
      || ' was marked as appealed. Add the appeal''s dates and decision.',
    notice."id"
  FROM "planning_records" AS notice
  WHERE notice."kind" = 'enforcement_notice' AND notice."appealed"
    AND NOT EXISTS (SELECT 1 FROM "planning_records" AS appeal WHERE appeal."enforcement_notice_id" = notice."id");
--> statement-breakpoint
-- The rows written above have raised the records version by deferred triggers (0014), and a table
-- with trigger events pending cannot be altered: fire them now.
SET CONSTRAINTS ALL IMMEDIATE;
--> statement-breakpoint
ALTER TABLE "planning_records" DROP COLUMN "appealed";
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON enforcement_notice_steps TO app_tenant_user;
--> statement-breakpoint
ALTER TABLE enforcement_notice_steps ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY enforcement_notice_steps_tenant_isolation ON enforcement_notice_steps FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER enforcement_notice_steps_records_changed AFTER INSERT OR UPDATE OR DELETE ON enforcement_notice_steps
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app_note_records_changed();
--> statement-breakpoint
CREATE TRIGGER enforcement_notice_steps_records_truncated AFTER TRUNCATE ON enforcement_notice_steps
  FOR EACH STATEMENT EXECUTE FUNCTION app_note_all_records_changed();