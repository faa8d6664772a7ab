-- Row-level security for council boundaries (see 0001_tenant_isolation.sql and 0003 for
-- app_current_role()). Every member reads their own council's boundary; only its council admins
-- may add, replace or remove it. The councils table itself stays read-only to the application.
GRANT SELECT, INSERT, UPDATE, DELETE ON council_boundaries TO app_tenant_user;
--> statement-breakpoint
ALTER TABLE council_boundaries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY council_boundaries_tenant_read ON council_boundaries FOR SELECT TO app_tenant_user
  USING (tenant_id = app_current_tenant_id());
--> statement-breakpoint
CREATE POLICY council_boundaries_admin_insert ON council_boundaries FOR INSERT TO app_tenant_user
  WITH CHECK (tenant_id = app_current_tenant_id() AND app_current_role() = 'council_admin');
--> statement-breakpoint
CREATE POLICY council_boundaries_admin_update ON council_boundaries FOR UPDATE TO app_tenant_user
  USING (tenant_id = app_current_tenant_id() AND app_current_role() = 'council_admin')
  WITH CHECK (tenant_id = app_current_tenant_id() AND app_current_role() = 'council_admin');
--> statement-breakpoint
CREATE POLICY council_boundaries_admin_delete ON council_boundaries FOR DELETE TO app_tenant_user
  USING (tenant_id = app_current_tenant_id() AND app_current_role() = 'council_admin');
