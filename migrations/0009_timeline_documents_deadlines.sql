CREATE TYPE "public"."deadline_source" AS ENUM('planning_record', 'court_order', 'hearing');--> statement-breakpoint
CREATE TYPE "public"."document_kind" AS ENUM('judgment', 'order', 'notice', 'witness_statement', 'photograph', 'correspondence', 'report', 'other');--> statement-breakpoint
CREATE TYPE "public"."timeline_kind" AS ENUM('site', 'use', 'planning', 'complaint', 'case', 'proceeding', 'hearing', 'order', 'document', 'meeting', 'protest', 'correspondence', 'other');--> statement-breakpoint
CREATE TYPE "public"."visibility" AS ENUM('internal', 'public');--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deadline_completions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"source_type" "deadline_source" NOT NULL,
	"source_id" uuid NOT NULL,
	"deadline_key" text NOT NULL,
	"due_on" date NOT NULL,
	"note" text,
	"done_by_user_id" uuid,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"legal_case_id" uuid,
	"proceeding_id" uuid,
	"site_id" uuid,
	"planning_record_id" uuid,
	"complaint_id" uuid,
	"kind" "document_kind" NOT NULL,
	"title" text NOT NULL,
	"document_date" date,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"privileged" boolean DEFAULT false NOT NULL,
	"publishable" boolean DEFAULT false NOT NULL,
	"uploaded_by_user_id" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_one_parent" CHECK (num_nonnulls("documents"."legal_case_id", "documents"."proceeding_id", "documents"."site_id", "documents"."planning_record_id", "documents"."complaint_id") = 1),
	CONSTRAINT "documents_privileged_not_publishable" CHECK (not ("documents"."privileged" and "documents"."publishable")),
	CONSTRAINT "documents_sha256_hex" CHECK ("documents"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "documents_size_positive" CHECK ("documents"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "privileged_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"legal_case_id" uuid NOT NULL,
	"body" text NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timeline_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"site_id" uuid,
	"legal_case_id" uuid,
	"occurred_on" date NOT NULL,
	"occurred_at" time,
	"kind" timeline_kind NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"source_url" text,
	"visibility" "visibility" DEFAULT 'internal' NOT NULL,
	"privileged" boolean DEFAULT false NOT NULL,
	"subject_type" text,
	"subject_id" uuid,
	"record_path" text,
	"fact" text,
	"document_id" uuid,
	"sequence" bigint GENERATED ALWAYS AS IDENTITY (sequence name "timeline_events_sequence_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "timeline_events_has_home" CHECK ("timeline_events"."site_id" is not null or "timeline_events"."legal_case_id" is not null),
	CONSTRAINT "timeline_events_privileged_internal" CHECK (not ("timeline_events"."privileged" and "timeline_events"."visibility" = 'public')),
	CONSTRAINT "timeline_events_complaints_internal" CHECK (not ("timeline_events"."kind" = 'complaint' and "timeline_events"."visibility" = 'public')),
	CONSTRAINT "timeline_events_subject_pair" CHECK (("timeline_events"."subject_type" is null) = ("timeline_events"."subject_id" is null))
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_completions" ADD CONSTRAINT "deadline_completions_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_completions" ADD CONSTRAINT "deadline_completions_done_by_user_id_users_id_fk" FOREIGN KEY ("done_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_legal_case_id_legal_cases_id_fk" FOREIGN KEY ("legal_case_id") REFERENCES "public"."legal_cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_proceeding_id_proceedings_id_fk" FOREIGN KEY ("proceeding_id") REFERENCES "public"."proceedings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_planning_record_id_planning_records_id_fk" FOREIGN KEY ("planning_record_id") REFERENCES "public"."planning_records"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privileged_notes" ADD CONSTRAINT "privileged_notes_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privileged_notes" ADD CONSTRAINT "privileged_notes_legal_case_id_legal_cases_id_fk" FOREIGN KEY ("legal_case_id") REFERENCES "public"."legal_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privileged_notes" ADD CONSTRAINT "privileged_notes_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_events" ADD CONSTRAINT "timeline_events_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_events" ADD CONSTRAINT "timeline_events_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_events" ADD CONSTRAINT "timeline_events_legal_case_id_legal_cases_id_fk" FOREIGN KEY ("legal_case_id") REFERENCES "public"."legal_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_events" ADD CONSTRAINT "timeline_events_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_events" ADD CONSTRAINT "timeline_events_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_member_key" ON "calendar_feeds" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "deadline_completions_tenant_id_idx" ON "deadline_completions" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deadline_completions_key" ON "deadline_completions" USING btree ("tenant_id","source_type","source_id","deadline_key");--> statement-breakpoint
CREATE INDEX "documents_tenant_id_idx" ON "documents" USING btree ("tenant_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "documents_legal_case_idx" ON "documents" USING btree ("legal_case_id");--> statement-breakpoint
CREATE INDEX "documents_proceeding_idx" ON "documents" USING btree ("proceeding_id");--> statement-breakpoint
CREATE INDEX "documents_site_idx" ON "documents" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "documents_planning_record_idx" ON "documents" USING btree ("planning_record_id");--> statement-breakpoint
CREATE INDEX "documents_complaint_idx" ON "documents" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "privileged_notes_tenant_id_idx" ON "privileged_notes" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "privileged_notes_case_key" ON "privileged_notes" USING btree ("legal_case_id");--> statement-breakpoint
CREATE INDEX "timeline_events_site_idx" ON "timeline_events" USING btree ("tenant_id","site_id","occurred_on");--> statement-breakpoint
CREATE INDEX "timeline_events_case_idx" ON "timeline_events" USING btree ("tenant_id","legal_case_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "timeline_events_fact_key" ON "timeline_events" USING btree ("tenant_id","subject_type","subject_id","fact");--> statement-breakpoint
-- Privileged notes move to their own table (row-level security keeps them from viewers).
INSERT INTO "privileged_notes" ("tenant_id", "legal_case_id", "body", "updated_at")
  SELECT "tenant_id", "id", "privileged_notes", "updated_at" FROM "legal_cases"
  WHERE "privileged_notes" IS NOT NULL AND "privileged_notes" <> '';--> statement-breakpoint
ALTER TABLE "legal_cases" DROP COLUMN "privileged_notes";