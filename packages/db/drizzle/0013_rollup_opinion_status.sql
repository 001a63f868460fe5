CREATE TABLE "rollup_opinion_status" (
	"area_code" text NOT NULL,
	"dim" text DEFAULT '' NOT NULL,
	"dim_value" text,
	"month" date NOT NULL,
	"event_month" date NOT NULL,
	"collected" integer DEFAULT 0 NOT NULL,
	"replied" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"timely" integer DEFAULT 0 NOT NULL,
	"evaluated" integer DEFAULT 0 NOT NULL,
	"satisfied_or_basic" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rollup_opinion_status_level_idx" ON "rollup_opinion_status" USING btree (length("area_code"),"area_code","dim","month");--> statement-breakpoint
-- The new table is empty: every county's rollups are stale until the next start rebuilds them (catchUpRollups);
-- meanwhile its figures come from the facts.
UPDATE data_versions SET version = version + 1, facts_version = facts_version + 1, changed_at = now();
