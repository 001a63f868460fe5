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
-- Stations, deputies, report-backs and plans now feed rollups too (stocks by area): every write to a data table
-- marks its counties' rollups stale, whichever argument its trigger was created with.
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE data_versions SET version = version + 1, facts_version = facts_version + 1, changed_at = now();
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO data_versions AS d (county_code, version, facts_version)
      SELECT DISTINCT county_code, 1, 1 FROM new_rows
      ON CONFLICT (county_code) DO UPDATE
      SET version = d.version + 1, facts_version = d.facts_version + 1, changed_at = now();
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO data_versions AS d (county_code, version, facts_version)
      SELECT DISTINCT county_code, 1, 1 FROM old_rows
      ON CONFLICT (county_code) DO UPDATE
      SET version = d.version + 1, facts_version = d.facts_version + 1, changed_at = now();
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- The new tables start empty: every county is stale until refreshRollups rebuilds it (the server does at start).
UPDATE data_versions SET facts_version = facts_version + 1;
