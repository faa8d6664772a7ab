-- Row-level security for legal cases, proceedings and parties (see 0001_tenant_isolation.sql).
GRANT SELECT, INSERT, UPDATE, DELETE ON legal_cases, proceedings, proceeding_parties TO app_tenant_user;
--> statement-breakpoint
ALTER TABLE legal_cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY legal_cases_tenant_isolation ON legal_cases FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());
--> statement-breakpoint
ALTER TABLE proceedings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY proceedings_tenant_isolation ON proceedings FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());
--> statement-breakpoint
ALTER TABLE proceeding_parties ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY proceeding_parties_tenant_isolation ON proceeding_parties FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());
