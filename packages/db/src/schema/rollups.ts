import { sql } from 'drizzle-orm'
import { bigint, date, index, integer, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

// Monthly rollups of the fact tables (station × month and finer keys), read by packages/metrics for whole
// months of a period; maintained by `refreshRollups` (packages/metrics) inside every writing transaction.
// Column names match the fact tables' so the same dimension and scope SQL applies to both.

/** Receptions per station, month (first day) and kind. */
export const rollupReceptionsMonthly = pgTable(
  'rollup_receptions_monthly',
  {
    countyCode: text().notNull(),
    townshipCode: text().notNull(),
    stationId: integer().notNull(),
    month: date().notNull(),
    kind: text().notNull(),
    receptions: integer().notNull(),
    visitors: integer().notNull(),
    deputyAttendances: integer().notNull(),
  },
  (t) => [
    index('rollup_receptions_county_month_idx').on(t.countyCode, t.month),
    index('rollup_receptions_township_month_idx').on(t.townshipCode, t.month),
  ],
)

/**
 * Opinions per station and month of receipt, keyed further by everything a figure filters or breaks down by;
 * the months of reply and resolution let a period's end cut the cohort (resolved by `to`).
 */
export const rollupOpinionsMonthly = pgTable(
  'rollup_opinions_monthly',
  {
    countyCode: text().notNull(),
    townshipCode: text().notNull(),
    stationId: integer().notNull(),
    month: date().notNull(),
    category: text().notNull(),
    channel: text().notNull(),
    route: text(),
    status: text().notNull(),
    evaluation: text(),
    repliedMonth: date(),
    resolvedMonth: date(),
    opinions: integer().notNull(),
    /** Of these, resolved within the county's time limit (county_settings at the time of the refresh). */
    timely: integer().notNull(),
  },
  (t) => [
    index('rollup_opinions_county_month_idx').on(t.countyCode, t.month),
    index('rollup_opinions_township_month_idx').on(t.townshipCode, t.month),
  ],
)

/** Micro-projects per township, month of approval, category and status. Money in 元. */
export const rollupProjectsMonthly = pgTable(
  'rollup_projects_monthly',
  {
    countyCode: text().notNull(),
    townshipCode: text().notNull(),
    month: date().notNull(),
    category: text().notNull(),
    status: text().notNull(),
    projects: integer().notNull(),
    fundsAllocated: numeric({ precision: 16, scale: 2, mode: 'number' }).notNull(),
    fundsSpent: numeric({ precision: 16, scale: 2, mode: 'number' }).notNull(),
  },
  (t) => [
    index('rollup_projects_county_month_idx').on(t.countyCode, t.month),
    index('rollup_projects_township_month_idx').on(t.townshipCode, t.month),
  ],
)

/**
 * One row per county whose data ever changed. Statement triggers on the data tables bump `version` on every
 * write (the API's ETag) and `factsVersion` on writes to the rolled-up facts; `refreshRollups` copies
 * `factsVersion` into `rolledUp`. While `rolledUp < factsVersion` the county's figures come from the facts,
 * so a writer that forgot to refresh makes figures slower, never wrong.
 */
export const dataVersions = pgTable('data_versions', {
  countyCode: text().primaryKey(),
  version: bigint({ mode: 'number' }).notNull().default(0),
  factsVersion: bigint({ mode: 'number' }).notNull().default(0),
  rolledUp: bigint({ mode: 'number' }).notNull().default(0),
  changedAt: timestamp({ withTimezone: true }).notNull().default(sql`now()`),
})
