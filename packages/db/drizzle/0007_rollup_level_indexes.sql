DROP INDEX "rollup_deputies_area_idx";--> statement-breakpoint
DROP INDEX "rollup_opinion_days_area_idx";--> statement-breakpoint
DROP INDEX "rollup_opinions_area_idx";--> statement-breakpoint
DROP INDEX "rollup_projects_area_idx";--> statement-breakpoint
DROP INDEX "rollup_receptions_area_idx";--> statement-breakpoint
DROP INDEX "rollup_stations_area_idx";--> statement-breakpoint
CREATE INDEX "rollup_deputies_level_idx" ON "rollup_deputies" USING btree (length("area_code"),"area_code","dim","month");--> statement-breakpoint
CREATE INDEX "rollup_opinion_days_level_idx" ON "rollup_opinion_days" USING btree (length("area_code"),"area_code","dim","month");--> statement-breakpoint
CREATE INDEX "rollup_opinions_level_idx" ON "rollup_opinions" USING btree (length("area_code"),"area_code","dim","month");--> statement-breakpoint
CREATE INDEX "rollup_projects_level_idx" ON "rollup_projects" USING btree (length("area_code"),"area_code","dim","month");--> statement-breakpoint
CREATE INDEX "rollup_receptions_level_idx" ON "rollup_receptions" USING btree (length("area_code"),"area_code","dim","month");--> statement-breakpoint
CREATE INDEX "rollup_stations_level_idx" ON "rollup_stations" USING btree (length("area_code"),"area_code","dim","month");