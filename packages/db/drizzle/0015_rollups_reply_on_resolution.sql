-- An opinion resolved without a reply date now counts as replied on its resolution (答复 comes before 办结), and one
-- the register marks 已答复 without a date as replied on its receipt: the rollups' reply counts change, so every
-- county's rollups are stale until the next start rebuilds them (catchUpRollups); meanwhile its figures come from
-- the facts, and cached answers (keyed by version) go.
UPDATE data_versions SET version = version + 1, facts_version = facts_version + 1, changed_at = now();
