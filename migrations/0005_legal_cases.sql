CREATE TYPE "public"."case_status" AS ENUM('under_consideration', 'pre_action', 'issued', 'interim_relief_in_force', 'awaiting_trial', 'on_appeal', 'concluded');--> statement-breakpoint
CREATE TYPE "public"."court" AS ENUM('county_court', 'high_court_kb', 'planning_court', 'administrative_court', 'court_of_appeal_civil', 'supreme_court', 'other');--> statement-breakpoint
CREATE TYPE "public"."legal_basis" AS ENUM('s187b_injunction', 's222_lga_1972', 'judicial_review', 'enforcement_appeal', 'other');--> statement-breakpoint
CREATE TYPE "public"."outcome" AS ENUM('granted', 'refused', 'continued', 'not_continued', 'dismissed', 'allowed', 'set_aside', 'struck_out', 'withdrawn', 'adjourned', 'permission_granted', 'permission_refused');--> statement-breakpoint
CREATE TYPE "public"."party_kind" AS ENUM('council', 'hotel_owner', 'operator_or_contractor', 'home_secretary', 'resident', 'other');--> statement-breakpoint
CREATE TYPE "public"."party_role" AS ENUM('claimant', 'defendant', 'appellant', 'respondent', 'intervener', 'interested_party');--> statement-breakpoint
CREATE TYPE "public"."proceeding_kind" AS ENUM('interim_injunction_application', 'without_notice_application', 'return_date', 'trial_final_injunction', 'permission_to_appeal', 'appeal', 'judicial_review');--> statement-breakpoint
CREATE TYPE "public"."proceeding_relation" AS ENUM('appeal_from', 'permission_application_about');--> statement-breakpoint
CREATE TYPE "public"."relief_kind" AS ENUM('interim_injunction', 'final_injunction', 'declaration', 'other');--> statement-breakpoint
CREATE TABLE "legal_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"site_id" uuid,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"legal_basis" "legal_basis" NOT NULL,
	"legal_basis_other" text,
	"status" "case_status" DEFAULT 'under_consideration' NOT NULL,
	"decided_to_litigate_on" date,
	"decision_taken_by" text,
	"external_representatives" text,
	"privileged_notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proceeding_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"proceeding_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" "party_role" NOT NULL,
	"kind" "party_kind" NOT NULL,
	"joined_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proceedings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"parent_id" uuid,
	"relation" "proceeding_relation",
	"court" "court" NOT NULL,
	"court_other" text,
	"claim_number" text,
	"neutral_citation" text,
	"judge" text,
	"kind" "proceeding_kind" NOT NULL,
	"relief_sought" "relief_kind",
	"issued_on" date,
	"heard_on" date,
	"decided_on" date,
	"judgment_published_on" date,
	"outcome" "outcome",
	"summary" text,
	"key_factors" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "proceedings_parent_has_relation" CHECK (("proceedings"."parent_id" is null) = ("proceedings"."relation" is null)),
	CONSTRAINT "proceedings_not_own_parent" CHECK ("proceedings"."parent_id" is null or "proceedings"."parent_id" <> "proceedings"."id"),
	CONSTRAINT "proceedings_decided_after_issued" CHECK ("proceedings"."decided_on" is null or "proceedings"."issued_on" is null or "proceedings"."decided_on" >= "proceedings"."issued_on")
);
--> statement-breakpoint
ALTER TABLE "legal_cases" ADD CONSTRAINT "legal_cases_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_cases" ADD CONSTRAINT "legal_cases_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proceeding_parties" ADD CONSTRAINT "proceeding_parties_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proceeding_parties" ADD CONSTRAINT "proceeding_parties_proceeding_id_proceedings_id_fk" FOREIGN KEY ("proceeding_id") REFERENCES "public"."proceedings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proceedings" ADD CONSTRAINT "proceedings_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proceedings" ADD CONSTRAINT "proceedings_case_id_legal_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."legal_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proceedings" ADD CONSTRAINT "proceedings_parent_id_proceedings_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."proceedings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "legal_cases_tenant_reference_key" ON "legal_cases" USING btree ("tenant_id","reference");--> statement-breakpoint
CREATE INDEX "legal_cases_tenant_id_idx" ON "legal_cases" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "legal_cases_site_idx" ON "legal_cases" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "proceeding_parties_tenant_id_idx" ON "proceeding_parties" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "proceeding_parties_proceeding_idx" ON "proceeding_parties" USING btree ("proceeding_id");--> statement-breakpoint
CREATE INDEX "proceedings_tenant_id_idx" ON "proceedings" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "proceedings_case_idx" ON "proceedings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "proceedings_parent_idx" ON "proceedings" USING btree ("parent_id");