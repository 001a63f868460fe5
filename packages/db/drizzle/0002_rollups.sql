CREATE TABLE "data_versions" (
	"county_code" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"facts_version" bigint DEFAULT 0 NOT NULL,
	"rolled_up" bigint DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_opinions_monthly" (
	"county_code" text NOT NULL,
	"township_code" text NOT NULL,
	"station_id" integer NOT NULL,
	"month" date NOT NULL,
	"category" text NOT NULL,
	"channel" text NOT NULL,
	"route" text,
	"status" text NOT NULL,
	"evaluation" text,
	"replied_month" date,
	"resolved_month" date,
	"opinions" integer NOT NULL,
	"timely" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_projects_monthly" (
	"county_code" text NOT NULL,
	"township_code" text NOT NULL,
	"month" date NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"projects" integer NOT NULL,
	"funds_allocated" numeric(16, 2) NOT NULL,
	"funds_spent" numeric(16, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_receptions_monthly" (
	"county_code" text NOT NULL,
	"township_code" text NOT NULL,
	"station_id" integer NOT NULL,
	"month" date NOT NULL,
	"kind" text NOT NULL,
	"receptions" integer NOT NULL,
	"visitors" integer NOT NULL,
	"deputy_attendances" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rollup_opinions_county_month_idx" ON "rollup_opinions_monthly" USING btree ("county_code","month");--> statement-breakpoint
CREATE INDEX "rollup_projects_county_month_idx" ON "rollup_projects_monthly" USING btree ("county_code","month");--> statement-breakpoint
CREATE INDEX "rollup_receptions_county_month_idx" ON "rollup_receptions_monthly" USING btree ("county_code","month");