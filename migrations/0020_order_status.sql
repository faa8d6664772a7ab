-- A court order's status (README, Decision 46): in force, varied, stayed, set aside, discharged,
-- complied with or expired, with the date it changed, the proceeding whose decision changed it and
-- a note; and timeline_events.no_longer_due, which marks the deadline of an order no longer live so
-- pages strike its date through. The proceeding is keyed with the tenant, so an order cannot name
-- another council's proceeding (hence the unique key on proceedings, made before the foreign key
-- that uses it). The new columns come under the tables' existing grants and row-level-security
-- policies (0008 and 0010 grant whole tables, not columns), so no grant or policy changes here.
CREATE TYPE "public"."order_status" AS ENUM('in_force', 'varied', 'stayed', 'set_aside', 'discharged', 'complied_with', 'expired');--> statement-breakpoint
ALTER TABLE "court_orders" ADD COLUMN "status" "order_status" DEFAULT 'in_force' NOT NULL;--> statement-breakpoint
ALTER TABLE "court_orders" ADD COLUMN "status_on" date;--> statement-breakpoint
ALTER TABLE "court_orders" ADD COLUMN "status_by_proceeding_id" uuid;--> statement-breakpoint
ALTER TABLE "court_orders" ADD COLUMN "status_note" text;--> statement-breakpoint
ALTER TABLE "timeline_events" ADD COLUMN "no_longer_due" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "proceedings" ADD CONSTRAINT "proceedings_tenant_id_id_key" UNIQUE("tenant_id","id");--> statement-breakpoint
ALTER TABLE "court_orders" ADD CONSTRAINT "court_orders_status_by_proceeding_fk" FOREIGN KEY ("tenant_id","status_by_proceeding_id") REFERENCES "public"."proceedings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_orders" ADD CONSTRAINT "court_orders_status_needs_date" CHECK ("court_orders"."status" = 'in_force' or "court_orders"."status_on" is not null);--> statement-breakpoint
ALTER TABLE "court_orders" ADD CONSTRAINT "court_orders_status_after_made" CHECK ("court_orders"."status_on" is null or "court_orders"."status_on" >= "court_orders"."made_on");