-- The access layer's own role (README, Decision 41). Sessions, the sign-in check and its throttle,
-- the guards' membership lookups and calendar-feed tokens run before any council scope exists;
-- they used to run as the owning role, which no policy restrains. app_auth reads and writes exactly
-- what they need and nothing of a council's records. Like the other scope roles it cannot log in,
-- does not bypass row-level security and inherits nothing; withAuth (app/server/access/) switches
-- to it with SET LOCAL ROLE.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_auth') THEN
    CREATE ROLE app_auth NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
  EXECUTE format('GRANT app_auth TO %I', current_user);
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO app_auth;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_current_user_id() TO app_auth;
--> statement-breakpoint
-- Sessions (the session code's own table, no row-level security): created, read, slid and ended.
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO app_auth;
--> statement-breakpoint
-- Who signs in: the password hash is read to check a password, never written here.
GRANT SELECT (id, email, name, password_hash, is_platform_admin, deactivated_at) ON users TO app_auth;
--> statement-breakpoint
CREATE POLICY users_auth_read ON users FOR SELECT TO app_auth
  USING (true);
--> statement-breakpoint
-- The sign-in throttle's attempts (no row-level security): reserved, settled and counted.
GRANT SELECT, INSERT, UPDATE ON sign_in_attempts TO app_auth;
--> statement-breakpoint
-- Which councils a person belongs to, and in which role: the guards' one question.
GRANT SELECT (id, slug, name) ON councils TO app_auth;
--> statement-breakpoint
CREATE POLICY councils_auth_read ON councils FOR SELECT TO app_auth
  USING (true);
--> statement-breakpoint
GRANT SELECT (id, tenant_id, user_id, role) ON memberships TO app_auth;
--> statement-breakpoint
CREATE POLICY memberships_auth_read ON memberships FOR SELECT TO app_auth
  USING (true);
--> statement-breakpoint
-- A calendar feed's secret address: its owner and council, looked up by the token's hash.
GRANT SELECT (tenant_id, user_id, token_hash) ON calendar_feeds TO app_auth;
--> statement-breakpoint
CREATE POLICY calendar_feeds_auth_read ON calendar_feeds FOR SELECT TO app_auth
  USING (true);
--> statement-breakpoint
-- Sign-ins and sign-outs go to the platform audit log (no council), about a person; nothing else,
-- and nothing is read back.
GRANT INSERT ON audit_events TO app_auth;
--> statement-breakpoint
CREATE POLICY audit_events_auth_write ON audit_events FOR INSERT TO app_auth
  WITH CHECK (
    tenant_id IS NULL
    AND entity_type = 'user'
    AND action IN ('sign_in.succeeded', 'sign_in.failed', 'sign_in.throttled', 'sign_out')
  );
