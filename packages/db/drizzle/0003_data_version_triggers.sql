-- Every write to the data tables bumps its counties' data version (the API's ETag); writes to the rolled-up
-- facts (and to the timely limit the opinion rollup uses) also bump facts_version, which marks the county's
-- rollups stale until refreshRollups runs. Statement triggers with transition tables: one row per statement.
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  facts int := CASE WHEN TG_ARGV[0] = 'facts' THEN 1 ELSE 0 END;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE data_versions SET version = version + 1, facts_version = facts_version + facts, changed_at = now();
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO data_versions AS d (county_code, version, facts_version)
      SELECT DISTINCT county_code, 1, facts FROM new_rows
      ON CONFLICT (county_code) DO UPDATE
      SET version = d.version + 1, facts_version = d.facts_version + facts, changed_at = now();
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO data_versions AS d (county_code, version, facts_version)
      SELECT DISTINCT county_code, 1, facts FROM old_rows
      ON CONFLICT (county_code) DO UPDATE
      SET version = d.version + 1, facts_version = d.facts_version + facts, changed_at = now();
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER receptions_version_insert AFTER INSERT ON receptions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
CREATE TRIGGER receptions_version_update AFTER UPDATE ON receptions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
CREATE TRIGGER receptions_version_delete AFTER DELETE ON receptions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
CREATE TRIGGER receptions_version_truncate AFTER TRUNCATE ON receptions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
CREATE TRIGGER opinions_version_insert AFTER INSERT ON opinions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
CREATE TRIGGER opinions_version_update AFTER UPDATE ON opinions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
CREATE TRIGGER opinions_version_delete AFTER DELETE ON opinions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
CREATE TRIGGER opinions_version_truncate AFTER TRUNCATE ON opinions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
CREATE TRIGGER micro_projects_version_insert AFTER INSERT ON micro_projects REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
CREATE TRIGGER micro_projects_version_update AFTER UPDATE ON micro_projects REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
CREATE TRIGGER micro_projects_version_delete AFTER DELETE ON micro_projects REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
CREATE TRIGGER micro_projects_version_truncate AFTER TRUNCATE ON micro_projects
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
CREATE TRIGGER county_settings_version_insert AFTER INSERT ON county_settings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
CREATE TRIGGER county_settings_version_update AFTER UPDATE ON county_settings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
CREATE TRIGGER county_settings_version_delete AFTER DELETE ON county_settings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
CREATE TRIGGER county_settings_version_truncate AFTER TRUNCATE ON county_settings
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
CREATE TRIGGER stations_version_insert AFTER INSERT ON stations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('data');
--> statement-breakpoint
CREATE TRIGGER stations_version_update AFTER UPDATE ON stations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('data');
--> statement-breakpoint
CREATE TRIGGER stations_version_delete AFTER DELETE ON stations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('data');
--> statement-breakpoint
CREATE TRIGGER stations_version_truncate AFTER TRUNCATE ON stations
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('data');
--> statement-breakpoint
CREATE TRIGGER deputies_version_insert AFTER INSERT ON deputies REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('data');
--> statement-breakpoint
CREATE TRIGGER deputies_version_update AFTER UPDATE ON deputies REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('data');
--> statement-breakpoint
CREATE TRIGGER deputies_version_delete AFTER DELETE ON deputies REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('data');
--> statement-breakpoint
CREATE TRIGGER deputies_version_truncate AFTER TRUNCATE ON deputies
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('data');
--> statement-breakpoint
CREATE TRIGGER reportbacks_version_insert AFTER INSERT ON reportbacks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('data');
--> statement-breakpoint
CREATE TRIGGER reportbacks_version_update AFTER UPDATE ON reportbacks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('data');
--> statement-breakpoint
CREATE TRIGGER reportbacks_version_delete AFTER DELETE ON reportbacks REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('data');
--> statement-breakpoint
CREATE TRIGGER reportbacks_version_truncate AFTER TRUNCATE ON reportbacks
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('data');
--> statement-breakpoint
CREATE TRIGGER plans_version_insert AFTER INSERT ON plans REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('data');
--> statement-breakpoint
CREATE TRIGGER plans_version_update AFTER UPDATE ON plans REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('data');
--> statement-breakpoint
CREATE TRIGGER plans_version_delete AFTER DELETE ON plans REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('data');
--> statement-breakpoint
CREATE TRIGGER plans_version_truncate AFTER TRUNCATE ON plans
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('data');
