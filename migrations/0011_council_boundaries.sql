CREATE TABLE "council_boundaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"geometry" jsonb NOT NULL,
	"geometry_sha256" text NOT NULL,
	"min_longitude" double precision NOT NULL,
	"min_latitude" double precision NOT NULL,
	"max_longitude" double precision NOT NULL,
	"max_latitude" double precision NOT NULL,
	"centroid_latitude" double precision NOT NULL,
	"centroid_longitude" double precision NOT NULL,
	"position_count" integer NOT NULL,
	"file_size" integer NOT NULL,
	"file_name" text,
	"uploaded_by_user_id" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "council_boundaries_sha256_hex" CHECK ("council_boundaries"."geometry_sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "council_boundaries_box_uk" CHECK ("council_boundaries"."min_latitude" >= 49.8 and "council_boundaries"."max_latitude" <= 60.9 and "council_boundaries"."min_longitude" >= -8.7 and "council_boundaries"."max_longitude" <= 1.9 and "council_boundaries"."min_latitude" <= "council_boundaries"."max_latitude" and "council_boundaries"."min_longitude" <= "council_boundaries"."max_longitude"),
	CONSTRAINT "council_boundaries_positions" CHECK ("council_boundaries"."position_count" between 4 and 100000),
	CONSTRAINT "council_boundaries_file_size" CHECK ("council_boundaries"."file_size" between 1 and 2097152)
);
--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "centre_latitude" double precision;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "centre_longitude" double precision;--> statement-breakpoint
ALTER TABLE "council_boundaries" ADD CONSTRAINT "council_boundaries_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_boundaries" ADD CONSTRAINT "council_boundaries_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "council_boundaries_tenant_key" ON "council_boundaries" USING btree ("tenant_id");--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_centre_pair" CHECK (("councils"."centre_latitude" is null) = ("councils"."centre_longitude" is null));--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_centre_uk" CHECK ("councils"."centre_latitude" between 49.8 and 60.9 and "councils"."centre_longitude" between -8.7 and 1.9);