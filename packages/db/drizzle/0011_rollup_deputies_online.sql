-- A deputy assigned to an online station is no longer counted as covered (it has no premises, so it is never built):
-- every county's deputies rollup is stale until the next start rebuilds it (catchUpRollups); meanwhile its figures
-- come from the facts.
UPDATE data_versions SET version = version + 1, facts_version = facts_version + 1, changed_at = now();
