import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core'
import { oneOf } from './checks.ts'
import { deputyCategories, deputyLevels } from './enums.ts'
import { regions } from './regions.ts'
import { stations } from './stations.ts'

export const deputies = pgTable(
  'deputies',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    countyCode: text()
      .notNull()
      .references(() => regions.code),
    townshipCode: text().references(() => regions.code),
    stationId: integer().references(() => stations.id),
    code: text().notNull(),
    name: text().notNull(),
    level: text().notNull(),
    category: text().notNull().default('other'),
    groupName: text(),
    /** 届次, e.g. 第十八届. */
    term: text(),
    /** Personal data: masked for every role but admin. */
    phone: text(),
    importBatchId: integer(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('deputies_county_code_key').on(t.countyCode, t.code),
    check('deputies_level_check', oneOf(t.level, deputyLevels)),
    check('deputies_category_check', oneOf(t.category, deputyCategories)),
    check(
      'deputies_township_in_county',
      sql`${t.townshipCode} is null or left(${t.townshipCode}, 6) = ${t.countyCode}`,
    ),
    index('deputies_station_idx').on(t.stationId),
    index('deputies_township_idx').on(t.townshipCode),
  ],
)
