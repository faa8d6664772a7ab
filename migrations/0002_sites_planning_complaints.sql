CREATE TYPE "public"."close_reason" AS ENUM('duplicate', 'not_a_planning_matter', 'permission_not_required', 'permission_previously_granted', 'other');--> statement-breakpoint
CREATE TYPE "public"."complaint_category" AS ENUM('planning_breach', 'noise', 'anti_social_behaviour', 'safety', 'other');--> statement-breakpoint
CREATE TYPE "public"."complaint_channel" AS ENUM('email', 'phone', 'web_form', 'councillor', 'mp', 'police', 'other');--> statement-breakpoint
CREATE TYPE "public"."complaint_status" AS ENUM('new', 'under_review', 'linked_to_enforcement', 'no_further_action', 'closed');--> statement-breakpoint
CREATE TYPE "public"."certificate_type" AS ENUM('existing_use_s191', 'proposed_use_s192');--> statement-breakpoint
CREATE TYPE "public"."period_unit" AS ENUM('days', 'months');--> statement-breakpoint
CREATE TYPE "public"."planning_decision" AS ENUM('granted', 'refused', 'certificate_granted', 'certificate_refused', 'allowed', 'dismissed', 'split', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."planning_record_kind" AS ENUM('planning_application', 'lawful_development_certificate', 'planning_contravention_notice', 'enforcement_notice', 'stop_notice', 'temporary_stop_notice', 'breach_of_condition_notice', 'enforcement_appeal', 'planning_appeal');--> statement-breakpoint
CREATE TYPE "public"."planning_status" AS ENUM('draft', 'open', 'complied', 'decided', 'withdrawn', 'closed');--> statement-breakpoint
CREATE TYPE "public"."contractor" AS ENUM('clearsprings_ready_homes', 'mears', 'serco', 'other', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."use_class" AS ENUM('c1_hotel', 'c2', 'c3', 'sui_generis_hostel', 'other');--> statement-breakpoint
CREATE TYPE "public"."site_status" AS ENUM('proposed', 'in_use', 'ceased', 'unknown');--> statement-breakpoint
CREATE TABLE "complainant_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"complaint_id" uuid NOT NULL,
	"name" text,
	"email" text,
	"phone" text,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"received_on" date NOT NULL,
	"channel" "complaint_channel" NOT NULL,
	"category" "complaint_category" NOT NULL,
	"summary" text NOT NULL,
	"details" text,
	"site_id" uuid,
	"status" "complaint_status" DEFAULT 'new' NOT NULL,
	"close_reason" "close_reason",
	"close_reason_other" text,
	"closed_by_user_id" uuid,
	"closed_at" timestamp with time zone,
	"duplicate_of_id" uuid,
	"planning_record_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "complaints_not_own_duplicate" CHECK ("complaints"."duplicate_of_id" is null or "complaints"."duplicate_of_id" <> "complaints"."id")
);
--> statement-breakpoint
CREATE TABLE "planning_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"kind" "planning_record_kind" NOT NULL,
	"reference" text,
	"status" "planning_status" DEFAULT 'open' NOT NULL,
	"description" text,
	"link_url" text,
	"received_on" date,
	"validated_on" date,
	"issued_on" date,
	"served_on" date,
	"displayed_on" date,
	"effective_on" date,
	"lodged_on" date,
	"started_on" date,
	"decided_on" date,
	"withdrawn_on" date,
	"decision" "planning_decision",
	"certificate_type" "certificate_type",
	"steps_required" text,
	"compliance_period" integer,
	"compliance_period_unit" "period_unit",
	"appealed" boolean DEFAULT false NOT NULL,
	"other_deadline_on" date,
	"other_deadline_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "planning_records_compliance_period_positive" CHECK ("planning_records"."compliance_period" > 0)
);
--> statement-breakpoint
CREATE TABLE "reference_counters" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"last_value" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "reference_counters_tenant_id_kind_pk" PRIMARY KEY("tenant_id","kind")
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"name" text NOT NULL,
	"address_line_1" text,
	"address_line_2" text,
	"town" text,
	"postcode" text,
	"uprn" text,
	"latitude" double precision,
	"longitude" double precision,
	"owner_name" text,
	"operator_name" text,
	"contractor" "contractor" DEFAULT 'unknown' NOT NULL,
	"contractor_other" text,
	"rooms" integer,
	"lawful_use" "use_class",
	"lawful_use_other" text,
	"use_complained_of" text,
	"status" "site_status" DEFAULT 'unknown' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "sites_uprn_format" CHECK ("sites"."uprn" ~ '^[0-9]{1,12}$'),
	CONSTRAINT "sites_latitude_uk" CHECK ("sites"."latitude" between 49.8 and 60.9),
	CONSTRAINT "sites_longitude_uk" CHECK ("sites"."longitude" between -8.7 and 1.9),
	CONSTRAINT "sites_rooms_positive" CHECK ("sites"."rooms" >= 0)
);
--> statement-breakpoint
CREATE TABLE "use_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"description" text,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "use_periods_order" CHECK ("use_periods"."ends_on" is null or "use_periods"."ends_on" >= "use_periods"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "reference_prefix" text;--> statement-breakpoint
-- Councils that exist already get the initials of their slug ("epping-forest" -> "EF").
UPDATE "councils" SET "reference_prefix" = rpad(upper((SELECT string_agg(left(part, 1), '') FROM regexp_split_to_table("slug", '-') AS part)), 2, 'X');--> statement-breakpoint
ALTER TABLE "councils" ALTER COLUMN "reference_prefix" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "complainant_contacts" ADD CONSTRAINT "complainant_contacts_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complainant_contacts" ADD CONSTRAINT "complainant_contacts_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_duplicate_of_id_complaints_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."complaints"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_planning_record_id_planning_records_id_fk" FOREIGN KEY ("planning_record_id") REFERENCES "public"."planning_records"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_records" ADD CONSTRAINT "planning_records_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_records" ADD CONSTRAINT "planning_records_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_counters" ADD CONSTRAINT "reference_counters_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_periods" ADD CONSTRAINT "use_periods_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_periods" ADD CONSTRAINT "use_periods_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "complainant_contacts_complaint_key" ON "complainant_contacts" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "complainant_contacts_tenant_id_idx" ON "complainant_contacts" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_tenant_reference_key" ON "complaints" USING btree ("tenant_id","reference");--> statement-breakpoint
CREATE INDEX "complaints_tenant_id_idx" ON "complaints" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "complaints_tenant_status_idx" ON "complaints" USING btree ("tenant_id","status","received_on");--> statement-breakpoint
CREATE INDEX "complaints_site_idx" ON "complaints" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "planning_records_tenant_id_idx" ON "planning_records" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "planning_records_site_idx" ON "planning_records" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "planning_records_tenant_status_idx" ON "planning_records" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "sites_tenant_reference_key" ON "sites" USING btree ("tenant_id","reference");--> statement-breakpoint
CREATE INDEX "sites_tenant_id_idx" ON "sites" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "sites_tenant_status_idx" ON "sites" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "use_periods_tenant_id_idx" ON "use_periods" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "use_periods_site_idx" ON "use_periods" USING btree ("site_id","starts_on");--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_reference_prefix_format" CHECK ("councils"."reference_prefix" ~ '^[A-Z]{2,4}$');