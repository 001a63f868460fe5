CREATE TABLE "rollup_deputies" (
	"area_code" text NOT NULL,
	"dim" text DEFAULT '' NOT NULL,
	"dim_value" text,
	"month" date,
	"deputies_total" integer DEFAULT 0 NOT NULL,
	"deputies_covered" integer DEFAULT 0 NOT NULL,
	"reportback_required" integer DEFAULT 0 NOT NULL,
	"reportback_done" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_opinion_days" (
	"area_code" text NOT NULL,
	"dim" text DEFAULT '' NOT NULL,
	"dim_value" text,
	"month" date NOT NULL,
	"event_month" date NOT NULL,
	"days" integer NOT NULL,
	"opinions" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_opinions" (
	"area_code" text NOT NULL,
	"dim" text DEFAULT '' NOT NULL,
	"dim_value" text,
	"month" date NOT NULL,
	"event_month" date,
	"collected" integer DEFAULT 0 NOT NULL,
	"replied" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"timely" integer DEFAULT 0 NOT NULL,
	"evaluated" integer DEFAULT 0 NOT NULL,
	"satisfied_or_basic" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"overdue_from" integer DEFAULT 0 NOT NULL,
	"overdue_until" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_projects" (
	"area_code" text NOT NULL,
	"dim" text DEFAULT '' NOT NULL,
	"dim_value" text,
	"month" date NOT NULL,
	"projects" integer NOT NULL,
	"projects_completed" integer NOT NULL,
	"funds_allocated" numeric(18, 2) NOT NULL,
	"funds_spent" numeric(18, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_receptions" (
	"area_code" text NOT NULL,
	"dim" text DEFAULT '' NOT NULL,
	"dim_value" text,
	"month" date NOT NULL,
	"receptions" integer NOT NULL,
	"visitors" integer NOT NULL,
	"deputy_attendances" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_stations" (
	"area_code" text NOT NULL,
	"dim" text DEFAULT '' NOT NULL,
	"dim_value" text,
	"month" date,
	"built" integer DEFAULT 0 NOT NULL,
	"standardised" integer DEFAULT 0 NOT NULL,
	"standardised_planned_kinds" integer DEFAULT 0 NOT NULL,
	"seven" integer DEFAULT 0 NOT NULL,
	"townships_covered" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP TABLE "rollup_opinions_monthly" CASCADE;--> statement-breakpoint
DROP TABLE "rollup_projects_monthly" CASCADE;--> statement-breakpoint
DROP TABLE "rollup_receptions_monthly" CASCADE;--> statement-breakpoint
CREATE INDEX "rollup_deputies_area_idx" ON "rollup_deputies" USING btree ("area_code","dim","month");--> statement-breakpoint
CREATE INDEX "rollup_opinion_days_area_idx" ON "rollup_opinion_days" USING btree ("area_code","dim","month");--> statement-breakpoint
CREATE INDEX "rollup_opinions_area_idx" ON "rollup_opinions" USING btree ("area_code","dim","month");--> statement-breakpoint
CREATE INDEX "rollup_projects_area_idx" ON "rollup_projects" USING btree ("area_code","dim","month");--> statement-breakpoint
CREATE INDEX "rollup_receptions_area_idx" ON "rollup_receptions" USING btree ("area_code","dim","month");--> statement-breakpoint
CREATE INDEX "rollup_stations_area_idx" ON "rollup_stations" USING btree ("area_code","dim","month");--> statement-breakpoint
-- Stations, deputies, report-backs and plans now feed rollups too (stocks by area): their writes mark the
-- counties' rollups stale, as writes to the flows do.
DROP TRIGGER stations_version_insert ON stations;
--> statement-breakpoint
CREATE TRIGGER stations_version_insert AFTER INSERT ON stations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
DROP TRIGGER stations_version_update ON stations;
--> statement-breakpoint
CREATE TRIGGER stations_version_update AFTER UPDATE ON stations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
DROP TRIGGER stations_version_delete ON stations;
--> statement-breakpoint
CREATE TRIGGER stations_version_delete AFTER DELETE ON stations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
DROP TRIGGER stations_version_truncate ON stations;
--> statement-breakpoint
CREATE TRIGGER stations_version_truncate AFTER TRUNCATE ON stations
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
DROP TRIGGER deputies_version_insert ON deputies;
--> statement-breakpoint
CREATE TRIGGER deputies_version_insert AFTER INSERT ON deputies REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
DROP TRIGGER deputies_version_update ON deputies;
--> statement-breakpoint
CREATE TRIGGER deputies_version_update AFTER UPDATE ON deputies REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
DROP TRIGGER deputies_version_delete ON deputies;
--> statement-breakpoint
CREATE TRIGGER deputies_version_delete AFTER DELETE ON deputies REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
DROP TRIGGER deputies_version_truncate ON deputies;
--> statement-breakpoint
CREATE TRIGGER deputies_version_truncate AFTER TRUNCATE ON deputies
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
DROP TRIGGER reportbacks_version_insert ON reportbacks;
--> statement-breakpoint
CREATE TRIGGER reportbacks_version_insert AFTER INSERT ON reportbacks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
DROP TRIGGER reportbacks_version_update ON reportbacks;
--> statement-breakpoint
CREATE TRIGGER reportbacks_version_update AFTER UPDATE ON reportbacks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
DROP TRIGGER reportbacks_version_delete ON reportbacks;
--> statement-breakpoint
CREATE TRIGGER reportbacks_version_delete AFTER DELETE ON reportbacks REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
DROP TRIGGER reportbacks_version_truncate ON reportbacks;
--> statement-breakpoint
CREATE TRIGGER reportbacks_version_truncate AFTER TRUNCATE ON reportbacks
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
DROP TRIGGER plans_version_insert ON plans;
--> statement-breakpoint
CREATE TRIGGER plans_version_insert AFTER INSERT ON plans REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
DROP TRIGGER plans_version_update ON plans;
--> statement-breakpoint
CREATE TRIGGER plans_version_update AFTER UPDATE ON plans REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
DROP TRIGGER plans_version_delete ON plans;
--> statement-breakpoint
CREATE TRIGGER plans_version_delete AFTER DELETE ON plans REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
DROP TRIGGER plans_version_truncate ON plans;
--> statement-breakpoint
CREATE TRIGGER plans_version_truncate AFTER TRUNCATE ON plans
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('facts');
--> statement-breakpoint
-- The new tables start empty: every county is stale until refreshRollups rebuilds it (the server does at start).
UPDATE data_versions SET facts_version = facts_version + 1;
