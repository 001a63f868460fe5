import { sql } from 'drizzle-orm'
import { check, integer, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import { regions } from './regions.ts'

/** A county's targets for one year. Station and room targets are cumulative (the three-year plan's
 * milestone for that year's end); the report-back share is that year's share of the term (e.g. 30/30/40%). */
export const plans = pgTable(
  'plans',
  {
    countyCode: text()
      .notNull()
      .references(() => regions.code),
    year: integer().notNull(),
    stationsTarget: integer(),
    roomsTarget: integer(),
    reportbackShare: numeric({ precision: 5, scale: 4, mode: 'number' }),
    fundBudget: numeric({ precision: 14, scale: 2, mode: 'number' }),
    importBatchId: integer(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.year] }),
    check('plans_year_check', sql`${t.year} between 2000 and 2100`),
    check(
      'plans_targets_check',
      sql`coalesce(${t.stationsTarget}, 0) >= 0 and coalesce(${t.roomsTarget}, 0) >= 0`,
    ),
    check('plans_share_check', sql`${t.reportbackShare} between 0 and 1`),
    check('plans_budget_check', sql`${t.fundBudget} >= 0`),
  ],
)
