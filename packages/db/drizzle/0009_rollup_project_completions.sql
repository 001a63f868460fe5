ALTER TABLE "rollup_projects" ADD COLUMN "event_month" date;--> statement-breakpoint
-- A project's completion now counts as at a period's end, by its month in the rollup: every county's rollups are
-- stale until the next start rebuilds them (catchUpRollups); meanwhile their figures come from the facts.
UPDATE data_versions SET version = version + 1, facts_version = facts_version + 1, changed_at = now();
