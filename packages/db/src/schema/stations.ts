import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core'
import { nonNegative, oneOf } from './checks.ts'
import { stationKinds, stationStatuses } from './enums.ts'
import { placeColumns } from './place.ts'
import { regions } from './regions.ts'

export const stations = pgTable(
  'stations',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    ...placeColumns(),
    villageCode: text().references(() => regions.code),
    /** The county's own register code, unique inside the county. */
    code: text().notNull(),
    name: text().notNull(),
    kind: text().notNull(),
    status: text().notNull(),
    plannedYear: integer(),
    builtOn: date(),
    standardisedOn: date(),
    areaM2: numeric('area_m2', { precision: 8, scale: 1, mode: 'number' }),
    staffHeads: integer().notNull().default(0),
    staffDeputyHeads: integer().notNull().default(0),
    staffLiaisons: integer().notNull().default(0),
    // The seven-item standard 七有.
    hasVenue: boolean().notNull().default(false),
    hasSignage: boolean().notNull().default(false),
    hasEquipment: boolean().notNull().default(false),
    hasInfo: boolean().notNull().default(false),
    hasRules: boolean().notNull().default(false),
    hasArchives: boolean().notNull().default(false),
    hasRecords: boolean().notNull().default(false),
    importBatchId: integer(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('stations_county_code_key').on(t.countyCode, t.code),
    check('stations_kind_check', oneOf(t.kind, stationKinds)),
    check('stations_status_check', oneOf(t.status, stationStatuses)),
    check('stations_township_in_county', sql`left(${t.townshipCode}, 6) = ${t.countyCode}`),
    check(
      'stations_village_in_township',
      sql`${t.villageCode} is null or left(${t.villageCode}, 9) = ${t.townshipCode}`,
    ),
    check('stations_area_check', nonNegative(t.areaM2)),
    check(
      'stations_staff_check',
      sql`${t.staffHeads} >= 0 and ${t.staffDeputyHeads} >= 0 and ${t.staffLiaisons} >= 0`,
    ),
    check(
      'stations_standardised_after_built',
      sql`${t.standardisedOn} is null or ${t.builtOn} is null or ${t.standardisedOn} >= ${t.builtOn}`,
    ),
    check('stations_planned_year_check', sql`${t.plannedYear} between 2000 and 2100`),
    index('stations_township_idx').on(t.townshipCode),
  ],
)
