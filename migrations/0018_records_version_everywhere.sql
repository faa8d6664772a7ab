-- Pages' data is now reused per council records version (app/server/council/records-data.server.ts),
-- so every table a council page shows must raise the version when it changes: the three council
-- tables the triggers of 0014 left out are added (deadlines marked done, complainants' contacts,
-- privileged notes), with the same deferred, once-per-transaction trigger.
DO $$
DECLARE
  record_table text;
BEGIN
  FOREACH record_table IN ARRAY ARRAY['deadline_completions', 'complainant_contacts', 'privileged_notes'] LOOP
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app_note_records_changed()',
      record_table || '_records_changed', record_table);
    EXECUTE format(
      'CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION app_note_all_records_changed()',
      record_table || '_records_truncated', record_table);
  END LOOP;
END
$$;
--> statement-breakpoint
-- The guards read a council's records version with the membership, in the same query, as app_auth:
-- a count of changes, nothing about what changed.
GRANT SELECT (tenant_id, version) ON council_record_versions TO app_auth;
--> statement-breakpoint
CREATE POLICY council_record_versions_auth_read ON council_record_versions FOR SELECT TO app_auth
  USING (true);
