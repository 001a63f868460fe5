-- The API keeps in memory what every request would otherwise ask the database: the counties' data versions and
-- the live sessions. These statement triggers tell it, when the writing transaction commits, that its copy may be
-- out of date (LISTEN data_versions and sessions; notifications of one transaction on one channel arrive once).
CREATE OR REPLACE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(TG_ARGV[0], '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER data_versions_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON data_versions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change('data_versions');
--> statement-breakpoint
-- A new session changes no other; a revoked, expired or deleted one does, and so does any change to its user
-- (disabled, another role or region, a new password).
CREATE TRIGGER sessions_notify AFTER UPDATE OR DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change('sessions');
--> statement-breakpoint
CREATE TRIGGER users_notify AFTER UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION notify_change('sessions');
