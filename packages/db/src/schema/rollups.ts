import { sql } from 'drizzle-orm'
import { bigint, date, index, integer, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

// Area rollups: the facts summed per area (county, city, province and the nation) and month, read by
// packages/metrics for city, province and national scopes (a county or a township reads its own indexed facts,
// which are small). Maintained by `refreshRollups` (packages/metrics) inside every writing transaction.
//
// Every table has the same key: `areaCode` is a county (6 digits), city (4), province (2) or '' for the nation
// (indexed by its length first, so the areas of one level under a region are one index range);
// `dim` names the breakdown the row belongs to ('' = the area's total; 'category', 'kind', … = one value of that
// dimension, in `dimValue`); `month` is the first day of a month. County rows hold totals only (dim = ''): they
// serve a city's by-county breakdown. Breakdowns by category and the like are kept from the city up.
//
// Flows (receptions, projects) are keyed by the month they happened. Opinions are keyed by the month of receipt
// and the month of an event (`eventMonth`: replied, resolved, became overdue), projects by the months of their
// approval and completion, so a period's end decides which events count; stocks (stations, deputies,
// report-backs) are keyed by the month a unit joined the count (built, covered, reported), with `month` null for
// what counts whatever the date (all deputies).

const key = {
  areaCode: text().notNull(),
  dim: text().notNull().default(''),
  dimValue: text(),
}

/** Receptions per area, month and (from the city up) kind. */
export const rollupReceptions = pgTable(
  'rollup_receptions',
  {
    ...key,
    month: date().notNull(),
    receptions: integer().notNull(),
    visitors: integer().notNull(),
    deputyAttendances: integer().notNull(),
  },
  (t) => [index('rollup_receptions_level_idx').on(sql`length(${t.areaCode})`, t.areaCode, t.dim, t.month)],
)

/** An opinion cohort's counts, which both opinion rollups keep (fresh builders for each table). */
const opinionCounts = () => ({
  collected: integer().notNull().default(0),
  replied: integer().notNull().default(0),
  resolved: integer().notNull().default(0),
  /** Of the resolved, within the county's time limit (county_settings at the time of the refresh). */
  timely: integer().notNull().default(0),
  evaluated: integer().notNull().default(0),
  satisfiedOrBasic: integer().notNull().default(0),
  satisfied: integer().notNull().default(0),
})

/**
 * Opinions per area, month of receipt and event month. The row with `eventMonth` null counts the opinions
 * received (`collected`); the others count events in `eventMonth`: replies, resolutions (with their timeliness
 * and evaluation), and the months an opinion became overdue and stopped being overdue. An opinion counts as
 * resolved by a period ending on a month's last day when its resolution month is not after it; the backlog at
 * a month's end is everything collected by then less everything resolved by then, and likewise the overdue.
 */
export const rollupOpinions = pgTable(
  'rollup_opinions',
  {
    ...key,
    month: date().notNull(),
    eventMonth: date(),
    ...opinionCounts(),
    overdueFrom: integer().notNull().default(0),
    overdueUntil: integer().notNull().default(0),
  },
  (t) => [index('rollup_opinions_level_idx').on(sql`length(${t.areaCode})`, t.areaCode, t.dim, t.month)],
)

/**
 * Opinions by their status at a month's end, from the city up: the status an opinion has (收集/上报/办理 as the
 * register holds it, 已答复, 已办结) changes with its reply and its resolution, so each opinion is a row of +1
 * in its month of receipt under its first status, and at each event a row moving its counts (−1 under the status
 * before, +1 under the status after). Summing the rows with `eventMonth` up to a month gives every opinion's
 * status, and the counts below, at that month's end. Counts may be negative in a row; their sums never are.
 */
export const rollupOpinionStatus = pgTable(
  'rollup_opinion_status',
  {
    ...key,
    month: date().notNull(),
    eventMonth: date().notNull(),
    ...opinionCounts(),
    /** Open past the county's time limit. */
    overdue: integer().notNull().default(0),
  },
  (t) => [
    index('rollup_opinion_status_level_idx').on(sql`length(${t.areaCode})`, t.areaCode, t.dim, t.month),
  ],
)

/** Days from receipt to resolution, exactly, per area (from the city up), month of receipt and month resolved:
 * the medians and 90th percentiles are read from these histograms. */
export const rollupOpinionDays = pgTable(
  'rollup_opinion_days',
  {
    ...key,
    month: date().notNull(),
    eventMonth: date().notNull(),
    days: integer().notNull(),
    opinions: integer().notNull(),
  },
  (t) => [index('rollup_opinion_days_level_idx').on(sql`length(${t.areaCode})`, t.areaCode, t.dim, t.month)],
)

/** Micro-projects per area, month of approval and (from the city up) category or status. Money in 元;
 * projects and money leave cancelled projects out, as the figures do. */
export const rollupProjects = pgTable(
  'rollup_projects',
  {
    ...key,
    month: date().notNull(),
    /** The month a completed project was completed (null: not completed). */
    eventMonth: date(),
    projects: integer().notNull(),
    projectsCompleted: integer().notNull(),
    fundsAllocated: numeric({ precision: 18, scale: 2, mode: 'number' }).notNull(),
    fundsSpent: numeric({ precision: 18, scale: 2, mode: 'number' }).notNull(),
  },
  (t) => [index('rollup_projects_level_idx').on(sql`length(${t.areaCode})`, t.areaCode, t.dim, t.month)],
)

/** The station counts both station rollups keep (fresh builders for each table). */
const stationCounts = () => ({
  built: integer().notNull().default(0),
  standardised: integer().notNull().default(0),
  standardisedPlannedKinds: integer().notNull().default(0),
  seven: integer().notNull().default(0),
  // Each item of 七有 on its own (stations built that meet it), for compliance per item.
  sevenVenue: integer().notNull().default(0),
  sevenSignage: integer().notNull().default(0),
  sevenEquipment: integer().notNull().default(0),
  sevenInfo: integer().notNull().default(0),
  sevenRules: integer().notNull().default(0),
  sevenArchives: integer().notNull().default(0),
  sevenRecords: integer().notNull().default(0),
})

/** Stations and rooms per area, by the month they were built or standardised (and the month a township got
 * its first built 联络站); kind from the county up. */
export const rollupStations = pgTable(
  'rollup_stations',
  {
    ...key,
    month: date(),
    ...stationCounts(),
    townshipsCovered: integer().notNull().default(0),
  },
  (t) => [index('rollup_stations_level_idx').on(sql`length(${t.areaCode})`, t.areaCode, t.dim, t.month)],
)

/**
 * Stations and rooms by their status at a month's end (建设中 or 规划 as the register has it, 已建成, 已规范化), per
 * county and summed upwards: each station is a row of +1 under its first status (`month` null: whatever the date)
 * and, in the months it was built and standardised, a row moving its counts from its status before to its status
 * after. Summing the rows up to a month gives every station's status, and the counts below, at that month's end.
 */
export const rollupStationStatus = pgTable(
  'rollup_station_status',
  {
    ...key,
    month: date(),
    /** Stations and rooms of the status (with premises or not). */
    present: integer().notNull().default(0),
    ...stationCounts(),
  },
  (t) => [
    index('rollup_station_status_level_idx').on(sql`length(${t.areaCode})`, t.areaCode, t.dim, t.month),
  ],
)

/** Deputies per area (month null) and by the month their station was built (covered); level and category
 * from the county up. Report-backs: deputies required (month null) and the month of each deputy's first
 * report-back in the county's term window. */
export const rollupDeputies = pgTable(
  'rollup_deputies',
  {
    ...key,
    month: date(),
    deputiesTotal: integer().notNull().default(0),
    deputiesCovered: integer().notNull().default(0),
    reportbackRequired: integer().notNull().default(0),
    reportbackDone: integer().notNull().default(0),
  },
  (t) => [index('rollup_deputies_level_idx').on(sql`length(${t.areaCode})`, t.areaCode, t.dim, t.month)],
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
