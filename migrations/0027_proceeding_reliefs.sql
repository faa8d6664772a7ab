-- Several kinds of relief per proceeding, each with its own outcome (issue "A record a court can
-- rely on", part 1): proceeding_reliefs replaces proceedings.relief_sought, which could name one
-- relief and had to borrow the proceeding's outcome. Each existing relief_sought becomes the
-- proceeding's first relief, with the proceeding's outcome where that outcome can be said of a
-- relief (granted, refused, continued, not continued, withdrawn), "refused" for a dismissed claim
-- (the relief it sought was not granted), and otherwise no outcome, which reads "not decided yet"
-- (an officer sets it from the judgment). A new kind, the interim declaration, is added before the
-- final one. The table is keyed with the tenant, has the tenant policy and grant of every council
-- table (0006, 0022) and the records-version trigger (0014), made after the copy so the copy raises
-- no version of its own. (No audit entries: like the column, this is a schema change.)
ALTER TYPE "public"."relief_kind" ADD VALUE 'interim_declaration' BEFORE 'declaration';--> statement-breakpoint
CREATE TABLE "proceeding_reliefs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"proceeding_id" uuid NOT NULL,
	"kind" "relief_kind" NOT NULL,
	"outcome" "outcome",
	"note" text,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proceeding_reliefs_outcome" CHECK (outcome is null or outcome in ('granted', 'refused', 'continued', 'not_continued', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "proceeding_reliefs" ADD CONSTRAINT "proceeding_reliefs_tenant_id_councils_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."councils"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proceeding_reliefs" ADD CONSTRAINT "proceeding_reliefs_proceeding_fk" FOREIGN KEY ("tenant_id","proceeding_id") REFERENCES "public"."proceedings"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proceeding_reliefs_tenant_id_idx" ON "proceeding_reliefs" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "proceeding_reliefs_proceeding_idx" ON "proceeding_reliefs" USING btree ("proceeding_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proceeding_reliefs_position_key" ON "proceeding_reliefs" USING btree ("proceeding_id","position");--> statement-breakpoint
INSERT INTO "proceeding_reliefs" ("tenant_id", "proceeding_id", "kind", "outcome", "position")
  SELECT p."tenant_id", p."id", p."relief_sought",
    CASE
      WHEN p."outcome" IN ('granted', 'refused', 'continued', 'not_continued', 'withdrawn') THEN p."outcome"
      WHEN p."outcome" = 'dismissed' THEN 'refused'::"outcome"
    END,
    0
  FROM "proceedings" p
  WHERE p."relief_sought" IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "proceedings" DROP COLUMN "relief_sought";
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON proceeding_reliefs TO app_tenant_user;
--> statement-breakpoint
ALTER TABLE proceeding_reliefs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY proceeding_reliefs_tenant_isolation ON proceeding_reliefs FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER proceeding_reliefs_records_changed AFTER INSERT OR UPDATE OR DELETE ON proceeding_reliefs
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app_note_records_changed();
--> statement-breakpoint
CREATE TRIGGER proceeding_reliefs_records_truncated AFTER TRUNCATE ON proceeding_reliefs
  FOR EACH STATEMENT EXECUTE FUNCTION app_note_all_records_changed();