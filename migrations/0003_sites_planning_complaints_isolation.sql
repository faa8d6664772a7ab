-- Row-level security for the officer-workflow tables (see 0001_tenant_isolation.sql).
-- withTenant also sets app.role, so the complainant's contact details can be limited to the roles
-- that may see them: officers and council admins.
CREATE FUNCTION app_current_role() RETURNS text
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.role', true), '') $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_current_role() TO app_tenant_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON sites, use_periods, planning_records, complaints TO app_tenant_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON reference_counters TO app_tenant_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON complainant_contacts TO app_tenant_user;
--> statement-breakpoint
ALTER TABLE sites ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY sites_tenant_isolation ON sites FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());
--> statement-breakpoint
ALTER TABLE use_periods ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY use_periods_tenant_isolation ON use_periods FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());
--> statement-breakpoint
ALTER TABLE planning_records ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY planning_records_tenant_isolation ON planning_records FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());
--> statement-breakpoint
ALTER TABLE complaints ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY complaints_tenant_isolation ON complaints FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());
--> statement-breakpoint
ALTER TABLE reference_counters ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY reference_counters_tenant_isolation ON reference_counters FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());
--> statement-breakpoint
ALTER TABLE complainant_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY complainant_contacts_officers_only ON complainant_contacts FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id() AND app_current_role() IN ('officer', 'council_admin'))
  WITH CHECK (tenant_id = app_current_tenant_id() AND app_current_role() IN ('officer', 'council_admin'));
