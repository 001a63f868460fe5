import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { nonNegative, oneOf } from './checks.ts'
import { receptionKinds } from './enums.ts'
import { placeColumns } from './place.ts'
import { stations } from './stations.ts'

/** One reception or activity at a station (接待/走访/活动). County and township are copied from the station
 * so every fact row carries its county code (the partitioning key) and scope filters need no join. */
export const receptions = pgTable(
  'receptions',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    ...placeColumns(),
    stationId: integer()
      .notNull()
      .references(() => stations.id),
    occurredOn: date().notNull(),
    kind: text().notNull().default('in_station'),
    deputyAttendances: integer().notNull().default(0),
    visitors: integer().notNull().default(0),
    opinionsNoted: integer(),
    recordNo: text(),
    note: text(),
    importBatchId: integer(),
  },
  (t) => [
    check('receptions_kind_check', oneOf(t.kind, receptionKinds)),
    check('receptions_counts_check', sql`${t.deputyAttendances} >= 0 and ${t.visitors} >= 0`),
    check('receptions_opinions_check', nonNegative(t.opinionsNoted)),
    check('receptions_township_in_county', sql`left(${t.townshipCode}, 6) = ${t.countyCode}`),
    uniqueIndex('receptions_record_no_key')
      .on(t.countyCode, t.recordNo)
      .where(sql`${t.recordNo} is not null`),
    index('receptions_station_day_idx').on(t.stationId, t.occurredOn),
    index('receptions_county_day_idx').on(t.countyCode, t.occurredOn),
  ],
)
