// One SQL query per fact source, returning the base figures the catalogue's metrics are derived from.
import type { Dimension } from '@liaison/contracts'
import type { DbOrTx } from '@liaison/db'
import { type SQL, sql } from 'drizzle-orm'
import type { Source } from './catalog.ts'
import { rowsOf } from './db.ts'
import { inRegion } from './scope.ts'

export interface SourceSpec {
  region: string
  from: string
  to: string
  by?: Dimension | undefined
}

export type BaseRow = Record<string, number | string | null> & { key: string | null }

/** The SQL expression for a dimension on a table alias, with the date column that time buckets use. */
function dimension(by: Dimension | undefined, alias: string, dateColumn: string | null): SQL | null {
  if (!by) return null
  const a = (c: string) => sql.raw(`${alias}.${c}`)
  switch (by) {
    case 'township':
      return a('township_code')
    case 'station':
      return sql`${alias === 's' ? a('id') : a('station_id')}::text`
    case 'month':
    case 'quarter':
    case 'year': {
      if (!dateColumn) return null
      const format = { month: 'YYYY-MM', quarter: 'YYYY"Q"Q', year: 'YYYY' }[by]
      return sql`to_char(${a(dateColumn)}, ${format})`
    }
    default:
      return a(by)
  }
}

async function grouped(db: DbOrTx, key: SQL | null, select: SQL, from: SQL): Promise<BaseRow[]> {
  const query = key
    ? sql`select ${key} as key, ${select} ${from} group by 1 order by 1`
    : sql`select null as key, ${select} ${from}`
  return rowsOf<BaseRow>(db, query)
}

const receptions = (db: DbOrTx, s: SourceSpec) =>
  grouped(
    db,
    dimension(s.by, 'r', 'occurred_on'),
    sql`count(*)::int as receptions, coalesce(sum(r.visitors), 0)::int as visitors,
        coalesce(sum(r.deputy_attendances), 0)::int as deputy_attendances`,
    sql`from receptions r where ${inRegion('r', s.region)} and r.occurred_on between ${s.from} and ${s.to}`,
  )

const limit = sql`coalesce((select timely_limit_days from county_settings cs where cs.county_code = o.county_code), 30)`

async function opinions(db: DbOrTx, s: SourceSpec) {
  const key = dimension(s.by, 'o', 'received_on')
  const cohort = await grouped(
    db,
    key,
    sql`count(*)::int as collected,
        count(*) filter (where o.replied_on <= ${s.to})::int as replied,
        count(*) filter (where o.resolved_on <= ${s.to})::int as resolved,
        count(*) filter (where o.resolved_on <= ${s.to} and o.resolved_on - o.received_on <= ${limit})::int as timely,
        (percentile_cont(0.5) within group (order by o.resolved_on - o.received_on) filter (where o.resolved_on <= ${s.to}))::float8 as median_days,
        (percentile_cont(0.9) within group (order by o.resolved_on - o.received_on) filter (where o.resolved_on <= ${s.to}))::float8 as p90_days,
        count(*) filter (where o.resolved_on <= ${s.to} and o.evaluation is not null)::int as evaluated,
        count(*) filter (where o.resolved_on <= ${s.to} and o.evaluation in ('satisfied', 'basic'))::int as satisfied_or_basic,
        count(*) filter (where o.resolved_on <= ${s.to} and o.evaluation = 'satisfied')::int as satisfied`,
    sql`from opinions o where ${inRegion('o', s.region)} and o.received_on between ${s.from} and ${s.to}`,
  )
  // The backlog is everything still open at the period's end, whenever it arrived.
  const open = await grouped(
    db,
    key,
    sql`count(*)::int as backlog, count(*) filter (where ${s.to}::date - o.received_on > ${limit})::int as overdue`,
    sql`from opinions o where ${inRegion('o', s.region)} and o.received_on <= ${s.to}
        and (o.resolved_on is null or o.resolved_on > ${s.to})`,
  )
  return merge(cohort, open)
}

const projects = (db: DbOrTx, s: SourceSpec) =>
  grouped(
    db,
    dimension(s.by, 'p', 'approved_on'),
    sql`count(*) filter (where p.status <> 'cancelled')::int as projects,
        count(*) filter (where p.status = 'completed')::int as projects_completed,
        coalesce(sum(p.allocated) filter (where p.status <> 'cancelled'), 0)::float8 as funds_allocated,
        coalesce(sum(p.spent) filter (where p.status <> 'cancelled'), 0)::float8 as funds_spent`,
    sql`from micro_projects p where ${inRegion('p', s.region)} and p.approved_on between ${s.from} and ${s.to}`,
  )

const physical = sql.raw(`s.kind <> 'online'`)
const allSeven = sql.raw(
  's.has_venue and s.has_signage and s.has_equipment and s.has_info and s.has_rules and s.has_archives and s.has_records',
)

async function stations(db: DbOrTx, s: SourceSpec) {
  const key = dimension(s.by, 's', null)
  const scope = sql`from stations s where ${inRegion('s', s.region)}`
  const stock = await grouped(
    db,
    key,
    sql`count(*) filter (where ${physical} and s.built_on <= ${s.to})::int as built,
        count(*) filter (where ${physical} and s.standardised_on <= ${s.to})::int as standardised,
        count(*) filter (where s.kind in ('station', 'room') and s.standardised_on <= ${s.to})::int as standardised_planned_kinds,
        count(*) filter (where ${physical} and s.built_on <= ${s.to} and ${allSeven})::int as seven,
        count(distinct s.township_code) filter (where s.kind = 'station' and s.built_on <= ${s.to})::int as townships_covered`,
    scope,
  )
  if (s.by && s.by !== 'township') return stock
  // Every township of the region counts in the denominator, with or without a station.
  const townships = await grouped(
    db,
    s.by === 'township' ? sql`r.code` : null,
    sql`count(*)::int as townships, sum(r.population)::float8 as population`,
    sql`from regions r where r.level = 'township' and r.code like ${`${s.region.slice(0, 9)}%`}`,
  )
  return merge(stock, townships)
}

function deputies(db: DbOrTx, s: SourceSpec) {
  return grouped(
    db,
    dimension(s.by, 'd', null),
    sql`count(*)::int as deputies_total,
        count(*) filter (where exists (select 1 from stations st where st.id = d.station_id and st.built_on <= ${s.to}))::int as deputies_covered`,
    sql`from deputies d where ${inRegion('d', s.region)}`,
  )
}

function reportbacks(db: DbOrTx, s: SourceSpec) {
  // The term's window opens on 1 January of the county's first year with a report-back share in its plan.
  const windowStart = sql`coalesce((select make_date(min(pl.year), 1, 1) from plans pl
      where pl.county_code = d.county_code and pl.reportback_share is not null), date '1900-01-01')`
  return grouped(
    db,
    dimension(s.by, 'd', null),
    sql`count(*)::int as reportback_required,
        count(*) filter (where exists (select 1 from reportbacks rb where rb.deputy_id = d.id
          and rb.held_on <= ${s.to} and rb.held_on >= ${windowStart}))::int as reportback_done`,
    sql`from deputies d where ${inRegion('d', s.region)}`,
  )
}

async function plans(db: DbOrTx, s: SourceSpec): Promise<BaseRow[]> {
  if (s.by) return []
  const county =
    s.region.length <= 6
      ? sql`pl.county_code like ${`${s.region.slice(0, 6)}%`}`
      : sql`pl.county_code = ${s.region.slice(0, 6)}`
  const [row] = await rowsOf<BaseRow>(
    db,
    sql`select null as key,
      (select sum(coalesce(p.stations_target, 0) + coalesce(p.rooms_target, 0))::int from plans p
        where p.county_code in (select pl.county_code from plans pl where ${county})
        and p.year = (select max(x.year) from plans x where x.county_code = p.county_code and x.stations_target is not null)) as stations_planned,
      (select sum(coalesce(p.stations_target, 0) + coalesce(p.rooms_target, 0))::int from plans p
        where p.county_code in (select pl.county_code from plans pl where ${county}) and p.year = extract(year from ${s.to}::date)) as stations_target,
      (select sum(p.fund_budget)::float8 from plans p where p.county_code in (select pl.county_code from plans pl where ${county})
        and p.year between extract(year from ${s.from}::date) and extract(year from ${s.to}::date)) as funds_budget,
      (select avg(c.share)::float8 from (select sum(p.reportback_share) as share from plans p
        where p.county_code in (select pl.county_code from plans pl where ${county})
        and p.year <= extract(year from ${s.to}::date) group by p.county_code) c) as reportback_target_rate`,
  )
  return row && s.region.length <= 6 ? [row] : []
}

export const sources: Record<Source, (db: DbOrTx, spec: SourceSpec) => Promise<BaseRow[]>> = {
  receptions,
  opinions,
  projects,
  stations,
  deputies,
  reportbacks,
  plans,
}

/** Join rows of two queries on their key. */
export function merge(a: BaseRow[], b: BaseRow[]): BaseRow[] {
  const byKey = new Map<string | null, BaseRow>(a.map((r) => [r.key, { ...r }]))
  for (const row of b) byKey.set(row.key, { ...(byKey.get(row.key) ?? { key: row.key }), ...row })
  return [...byKey.values()]
}
