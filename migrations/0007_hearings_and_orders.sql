CREATE TABLE "court_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"proceeding_id" uuid NOT NULL,
	"made_on" date NOT NULL,
	"requires" text NOT NULL,
	"due_on" date,
	"due_at" time,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "court_orders_due_after_made" CHECK ("court_orders"."due_on" is null or "court_orders"."due_on" >= "court_orders"."made_on"),
	CONSTRAINT "court_orders_time_needs_date" CHECK ("court_orders"."due_at" is null or "court_orders"."due_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "hearings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"proceeding_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"starts_at" time,
	"kind" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "court_orders" ADD CONSTRAINT "court_orders_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_orders" ADD CONSTRAINT "court_orders_proceeding_id_proceedings_id_fk" FOREIGN KEY ("proceeding_id") REFERENCES "public"."proceedings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_proceeding_id_proceedings_id_fk" FOREIGN KEY ("proceeding_id") REFERENCES "public"."proceedings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "court_orders_tenant_id_idx" ON "court_orders" USING btree ("tenant_id","due_on");--> statement-breakpoint
CREATE INDEX "court_orders_proceeding_idx" ON "court_orders" USING btree ("proceeding_id");--> statement-breakpoint
CREATE INDEX "hearings_tenant_id_idx" ON "hearings" USING btree ("tenant_id","held_on");--> statement-breakpoint
CREATE INDEX "hearings_proceeding_idx" ON "hearings" USING btree ("proceeding_id");