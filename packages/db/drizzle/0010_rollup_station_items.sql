ALTER TABLE "rollup_stations" ADD COLUMN "seven_venue" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rollup_stations" ADD COLUMN "seven_signage" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rollup_stations" ADD COLUMN "seven_equipment" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rollup_stations" ADD COLUMN "seven_info" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rollup_stations" ADD COLUMN "seven_rules" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rollup_stations" ADD COLUMN "seven_archives" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rollup_stations" ADD COLUMN "seven_records" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The stations rollup now counts each 七有 item: every county's rollups are stale until the next start rebuilds
-- them (catchUpRollups); meanwhile their figures come from the facts.
UPDATE data_versions SET version = version + 1, facts_version = facts_version + 1, changed_at = now();
