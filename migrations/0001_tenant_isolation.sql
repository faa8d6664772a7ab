-- Row-level security: the second lock behind the application's own tenant filter.
-- Requests run as app_tenant_user (SET LOCAL ROLE inside withTenant), which is not the
-- table owner, so the policies below apply to it; the owner (migrations, sign-in,
-- platform administration) is not affected.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_tenant_user') THEN
    CREATE ROLE app_tenant_user NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('GRANT app_tenant_user TO %I', current_user);
END
$$;
--> statement-breakpoint
CREATE FUNCTION app_current_tenant_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE FUNCTION app_current_user_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO app_tenant_user;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_current_tenant_id(), app_current_user_id() TO app_tenant_user;
--> statement-breakpoint
-- A tenant sees its own council row only.
GRANT SELECT ON councils TO app_tenant_user;
--> statement-breakpoint
ALTER TABLE councils ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY councils_tenant_isolation ON councils FOR SELECT TO app_tenant_user
  USING (id = app_current_tenant_id());
--> statement-breakpoint
-- Users: only the members of the current council, and never the password hash.
GRANT SELECT (id, email, name, is_platform_admin, deactivated_at, created_at, updated_at, version)
  ON users TO app_tenant_user;
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY users_tenant_members ON users FOR SELECT TO app_tenant_user
  USING (EXISTS (
    SELECT 1 FROM memberships m
    WHERE m.user_id = users.id AND m.tenant_id = app_current_tenant_id()
  ));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON memberships TO app_tenant_user;
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY memberships_tenant_isolation ON memberships FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id())
  WITH CHECK (tenant_id = app_current_tenant_id());
--> statement-breakpoint
-- The audit trail is append-only for the application: no UPDATE or DELETE is granted.
GRANT SELECT, INSERT ON audit_events TO app_tenant_user;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_events_tenant_read ON audit_events FOR SELECT TO app_tenant_user
  USING (tenant_id = app_current_tenant_id());
--> statement-breakpoint
CREATE POLICY audit_events_tenant_write ON audit_events FOR INSERT TO app_tenant_user
  WITH CHECK (tenant_id = app_current_tenant_id() AND actor_user_id = app_current_user_id());
