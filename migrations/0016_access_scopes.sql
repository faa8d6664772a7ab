-- Three more audiences, each with its own role (README, Decision 41). Like app_tenant_user
-- (0001_tenant_isolation.sql) they cannot log in, do not bypass row-level security and inherit
-- nothing; the owning role switches to one with SET LOCAL ROLE inside withPlatform, withPublic and
-- withPrecedents (app/server/access/). Every policy below names its role, so none of the tenant
-- policies apply to them, and a table on which a role has no grant refuses it outright.
DO $$
DECLARE
  scope_role text;
BEGIN
  FOREACH scope_role IN ARRAY ARRAY['app_platform', 'app_public', 'app_precedent_reader'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = scope_role) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT', scope_role);
    END IF;
    EXECUTE format('GRANT %I TO %I', scope_role, current_user);
  END LOOP;
END
$$;
--> statement-breakpoint
-- app_precedent_reader (the cross-council library of precedents) gets only this: its tables come
-- with a later migration, and until then it may read nothing at all.
GRANT USAGE ON SCHEMA public TO app_platform, app_public, app_precedent_reader;
--> statement-breakpoint
-- app_platform: onboarding and platform administration. Councils, memberships and the platform's
-- own audit entries (those with no council); never a council's records, so no grant at all on
-- sites, complaints, legal cases, documents, timelines or deadlines.
GRANT SELECT, INSERT, UPDATE ON councils TO app_platform;
--> statement-breakpoint
CREATE POLICY councils_platform_all ON councils FOR ALL TO app_platform
  USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Every member of every council (the councils list counts them; onboarding adds the first admin).
GRANT SELECT, INSERT, UPDATE, DELETE ON memberships TO app_platform;
--> statement-breakpoint
CREATE POLICY memberships_platform_all ON memberships FOR ALL TO app_platform
  USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Who people are (for the audit log's actors and for memberships), never their password hashes.
GRANT SELECT (id, email, name, is_platform_admin, deactivated_at, created_at, updated_at, version)
  ON users TO app_platform;
--> statement-breakpoint
CREATE POLICY users_platform_read ON users FOR SELECT TO app_platform
  USING (true);
--> statement-breakpoint
-- A council's boundary is set when it is onboarded.
GRANT SELECT, INSERT, UPDATE, DELETE ON council_boundaries TO app_platform;
--> statement-breakpoint
CREATE POLICY council_boundaries_platform_all ON council_boundaries FOR ALL TO app_platform
  USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The platform audit log: entries with no council, read and appended (by the acting user); a
-- council's own audit trail stays out of reach, and no entry may be changed or deleted.
GRANT SELECT, INSERT ON audit_events TO app_platform;
--> statement-breakpoint
CREATE POLICY audit_events_platform_read ON audit_events FOR SELECT TO app_platform
  USING (tenant_id IS NULL);
--> statement-breakpoint
CREATE POLICY audit_events_platform_write ON audit_events FOR INSERT TO app_platform
  WITH CHECK (tenant_id IS NULL AND actor_user_id = app_current_user_id());
--> statement-breakpoint
-- app_public: the public pages, no session. Today only the councils' public names; a later
-- migration adds the rows a council has published.
GRANT SELECT (slug, name) ON councils TO app_public;
--> statement-breakpoint
CREATE POLICY councils_public_read ON councils FOR SELECT TO app_public
  USING (true);
