-- A council's nation (England or Wales) as a field of its own (issue 13): the statutory clocks differ
-- between the two, and the GSS code becomes optional, since some councils on record have none
-- verified. Existing councils take their nation from their code (W… is Wales, E… England), which
-- every existing row has. The demo's fictional council keeps no invented code (db/seed/demo.ts).
CREATE TYPE "public"."nation" AS ENUM('england', 'wales');--> statement-breakpoint
ALTER TABLE "councils" ALTER COLUMN "gss_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "nation" "nation";--> statement-breakpoint
UPDATE "councils" SET "nation" = CASE WHEN "gss_code" LIKE 'W%' THEN 'wales'::"nation" ELSE 'england'::"nation" END;--> statement-breakpoint
ALTER TABLE "councils" ALTER COLUMN "nation" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_gss_code_nation" CHECK ("councils"."gss_code" is null or ("councils"."nation" = 'wales') = ("councils"."gss_code" like 'W%'));--> statement-breakpoint
-- The public pages will say which nation's law a council's records follow.
GRANT SELECT (nation) ON councils TO app_public;
