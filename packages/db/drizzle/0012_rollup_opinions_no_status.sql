-- The opinions rollup no longer keeps a breakdown by status (it was the register's status today, wrong for a past
-- period): by status, opinions are read from the facts as at the period's end. Its status rows go.
DELETE FROM rollup_opinions WHERE dim = 'status';
