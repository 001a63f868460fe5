// The flow sources (receptions, opinions, projects): whole months from the monthly rollups, partial edge months
// from the facts, so any date range is exact; straight from the facts when the rollups are not current.
import type { DbOrTx } from '@liaison/db'
import { type SQL, sql } from 'drizzle-orm'
import { type BaseRow, dimension, grouped, merge, type SourceSpec, sumRows } from './grouping.ts'
import { splitPeriod } from './period.ts'
import { inRegion } from './scope.ts'

type Range = { from: string; to: string }

/** Additive parts: the fact query for each edge range and the rollup query for the whole months. */
async function additive(
  s: SourceSpec,
  facts: (range: Range) => Promise<BaseRow[]>,
  rolled: (first: string, last: string) => Promise<BaseRow[]>,
): Promise<BaseRow[]> {
  const split = s.rollups ? splitPeriod(s.from, s.to) : null
  if (!split?.months) return facts(s)
  const { first, last } = split.months
  return sumRows(await Promise.all([...split.edges.map(facts), rolled(first, last)]))
}

export const receptions = (db: DbOrTx, s: SourceSpec) =>
  additive(
    s,
    (range) =>
      grouped(
        db,
        dimension(s.by, 'r', 'occurred_on'),
        sql`count(*)::int as receptions, coalesce(sum(r.visitors), 0)::int as visitors,
            coalesce(sum(r.deputy_attendances), 0)::int as deputy_attendances`,
        sql`from receptions r where ${inRegion('r', s.region)} and r.occurred_on between ${range.from} and ${range.to}`,
      ),
    (first, last) =>
      grouped(
        db,
        dimension(s.by, 'r', 'month'),
        sql`coalesce(sum(r.receptions), 0)::int as receptions, coalesce(sum(r.visitors), 0)::int as visitors,
            coalesce(sum(r.deputy_attendances), 0)::int as deputy_attendances`,
        sql`from rollup_receptions_monthly r where ${inRegion('r', s.region)} and r.month between ${first} and ${last}`,
      ),
  )

const limit = sql`coalesce((select timely_limit_days from county_settings cs where cs.county_code = o.county_code), 30)`
const opinionFacts = (s: SourceSpec, range: Range) =>
  sql`from opinions o where ${inRegion('o', s.region)} and o.received_on between ${range.from} and ${range.to}`

/** The cohort's counts as at `asOf` (the period's end), straight from the facts. */
const cohortCounts = (asOf: string) =>
  sql`count(*)::int as collected,
      count(*) filter (where o.replied_on <= ${asOf})::int as replied,
      count(*) filter (where o.resolved_on <= ${asOf})::int as resolved,
      count(*) filter (where o.resolved_on <= ${asOf} and o.resolved_on - o.received_on <= ${limit})::int as timely,
      count(*) filter (where o.resolved_on <= ${asOf} and o.evaluation is not null)::int as evaluated,
      count(*) filter (where o.resolved_on <= ${asOf} and o.evaluation in ('satisfied', 'basic'))::int as satisfied_or_basic,
      count(*) filter (where o.resolved_on <= ${asOf} and o.evaluation = 'satisfied')::int as satisfied`

/** The same counts from the rollup: resolved (replied) in a month before `cut`. */
const rolledCounts = (cut: string) => {
  const n = (filter: SQL) => sql`coalesce(sum(o.opinions) filter (where ${filter}), 0)::int`
  return sql`coalesce(sum(o.opinions), 0)::int as collected,
      ${n(sql`o.replied_month < ${cut}`)} as replied,
      ${n(sql`o.resolved_month < ${cut}`)} as resolved,
      coalesce(sum(o.timely) filter (where o.resolved_month < ${cut}), 0)::int as timely,
      ${n(sql`o.resolved_month < ${cut} and o.evaluation is not null`)} as evaluated,
      ${n(sql`o.resolved_month < ${cut} and o.evaluation in ('satisfied', 'basic')`)} as satisfied_or_basic,
      ${n(sql`o.resolved_month < ${cut} and o.evaluation = 'satisfied'`)} as satisfied`
}

/** Whole-month cohorts replied or resolved between `cut` and `to` (a `to` inside a month), from the facts. */
const lateCounts = (cut: string, to: string) => {
  const resolved = sql`o.resolved_on between ${cut} and ${to}`
  return sql`count(*) filter (where o.replied_on between ${cut} and ${to})::int as replied,
      count(*) filter (where ${resolved})::int as resolved,
      count(*) filter (where ${resolved} and o.resolved_on - o.received_on <= ${limit})::int as timely,
      count(*) filter (where ${resolved} and o.evaluation is not null)::int as evaluated,
      count(*) filter (where ${resolved} and o.evaluation in ('satisfied', 'basic'))::int as satisfied_or_basic,
      count(*) filter (where ${resolved} and o.evaluation = 'satisfied')::int as satisfied`
}

const days = sql`o.resolved_on - o.received_on`
const percentiles = (asOf: string) =>
  sql`(percentile_cont(0.5) within group (order by ${days}) filter (where o.resolved_on <= ${asOf}))::float8 as median_days,
      (percentile_cont(0.9) within group (order by ${days}) filter (where o.resolved_on <= ${asOf}))::float8 as p90_days`

export async function opinions(db: DbOrTx, s: SourceSpec) {
  const key = dimension(s.by, 'o', 'received_on')
  const split = s.rollups ? splitPeriod(s.from, s.to) : null
  let cohort: Promise<BaseRow[]>
  if (!split?.months) {
    cohort = grouped(db, key, sql`${cohortCounts(s.to)}, ${percentiles(s.to)}`, opinionFacts(s, s))
  } else {
    const { first, last, lastDay } = split.months
    const parts = [
      ...split.edges.map((range) => grouped(db, key, cohortCounts(s.to), opinionFacts(s, range))),
      grouped(
        db,
        dimension(s.by, 'o', 'month'),
        rolledCounts(split.cut),
        sql`from rollup_opinions_monthly o where ${inRegion('o', s.region)} and o.month between ${first} and ${last}`,
      ),
    ]
    if (split.cut <= s.to) {
      const late = sql`${opinionFacts(s, { from: first, to: lastDay })}
        and (o.replied_on between ${split.cut} and ${s.to} or o.resolved_on between ${split.cut} and ${s.to})`
      parts.push(grouped(db, key, lateCounts(split.cut, s.to), late))
    }
    // Percentiles do not add up: they come from the facts (an indexed scan of one cohort).
    const medians = grouped(db, key, percentiles(s.to), opinionFacts(s, s))
    cohort = Promise.all([Promise.all(parts), medians]).then(([p, m]) => merge(sumRows(p), m))
  }
  // The backlog is everything still open at the period's end, whenever it arrived.
  const open = grouped(
    db,
    key,
    sql`count(*)::int as backlog, count(*) filter (where ${s.to}::date - o.received_on > ${limit})::int as overdue`,
    sql`from opinions o where ${inRegion('o', s.region)} and o.received_on <= ${s.to}
        and (o.resolved_on is null or o.resolved_on > ${s.to})`,
  )
  const [c, b] = await Promise.all([cohort, open])
  return merge(c, b)
}

export const projects = (db: DbOrTx, s: SourceSpec) =>
  additive(
    s,
    (range) =>
      grouped(
        db,
        dimension(s.by, 'p', 'approved_on'),
        sql`count(*) filter (where p.status <> 'cancelled')::int as projects,
            count(*) filter (where p.status = 'completed')::int as projects_completed,
            coalesce(sum(p.allocated) filter (where p.status <> 'cancelled'), 0)::float8 as funds_allocated,
            coalesce(sum(p.spent) filter (where p.status <> 'cancelled'), 0)::float8 as funds_spent`,
        sql`from micro_projects p where ${inRegion('p', s.region)} and p.approved_on between ${range.from} and ${range.to}`,
      ),
    (first, last) =>
      grouped(
        db,
        dimension(s.by, 'p', 'month'),
        sql`coalesce(sum(p.projects) filter (where p.status <> 'cancelled'), 0)::int as projects,
            coalesce(sum(p.projects) filter (where p.status = 'completed'), 0)::int as projects_completed,
            coalesce(sum(p.funds_allocated) filter (where p.status <> 'cancelled'), 0)::float8 as funds_allocated,
            coalesce(sum(p.funds_spent) filter (where p.status <> 'cancelled'), 0)::float8 as funds_spent`,
        sql`from rollup_projects_monthly p where ${inRegion('p', s.region)} and p.month between ${first} and ${last}`,
      ),
  )
