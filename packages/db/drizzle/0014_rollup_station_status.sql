CREATE TABLE "rollup_station_status" (
	"area_code" text NOT NULL,
	"dim" text DEFAULT '' NOT NULL,
	"dim_value" text,
	"month" date,
	"present" integer DEFAULT 0 NOT NULL,
	"built" integer DEFAULT 0 NOT NULL,
	"standardised" integer DEFAULT 0 NOT NULL,
	"standardised_planned_kinds" integer DEFAULT 0 NOT NULL,
	"seven" integer DEFAULT 0 NOT NULL,
	"seven_venue" integer DEFAULT 0 NOT NULL,
	"seven_signage" integer DEFAULT 0 NOT NULL,
	"seven_equipment" integer DEFAULT 0 NOT NULL,
	"seven_info" integer DEFAULT 0 NOT NULL,
	"seven_rules" integer DEFAULT 0 NOT NULL,
	"seven_archives" integer DEFAULT 0 NOT NULL,
	"seven_records" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rollup_station_status_level_idx" ON "rollup_station_status" USING btree (length("area_code"),"area_code","dim","month");--> statement-breakpoint
-- The new table is empty: every county's rollups are stale until the next start rebuilds them (catchUpRollups);
-- meanwhile its figures come from the facts.
UPDATE data_versions SET version = version + 1, facts_version = facts_version + 1, changed_at = now();
