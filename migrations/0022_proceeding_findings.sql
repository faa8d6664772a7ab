-- The factors a court weighed, each with what it found (app/lib/legal-codes.ts findingDirections;
-- README, Decision 48). They replace proceedings.key_factors, a list of words that could not say
-- which way a factor went: each old factor is kept as a finding "not stated in the source", for an
-- officer to set from the judgment.
CREATE TYPE "public"."finding_direction" AS ENUM('for_council', 'against_council', 'not_present', 'noted', 'not_stated');--> statement-breakpoint
CREATE TABLE "proceeding_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"proceeding_id" uuid NOT NULL,
	"factor" text NOT NULL,
	"finding" "finding_direction" NOT NULL,
	"paragraph" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "proceeding_findings" ADD CONSTRAINT "proceeding_findings_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proceeding_findings" ADD CONSTRAINT "proceeding_findings_proceeding_id_proceedings_id_fk" FOREIGN KEY ("proceeding_id") REFERENCES "public"."proceedings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proceeding_findings_tenant_id_idx" ON "proceeding_findings" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "proceeding_findings_proceeding_idx" ON "proceeding_findings" USING btree ("proceeding_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proceeding_findings_factor_key" ON "proceeding_findings" USING btree ("proceeding_id","factor");--> statement-breakpoint
INSERT INTO "proceeding_findings" ("tenant_id", "proceeding_id", "factor", "finding")
  SELECT DISTINCT p."tenant_id", p."id", f.factor, 'not_stated'::finding_direction
  FROM "proceedings" p, unnest(p."key_factors") AS f(factor)
  WHERE btrim(f.factor) <> '';
--> statement-breakpoint
ALTER TABLE "proceedings" DROP COLUMN "key_factors";
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON proceeding_findings TO app_tenant_user;
--> statement-breakpoint
ALTER TABLE proceeding_findings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY proceeding_findings_tenant_isolation ON proceeding_findings FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER proceeding_findings_records_changed AFTER INSERT OR UPDATE OR DELETE ON proceeding_findings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app_note_records_changed();
--> statement-breakpoint
CREATE TRIGGER proceeding_findings_records_truncated AFTER TRUNCATE ON proceeding_findings
  FOR EACH STATEMENT EXECUTE FUNCTION app_note_all_records_changed();