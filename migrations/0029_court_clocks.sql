-- Court clocks as suggested deadlines the legal team confirms (issue "A record a court can rely on",
-- part 3). The time limits a decision starts are worked out from the proceeding's own dates
-- (app/lib/court-clocks.ts), never stored; court_clock_decisions keeps only what the legal team
-- decided about one (confirmed, perhaps with the date the court directed, or dismissed), who and
-- when, and the day the clock ran from, so a corrected decision date makes it a suggestion again.
-- A confirmed clock is a deadline (deadline_source 'court_clock', so it can be marked done). A new
-- legal basis, a statutory challenge under s.288, says which cases challenge a decision. The table
-- is keyed with the tenant and has the tenant policy, grant and records-version trigger of every
-- council table (0006, 0014, 0022).
CREATE TYPE "public"."court_clock" AS ENUM('appellants_notice', 'judicial_review_claim', 'statutory_challenge', 'supreme_court_permission');--> statement-breakpoint
CREATE TYPE "public"."court_clock_decision" AS ENUM('confirmed', 'dismissed');--> statement-breakpoint
ALTER TYPE "public"."deadline_source" ADD VALUE 'court_clock';--> statement-breakpoint
ALTER TYPE "public"."legal_basis" ADD VALUE 's288_challenge' BEFORE 'enforcement_appeal';--> statement-breakpoint
CREATE TABLE "court_clock_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"proceeding_id" uuid NOT NULL,
	"clock" "court_clock" NOT NULL,
	"decision" "court_clock_decision" NOT NULL,
	"from_on" date NOT NULL,
	"directed_due_on" date,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "court_clock_decisions_directed_when_confirmed" CHECK ("court_clock_decisions"."directed_due_on" is null or "court_clock_decisions"."decision" = 'confirmed'),
	CONSTRAINT "court_clock_decisions_directed_after_from" CHECK ("court_clock_decisions"."directed_due_on" is null or "court_clock_decisions"."directed_due_on" >= "court_clock_decisions"."from_on")
);
--> statement-breakpoint
ALTER TABLE "court_clock_decisions" ADD CONSTRAINT "court_clock_decisions_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_clock_decisions" ADD CONSTRAINT "court_clock_decisions_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_clock_decisions" ADD CONSTRAINT "court_clock_decisions_proceeding_fk" FOREIGN KEY ("tenant_id","proceeding_id") REFERENCES "public"."proceedings"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "court_clock_decisions_tenant_id_idx" ON "court_clock_decisions" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "court_clock_decisions_key" ON "court_clock_decisions" USING btree ("tenant_id","proceeding_id","clock");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON court_clock_decisions TO app_tenant_user;
--> statement-breakpoint
ALTER TABLE court_clock_decisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY court_clock_decisions_tenant_isolation ON court_clock_decisions FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER court_clock_decisions_records_changed AFTER INSERT OR UPDATE OR DELETE ON court_clock_decisions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app_note_records_changed();
--> statement-breakpoint
CREATE TRIGGER court_clock_decisions_records_truncated AFTER TRUNCATE ON court_clock_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION app_note_all_records_changed();