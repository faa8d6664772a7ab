-- A party's role per proceeding with its date (issue "A record a court can rely on", part 2): a
-- role for someone who applied to be joined (or to intervene) and was refused, and the party's
-- date renamed from joined_on to role_on, because it is the day the role began or, for a refused
-- application, the day it was decided (app/lib/legal-codes.ts PARTY_ROLE_DATE_LABELS). Dates already
-- recorded were the day a party was joined, the day its role began: they keep their meaning. The
-- table's grant, policy and trigger (0006, 0014) are unchanged.
ALTER TYPE "public"."party_role" ADD VALUE 'joinder_refused';--> statement-breakpoint
ALTER TABLE "proceeding_parties" RENAME COLUMN "joined_on" TO "role_on";