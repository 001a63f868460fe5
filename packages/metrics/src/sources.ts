// One SQL query per source, returning the base figures the catalogue's metrics are derived from. The flow
// sources (receptions, opinions, projects) read the monthly rollups for whole months: see flows.ts.
import type { DbOrTx } from '@liaison/db'
import { sql } from 'drizzle-orm'
import type { Source } from './catalog.ts'
import { rowsOf } from './db.ts'
import { opinions, projects, receptions } from './flows.ts'
import { type BaseRow, dimension, grouped, merge, type SourceSpec } from './grouping.ts'
import { inRegion } from './scope.ts'

export { type BaseRow, merge, type SourceSpec, sumRows } from './grouping.ts'

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
