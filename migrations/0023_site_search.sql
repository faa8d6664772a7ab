-- Searching the sites register (app/server/council/search/record-search.server.ts): the postcode
-- upper case without spaces and the text a search's words are looked for in, both kept by the
-- database, and indexes for a whole UPRN and for a postcode whole or by its start. Columns, not
-- expression indexes: under row-level security an index takes only conditions made of leakproof
-- functions, and upper(), replace() and lower() are not.
ALTER TABLE "sites" ADD COLUMN "postcode_key" text GENERATED ALWAYS AS (upper(replace(postcode, ' ', ''))) STORED;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(reference || ' ' || name || ' ' || coalesce(address_line_1, '') || ' ' || coalesce(address_line_2, '') || ' ' || coalesce(town, '') || ' ' || replace(coalesce(postcode, ''), ' ', ''))) STORED;--> statement-breakpoint
CREATE INDEX "sites_tenant_uprn_idx" ON "sites" USING btree ("tenant_id","uprn");--> statement-breakpoint
CREATE INDEX "sites_tenant_postcode_key_idx" ON "sites" USING btree ("tenant_id","postcode_key" text_pattern_ops);