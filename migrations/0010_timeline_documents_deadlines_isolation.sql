-- Row-level security for documents, the timeline, deadline completions, calendar feeds and
-- privileged notes (see 0001_tenant_isolation.sql and 0003 for app_current_role()).
-- Privileged rows are hidden from viewers by the database as well as by the code.
GRANT SELECT, INSERT, UPDATE, DELETE ON documents, timeline_events, deadline_completions, calendar_feeds, privileged_notes TO app_tenant_user;
--> statement-breakpoint
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY documents_tenant_isolation ON documents FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id() AND (NOT privileged OR app_current_role() IN ('legal', 'officer', 'council_admin')))
  WITH CHECK (tenant_id = app_current_tenant_id() AND (NOT privileged OR app_current_role() IN ('legal', 'officer', 'council_admin')));
--> statement-breakpoint
ALTER TABLE timeline_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY timeline_events_tenant_isolation ON timeline_events FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id() AND (NOT privileged OR app_current_role() IN ('legal', 'officer', 'council_admin')))
  WITH CHECK (tenant_id = app_current_tenant_id() AND (NOT privileged OR app_current_role() IN ('legal', 'officer', 'council_admin')));
--> statement-breakpoint
ALTER TABLE deadline_completions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY deadline_completions_tenant_isolation ON deadline_completions FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id()) WITH CHECK (tenant_id = app_current_tenant_id());
--> statement-breakpoint
ALTER TABLE calendar_feeds ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A person sees and changes only their own feed address.
CREATE POLICY calendar_feeds_own ON calendar_feeds FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id() AND user_id = app_current_user_id())
  WITH CHECK (tenant_id = app_current_tenant_id() AND user_id = app_current_user_id());
--> statement-breakpoint
ALTER TABLE privileged_notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY privileged_notes_not_viewers ON privileged_notes FOR ALL TO app_tenant_user
  USING (tenant_id = app_current_tenant_id() AND app_current_role() IN ('legal', 'officer', 'council_admin'))
  WITH CHECK (tenant_id = app_current_tenant_id() AND app_current_role() IN ('legal', 'officer', 'council_admin'));
