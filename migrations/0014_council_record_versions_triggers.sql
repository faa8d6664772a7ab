-- Each council's records version (council_record_versions) goes up once in every transaction that
-- changes any of its records in the tables below, whoever wrote them (the application, a seed, a
-- script); a TRUNCATE of one of them raises every council's. Reused responses are keyed on it, so
-- they are never older than the records they show.
--
-- The triggers are deferred to commit: a transaction takes its council's version row last, when it
-- holds every other lock it will need, so two transactions that each change one council cannot
-- deadlock over it, and versions rise in the order transactions commit. (Two transactions that each
-- change the same two councils, in opposite orders, could; the application changes one council per
-- transaction.) A transaction-local flag makes it one update per council per transaction, however
-- many rows it changes.
CREATE FUNCTION app_note_records_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
DECLARE
  changed_tenant uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
  flag text := 'app.records_changed_' || replace(changed_tenant::text, '-', '');
BEGIN
  IF current_setting(flag, true) = '1' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config(flag, '1', true);
  -- (Nothing to note for a council removed in the same transaction.)
  INSERT INTO council_record_versions AS v (tenant_id, version)
    SELECT changed_tenant, 1 WHERE EXISTS (SELECT 1 FROM councils WHERE id = changed_tenant)
    ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION app_note_all_records_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
BEGIN
  INSERT INTO council_record_versions AS v (tenant_id, version)
    SELECT id, 1 FROM councils
    ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DO $$
DECLARE
  record_table text;
BEGIN
  FOREACH record_table IN ARRAY ARRAY[
    'sites', 'use_periods', 'planning_records', 'complaints', 'legal_cases', 'proceedings',
    'proceeding_parties', 'hearings', 'court_orders', 'timeline_events', 'documents', 'council_boundaries'
  ] LOOP
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
-- The application reads its own council's version and never writes it (the triggers do).
GRANT SELECT ON council_record_versions TO app_tenant_user;
--> statement-breakpoint
ALTER TABLE council_record_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY council_record_versions_tenant_read ON council_record_versions FOR SELECT TO app_tenant_user
  USING (tenant_id = app_current_tenant_id());
