CREATE TABLE "region_boundaries" (
	"county_code" text PRIMARY KEY NOT NULL,
	"geojson" jsonb NOT NULL,
	"features" integer NOT NULL,
	"schematic" boolean DEFAULT false NOT NULL,
	"file_name" text,
	"file_sha256" text,
	"source" text NOT NULL,
	"user_id" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_boundaries_source_check" CHECK ("region_boundaries"."source" in ('file', 'cli')),
	CONSTRAINT "region_boundaries_features_check" CHECK ("region_boundaries"."features" > 0)
);
--> statement-breakpoint
ALTER TABLE "region_boundaries" ADD CONSTRAINT "region_boundaries_county_code_regions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_boundaries" ADD CONSTRAINT "region_boundaries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Hand-added after drizzle-kit's output (re-add if this file is regenerated): a boundary upload or delete bumps
-- its county's data version, so the API's data ETag on GET /regions/:county/boundary never answers a stale 304.
CREATE TRIGGER region_boundaries_version_insert AFTER INSERT ON region_boundaries REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('data');
--> statement-breakpoint
CREATE TRIGGER region_boundaries_version_update AFTER UPDATE ON region_boundaries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('data');
--> statement-breakpoint
CREATE TRIGGER region_boundaries_version_delete AFTER DELETE ON region_boundaries REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('data');
