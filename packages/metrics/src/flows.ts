// The flow sources (receptions, opinions, projects): whole months from the area rollups where they serve the
// query (area-reads.ts), partial edge months from the facts, so any date range is exact; otherwise the facts.
import type { DbOrTx } from '@liaison/db'
import { type SQL, sql } from 'drizzle-orm'
import { areaRead, monthEndCut } from './area-reads.ts'
import { rowsOf } from './db.ts'
import { type BaseRow, dimension, grouped, merge, type SourceSpec, sumRows, wants } from './grouping.ts'
import { percentileRows } from './percentiles.ts'
import { dayBefore, type PeriodSplit, splitPeriod } from './period.ts'
import {
  cohortMeasures,
  opinionDaysRollup,
  opinionStatusRollup,
  opinionStatusWhen,
  opinionsRollup,
  projectsRollup,
  type RollupTable,
  receptionsRollup,
  replyDay,
} from './rollup-tables.ts'
import { inRegion } from './scope.ts'

type Range = { from: string; to: string }
const rollup = (table: RollupTable) => sql.identifier(table.name)

/** Additive figures: the facts for each edge range, the rollup for the whole months. */
async function additive(
  db: DbOrTx,
  s: SourceSpec,
  table: RollupTable,
  facts: (range: Range) => Promise<BaseRow[]>,
  rolled: SQL,
): Promise<BaseRow[]> {
  const read = areaRead(s, table)
  const split = read ? splitPeriod(s.from, s.to) : null
  if (!read || !split?.months) return facts(s)
  const { first, last } = split.months
  const months = grouped(
    db,
    read.key,
    rolled,
    sql`from ${rollup(table)} r where ${read.where} and r.month between ${first} and ${last}`,
  )
  return sumRows(await Promise.all([...split.edges.map(facts), months]))
}

export const receptions = (db: DbOrTx, s: SourceSpec) =>
  additive(
    db,
    s,
    receptionsRollup,
    (range) =>
      grouped(
        db,
        dimension(s, 'r', 'occurred_on'),
        sql`count(*)::int as receptions, coalesce(sum(r.visitors), 0)::int as visitors,
            coalesce(sum(r.deputy_attendances), 0)::int as deputy_attendances`,
        sql`from receptions r where ${inRegion('r', s.region)} and r.occurred_on between ${range.from} and ${range.to}`,
      ),
    sql`coalesce(sum(r.receptions), 0)::int as receptions, coalesce(sum(r.visitors), 0)::int as visitors,
        coalesce(sum(r.deputy_attendances), 0)::int as deputy_attendances`,
  )

/** A project completed by `asOf` (one marked completed without a date: since its approval). */
const completedBy = (asOf: string) =>
  sql`p.status = 'completed' and coalesce(p.completed_on, p.approved_on) <= ${asOf}`

const projectCounts = (asOf: string) =>
  sql`count(*) filter (where p.status <> 'cancelled')::int as projects,
      count(*) filter (where ${completedBy(asOf)})::int as projects_completed,
      coalesce(sum(p.allocated) filter (where p.status <> 'cancelled'), 0)::float8 as funds_allocated,
      coalesce(sum(p.spent) filter (where p.status <> 'cancelled'), 0)::float8 as funds_spent`

/**
 * Projects approved in the period; completed, and their status, as at its end (a project completed later was
 * still being carried out then: 实施中). The rollup keys completions by month, so whole months serve a period
 * ending on a month's last day; a period ending inside a month reads the facts (projects are few).
 */
async function projectRows(db: DbOrTx, s: SourceSpec): Promise<BaseRow[]> {
  const facts = (range: Range) =>
    grouped(
      db,
      s.by === 'status'
        ? sql`case when p.status = 'completed' and not (${completedBy(s.to)}) then 'in_progress' else p.status end`
        : dimension(s, 'p', 'approved_on'),
      projectCounts(s.to),
      sql`from micro_projects p where ${inRegion('p', s.region)} and p.approved_on between ${range.from} and ${range.to}`,
    )
  const read = areaRead(s, projectsRollup)
  const split = read ? splitPeriod(s.from, s.to) : null
  if (!read || !split?.months || split.cut <= s.to) return facts(s)
  const { first, last } = split.months
  const later = sql`r.event_month >= ${split.cut}`
  const months = grouped(
    db,
    s.by === 'status'
      ? sql`case when r.dim_value = 'completed' and ${later} then 'in_progress' else r.dim_value end`
      : read.key,
    sql`coalesce(sum(r.projects), 0)::int as projects,
        coalesce(sum(r.projects_completed) filter (where not ${later}), 0)::int as projects_completed,
        coalesce(sum(r.funds_allocated), 0)::float8 as funds_allocated,
        coalesce(sum(r.funds_spent), 0)::float8 as funds_spent`,
    sql`from ${rollup(projectsRollup)} r where ${read.where} and r.month between ${first} and ${last}`,
  )
  return sumRows(await Promise.all([...split.edges.map(facts), months]))
}

/** Cancelled projects count in none of the figures: no row of zeros for them by status. */
export async function projects(db: DbOrTx, s: SourceSpec): Promise<BaseRow[]> {
  const rows = await projectRows(db, s)
  return s.by === 'status' ? rows.filter((r) => r.key !== 'cancelled') : rows
}

// The county's time limit, joined once (a subquery per opinion took 4 µs a row: most of a province's by-status read).
const limit = sql`coalesce(cs.timely_limit_days, 30)`
const replied = sql.raw(replyDay)
const withLimits = sql`from opinions o left join county_settings cs on cs.county_code = o.county_code`
const opinionFacts = (s: SourceSpec, range: Range) =>
  sql`${withLimits} where ${inRegion('o', s.region)} and o.received_on between ${range.from} and ${range.to}`

/** The cohort's counts as at `asOf` (the period's end), straight from the facts. */
const cohortCounts = (asOf: string) =>
  sql`count(*)::int as collected,
      count(*) filter (where ${replied} <= ${asOf})::int as replied,
      count(*) filter (where o.resolved_on <= ${asOf})::int as resolved,
      count(*) filter (where o.resolved_on <= ${asOf} and o.resolved_on - o.received_on <= ${limit})::int as timely,
      count(*) filter (where o.resolved_on <= ${asOf} and o.evaluation is not null)::int as evaluated,
      count(*) filter (where o.resolved_on <= ${asOf} and o.evaluation in ('satisfied', 'basic'))::int as satisfied_or_basic,
      count(*) filter (where o.resolved_on <= ${asOf} and o.evaluation = 'satisfied')::int as satisfied`

/** The cohort's counts of events (all but the collected). */
const eventMeasures = cohortMeasures.slice(1)

/** The same counts from a rollup: events in a month before `cut`. By status the collected too: an opinion moves
 * from one status to another at its events. */
function rolledCounts(cut: string, byStatus: boolean) {
  const before = (column: string) =>
    sql`coalesce(sum(r.${sql.raw(column)}) filter (where r.event_month < ${cut}), 0)::int as ${sql.raw(column)}`
  if (byStatus) return sql.join(cohortMeasures.map(before), sql`, `)
  return sql`coalesce(sum(r.collected), 0)::int as collected, ${sql.join(eventMeasures.map(before), sql`, `)}`
}

/** Whole-month cohorts replied or resolved between `cut` and `to` (a `to` inside a month), from the facts. */
const lateCounts = (cut: string, to: string) => {
  const resolved = sql`o.resolved_on between ${cut} and ${to}`
  return sql`count(*) filter (where ${replied} between ${cut} and ${to})::int as replied,
      count(*) filter (where ${resolved})::int as resolved,
      count(*) filter (where ${resolved} and o.resolved_on - o.received_on <= ${limit})::int as timely,
      count(*) filter (where ${resolved} and o.evaluation is not null)::int as evaluated,
      count(*) filter (where ${resolved} and o.evaluation in ('satisfied', 'basic'))::int as satisfied_or_basic,
      count(*) filter (where ${resolved} and o.evaluation = 'satisfied')::int as satisfied`
}

/** The facts' parts of a rollup read: the edge ranges (as at `to`) and, when `to` falls inside a month, the whole
 * months' cohorts resolved (replied) between the cut and `to`. */
function factParts(s: SourceSpec, split: PeriodSplit & { months: NonNullable<PeriodSplit['months']> }) {
  const late = sql`${opinionFacts(s, { from: split.months.first, to: split.months.lastDay })}
    and (${replied} between ${split.cut} and ${s.to} or o.resolved_on between ${split.cut} and ${s.to})`
  return { edges: split.edges.map((range) => opinionFacts(s, range)), late: split.cut <= s.to ? late : null }
}

async function cohort(db: DbOrTx, s: SourceSpec, key: SQL | null): Promise<BaseRow[]> {
  const byStatus = s.by === 'status'
  const table = byStatus ? opinionStatusRollup : opinionsRollup
  const read = areaRead(s, table)
  const split = read ? splitPeriod(s.from, s.to) : null
  if (!read || !split?.months) return grouped(db, key, cohortCounts(s.to), opinionFacts(s, s))
  const { first, last } = split.months
  const facts = factParts(s, { ...split, months: split.months })
  const parts = [
    ...facts.edges.map((from) => grouped(db, key, cohortCounts(s.to), from)),
    grouped(
      db,
      read.key,
      rolledCounts(split.cut, byStatus),
      sql`from ${rollup(table)} r where ${read.where} and r.month between ${first} and ${last}`,
    ),
  ]
  if (facts.late && byStatus) {
    // Those replied or resolved between the cut and `to` leave their status of the day before the cut for
    // their status at `to`.
    const before = dayBefore(split.cut)
    parts.push(
      grouped(db, key, cohortCounts(s.to), facts.late),
      grouped(db, opinionStatusAsOf(before), cohortCounts(before), facts.late).then(negated),
    )
  } else if (facts.late) parts.push(grouped(db, key, lateCounts(split.cut, s.to), facts.late))
  const rows = sumRows(await Promise.all(parts))
  // As from the facts: only the statuses some opinion has (the rollup's moves leave zeros behind).
  return byStatus ? rows.filter((r) => Number(r.collected) !== 0) : rows
}

/** Rows with every count's sign turned. */
const negated = (rows: BaseRow[]): BaseRow[] =>
  rows.map(
    (row) =>
      Object.fromEntries(
        Object.entries(row).map(([column, value]) => [
          column,
          column === 'key' || value === null ? value : -Number(value),
        ]),
      ) as BaseRow,
  )

/** Median and 90th percentile of days to resolve: exact from the day histograms (rollup whole months, facts at
 * the edges), or percentile_cont over the facts where the histograms do not serve the query. */
async function percentiles(db: DbOrTx, s: SourceSpec, key: SQL | null): Promise<BaseRow[]> {
  if (s.by === 'status' && s.rollups) {
    // Every opinion resolved by the period's end has the status 已办结: the period's own percentiles are that
    // status's (the histograms keep no status).
    const [all] = await percentiles(db, { ...s, by: undefined }, null)
    return all && all.median_days !== null ? [{ ...all, key: 'resolved' }] : []
  }
  const read = areaRead(s, opinionDaysRollup)
  const split = read ? splitPeriod(s.from, s.to) : null
  const days = sql`o.resolved_on - o.received_on`
  if (!read || !split?.months) {
    return grouped(
      db,
      key,
      sql`(percentile_cont(0.5) within group (order by ${days}) filter (where o.resolved_on <= ${s.to}))::float8 as median_days,
          (percentile_cont(0.9) within group (order by ${days}) filter (where o.resolved_on <= ${s.to}))::float8 as p90_days`,
      opinionFacts(s, s),
    )
  }
  type Bin = { key: string | null; days: number; n: number }
  const k = key ?? sql`null`
  const facts = factParts(s, { ...split, months: split.months })
  const histogram = (from: SQL, resolved: SQL) =>
    rowsOf<Bin>(
      db,
      sql`select ${k} as key, ${days} as days, count(*)::int as n ${from} and ${resolved} group by 1, 2`,
    )
  const parts = [
    ...facts.edges.map((from) => histogram(from, sql`o.resolved_on <= ${s.to}`)),
    rowsOf<Bin>(
      db,
      sql`select ${read.key ?? sql`null`} as key, r.days, sum(r.opinions)::int as n
          from ${rollup(opinionDaysRollup)} r where ${read.where}
          and r.month between ${split.months.first} and ${split.months.last} and r.event_month < ${split.cut}
          group by 1, 2`,
    ),
  ]
  if (facts.late) parts.push(histogram(facts.late, sql`o.resolved_on between ${split.cut} and ${s.to}`))
  return percentileRows((await Promise.all(parts)).flat())
}

/** The backlog: everything still open at the period's end, whenever it arrived, and of it the overdue. */
async function backlog(db: DbOrTx, s: SourceSpec, key: SQL | null): Promise<BaseRow[]> {
  const byStatus = s.by === 'status'
  const table = byStatus ? opinionStatusRollup : opinionsRollup
  const read = areaRead(s, table)
  const cut = monthEndCut(s.to)
  if (read && cut) {
    const before = (sum: string) =>
      sql`coalesce(sum(${sql.raw(sum)}) filter (where r.event_month < ${cut}), 0)`
    const rows = await grouped(
      db,
      read.key,
      byStatus
        ? sql`${before('r.collected - r.resolved')}::int as backlog, ${before('r.overdue')}::int as overdue`
        : sql`(coalesce(sum(r.collected), 0) - ${before('r.resolved')})::int as backlog,
            (${before('r.overdue_from')} - ${before('r.overdue_until')})::int as overdue`,
      sql`from ${rollup(table)} r where ${read.where} and r.month < ${cut}`,
    )
    // As from the facts: a breakdown lists only the values with something open.
    return s.by ? rows.filter((r) => Number(r.backlog) !== 0) : rows
  }
  return grouped(
    db,
    key,
    sql`count(*)::int as backlog, count(*) filter (where ${s.to}::date - o.received_on > ${limit})::int as overdue`,
    sql`${withLimits} where ${inRegion('o', s.region)} and o.received_on <= ${s.to}
        and (o.resolved_on is null or o.resolved_on > ${s.to})`,
  )
}

/** An opinion's (alias o) status at a date as its dates tell it (a later reply or resolution had not happened). */
const opinionStatusAsOf = (asOf: string) =>
  opinionStatusWhen(sql`o.resolved_on <= ${asOf}`, sql`${replied} <= ${asOf}`)

export async function opinions(db: DbOrTx, s: SourceSpec) {
  const key = s.by === 'status' ? opinionStatusAsOf(s.to) : dimension(s, 'o', 'received_on')
  // Medians and the backlog only when asked for: their histograms and history cost the most.
  const [c, p, b] = await Promise.all([
    cohort(db, s, key),
    wants(s, 'median_days_to_resolve', 'p90_days_to_resolve') ? percentiles(db, s, key) : [],
    wants(s, 'backlog', 'overdue') ? backlog(db, s, key) : [],
  ])
  return merge(merge(c, p), b)
}
