import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core'
import { deputies } from './deputies.ts'
import { regions } from './regions.ts'

/** 代表述职: a deputy reporting back to their voters. */
export const reportbacks = pgTable(
  'reportbacks',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    countyCode: text()
      .notNull()
      .references(() => regions.code),
    townshipCode: text().references(() => regions.code),
    deputyId: integer()
      .notNull()
      .references(() => deputies.id),
    heldOn: date().notNull(),
    venue: text(),
    votersAttending: integer(),
    votesSatisfied: integer().notNull().default(0),
    votesBasic: integer().notNull().default(0),
    votesUnsatisfied: integer().notNull().default(0),
    importBatchId: integer(),
  },
  (t) => [
    unique('reportbacks_deputy_day_key').on(t.deputyId, t.heldOn),
    check(
      'reportbacks_counts_check',
      sql`coalesce(${t.votersAttending}, 0) >= 0 and ${t.votesSatisfied} >= 0 and ${t.votesBasic} >= 0 and ${t.votesUnsatisfied} >= 0`,
    ),
    index('reportbacks_county_day_idx').on(t.countyCode, t.heldOn),
  ],
)
