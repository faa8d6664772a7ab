-- The dashboard's recently changed sites and records: the latest five of the council without sorting
-- all of them.
CREATE INDEX "planning_records_tenant_updated_idx" ON "planning_records" USING btree ("tenant_id","updated_at");--> statement-breakpoint
CREATE INDEX "sites_tenant_updated_idx" ON "sites" USING btree ("tenant_id","updated_at");
