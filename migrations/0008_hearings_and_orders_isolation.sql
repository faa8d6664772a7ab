-- Row-level security for hearings and court orders (see 0001_tenant_isolation.sql).
GRANT SELECT, INSERT, UPDATE, DELETE ON hearings, court_orders TO app_tenant_user;
--> statement-breakpoint
ALTER TABLE hearings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY hearings_tenant_isolation ON hearings FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());
--> statement-breakpoint
ALTER TABLE court_orders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY court_orders_tenant_isolation ON court_orders FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());
