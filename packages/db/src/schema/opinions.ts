import { sql } from 'drizzle-orm'
import { bigint, boolean, check, date, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core'
import { oneOf } from './checks.ts'
import { deputies } from './deputies.ts'
import { evaluations, opinionCategories, opinionChannels, opinionRoutes, opinionStatuses } from './enums.ts'
import { placeColumns } from './place.ts'
import { stations } from './stations.ts'

/** 社情民意: one public opinion, from registration to resolution and evaluation. */
export const opinions = pgTable(
  'opinions',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    ...placeColumns(),
    stationId: integer()
      .notNull()
      .references(() => stations.id),
    deputyId: integer().references(() => deputies.id),
    /** 登记编号, unique inside the county. */
    registerNo: text().notNull(),
    receivedOn: date().notNull(),
    channel: text().notNull().default('in_station'),
    category: text().notNull().default('other'),
    /** Personal data: masked for every role but admin, never exported. */
    content: text(),
    status: text().notNull().default('collected'),
    route: text(),
    repliedOn: date(),
    resolvedOn: date(),
    evaluation: text(),
    crossRegion: boolean().notNull().default(false),
    importBatchId: integer(),
  },
  (t) => [
    unique('opinions_county_register_key').on(t.countyCode, t.registerNo),
    check('opinions_channel_check', oneOf(t.channel, opinionChannels)),
    check('opinions_category_check', oneOf(t.category, opinionCategories)),
    check('opinions_status_check', oneOf(t.status, opinionStatuses)),
    check('opinions_route_check', sql`${t.route} is null or ${oneOf(t.route, opinionRoutes)}`),
    check('opinions_evaluation_check', sql`${t.evaluation} is null or ${oneOf(t.evaluation, evaluations)}`),
    check('opinions_township_in_county', sql`left(${t.townshipCode}, 6) = ${t.countyCode}`),
    check(
      'opinions_replied_after_received',
      sql`${t.repliedOn} is null or ${t.repliedOn} >= ${t.receivedOn}`,
    ),
    check(
      'opinions_resolved_after_received',
      sql`${t.resolvedOn} is null or ${t.resolvedOn} >= ${t.receivedOn}`,
    ),
    // 办结 is a status and a date: one never without the other.
    check('opinions_resolved_status', sql`(${t.status} = 'resolved') = (${t.resolvedOn} is not null)`),
    check('opinions_evaluated_only_resolved', sql`${t.evaluation} is null or ${t.resolvedOn} is not null`),
    index('opinions_station_day_idx').on(t.stationId, t.receivedOn),
    index('opinions_county_day_idx').on(t.countyCode, t.receivedOn),
    index('opinions_open_idx').on(t.countyCode, t.receivedOn).where(sql`${t.resolvedOn} is null`),
  ],
)

/** The status history of an opinion: one row per step reached, so the funnel and days-to-resolve are computable. */
export const opinionEvents = pgTable(
  'opinion_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    opinionId: bigint({ mode: 'number' })
      .notNull()
      .references(() => opinions.id, { onDelete: 'cascade' }),
    countyCode: text().notNull(),
    status: text().notNull(),
    occurredOn: date().notNull(),
  },
  (t) => [
    unique('opinion_events_step_key').on(t.opinionId, t.status),
    check('opinion_events_status_check', oneOf(t.status, opinionStatuses)),
  ],
)
