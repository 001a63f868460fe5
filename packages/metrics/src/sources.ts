// One query per source, returning the base figures the catalogue's metrics are derived from. The flow sources
// (receptions, opinions, projects) are in flows.ts; the stocks here read the area rollups at a period ending on a
// month's last day, where they serve the query (area-reads.ts), and the facts otherwise.
import type { DbOrTx } from '@liaison/db'
import { type SQL, sql } from 'drizzle-orm'
import { areaRead, monthEndCut } from './area-reads.ts'
import type { Source } from './catalog.ts'
import { rowsOf } from './db.ts'
import { opinions, projects, receptions } from './flows.ts'
import { type BaseRow, dimension, grouped, merge, type SourceSpec, wants } from './grouping.ts'
import {
  allSeven,
  deputiesRollup,
  physical as physicalStation,
  type RollupTable,
  sevenItemMeasures,
  stationStatusRollup,
  stationStatusWhen,
  stationsRollup,
} from './rollup-tables.ts'
import { areaColumn, areaLength, countyRange, inRegion, nextPrefix, regionPrefix } from './scope.ts'

export { type BaseRow, merge, type SourceSpec, sumRows } from './grouping.ts'

/** A stock as at the period's end from a rollup: `always` columns count whatever the month, `dated` those
 * whose month is before the cut or null (every undated row must hold 0 in a dated column, except one that counts
 * whatever the date: a deputy required to report where the county has no term window). Null when the facts must
 * answer. */
function stockFromRollup(
  db: DbOrTx,
  s: SourceSpec,
  table: RollupTable,
  always: string[],
  dated: string[],
): Promise<BaseRow[]> | null {
  const read = areaRead(s, table)
  const cut = monthEndCut(s.to)
  if (!read || !cut) return null
  const sum = (c: string, filter?: SQL) =>
    sql`coalesce(sum(r.${sql.raw(c)})${filter ? sql` filter (where ${filter})` : sql``}, 0)::int as ${sql.raw(c)}`
  const select = sql.join(
    // A dated measure's undated rows (a deputy required in a county without a term window) count whatever the date.
    [...always.map((c) => sum(c)), ...dated.map((c) => sum(c, sql`coalesce(r.month < ${cut}, true)`))],
    sql`, `,
  )
  return grouped(db, read.key, select, sql`from ${sql.identifier(table.name)} r where ${read.where}`)
}

const physical = sql.raw(physicalStation)

/** A station's (alias s) status at a date as its dates tell it (one built or standardised later was not yet). */
export const stationStatusAsOf = (asOf: string) =>
  stationStatusWhen(sql`s.standardised_on <= ${asOf}`, sql`s.built_on <= ${asOf}`)

/** As from the facts: only the statuses some station has (the rollup's moves leave zeros behind). */
const presentOnly = (rows: BaseRow[]) =>
  rows.filter((r) => Number(r.present) !== 0).map(({ present: _, ...row }) => row as BaseRow)

async function stations(db: DbOrTx, s: SourceSpec) {
  const builtMeeting = (condition: SQL, as: string) =>
    sql`count(*) filter (where ${physical} and s.built_on <= ${s.to} and ${condition})::int as ${sql.raw(as)}`
  // By status, each station's at the period's end: its moves between statuses (a township covered is not a sum of
  // stations, so the status rollup keeps none; by status it has no rate anyway, no townships being counted).
  const byStatus = s.by === 'status'
  const rolled = byStatus
    ? stockFromRollup(db, s, stationStatusRollup, [], stationStatusRollup.measures)?.then(presentOnly)
    : stockFromRollup(db, s, stationsRollup, [], stationsRollup.measures)
  const stock = await (rolled ??
    grouped(
      db,
      s.by === 'status' ? stationStatusAsOf(s.to) : dimension(s, 's', null),
      sql`${builtMeeting(sql`true`, 'built')},
        count(*) filter (where ${physical} and s.standardised_on <= ${s.to})::int as standardised,
        count(*) filter (where s.kind in ('station', 'room') and s.standardised_on <= ${s.to})::int as standardised_planned_kinds,
        ${builtMeeting(sql.raw(allSeven), 'seven')},
        ${sql.join(
          sevenItemMeasures.map((i) => builtMeeting(sql.raw(`s.${i.column}`), i.measure)),
          sql`, `,
        )},
        count(distinct s.township_code) filter (where s.kind = 'station' and s.built_on <= ${s.to})::int as townships_covered`,
      sql`from stations s where ${inRegion('s', s.region)}`,
    ))
  if (s.by && s.by !== 'township' && s.by !== 'area') return stock
  if (!wants(s, 'townships_covered_rate', 'visitors_per_10k', 'opinions_per_10k')) return stock
  // Every township of the region counts in the denominator, with or without a station.
  return merge(stock, await townships(db, s))
}

/**
 * Townships and residents of the region (or of each of its areas, or townships). Above a county, those of the
 * counties with data only, as every other figure there is the sum of those counties: with the whole division table
 * beneath, a city with one county imported read 9 % of its townships covered where that county has 100 %.
 */
function townships(db: DbOrTx, s: SourceSpec): Promise<BaseRow[]> {
  const prefix = regionPrefix(s.region)
  const length = areaLength(s.region)
  const key = !s.by ? null : s.by === 'township' || length === 9 ? sql`r.code` : sql`left(r.code, ${length})`
  const within = prefix ? sql`r.code >= ${prefix} and r.code < ${nextPrefix(prefix)}` : sql`true`
  const aboveCounty = prefix.length < 6
  const imported = aboveCounty
    ? sql` and exists (select 1 from data_versions d where d.county_code = left(r.code, 6))`
    : sql``
  return grouped(
    db,
    key,
    sql`count(*)::int as townships, sum(r.population)::float8 as population`,
    sql`from regions r where r.level = 'township' and ${within}${imported}`,
  )
}

function deputies(db: DbOrTx, s: SourceSpec) {
  return (
    stockFromRollup(db, s, deputiesRollup, ['deputies_total'], ['deputies_covered']) ??
    grouped(
      db,
      dimension(s, 'd', null),
      sql`count(*)::int as deputies_total,
        count(*) filter (where exists (select 1 from stations s where s.id = d.station_id and ${physical} and s.built_on <= ${s.to}))::int as deputies_covered`,
      sql`from deputies d where ${inRegion('d', s.region)}`,
    )
  )
}

function reportbacks(db: DbOrTx, s: SourceSpec) {
  // The term's window opens on 1 January of the county's first year with a report-back share in its plan: found
  // once per county and joined, not looked up again for each deputy (half the query's time for a county).
  const windows = sql`(select pl.county_code, make_date(min(pl.year), 1, 1) as opens from plans pl
      where ${countyRange('pl', s.region)} and pl.reportback_share is not null group by 1)`
  return (
    stockFromRollup(db, s, deputiesRollup, [], ['reportback_required', 'reportback_done']) ??
    grouped(
      db,
      dimension(s, 'd', null),
      // Required once the term's window has opened: before it, these deputies were not yet this term's.
      sql`count(*) filter (where w.opens is null or w.opens <= ${s.to})::int as reportback_required,
        count(*) filter (where exists (select 1 from reportbacks rb where rb.deputy_id = d.id
          and rb.held_on <= ${s.to} and rb.held_on >= coalesce(w.opens, date '1900-01-01')))::int as reportback_done`,
      sql`from deputies d left join ${windows} w on w.county_code = d.county_code where ${inRegion('d', s.region)}`,
    )
  )
}

/** Plans are kept per county: a county or any region above it, whole or by area (a city's counties, a province's
 * cities). A township has none of its own, but the report-back share its county sets applies to its deputies. Only
 * the figures asked for: at national scope each reads all ≈ 15,000 plan rows (the four together took 18 ms). */
async function plans(db: DbOrTx, s: SourceSpec): Promise<BaseRow[]> {
  const township = regionPrefix(s.region).length > 6
  if (s.by === 'kind' && !township) return plannedByKind(db, s)
  // By area above a county each area sums its counties' plans; a county's areas (townships) have none.
  const byArea = s.by === 'area' && areaLength(s.region) <= 6
  if ((s.by && !byArea) || (township && !wants(s, 'reportback_target_rate'))) return []
  const key = (alias: string) => (byArea ? areaColumn(alias, s.region) : null)
  const ofRegion = countyRange('p', township ? s.region.slice(0, 6) : s.region)
  // Years as integers: `p.year = extract(year from …)` compares as numeric and casts every row.
  const [first, last] = [Number(s.from.slice(0, 4)), Number(s.to.slice(0, 4))]
  const figures: Promise<BaseRow[]>[] = []
  if (!township && wants(s, 'stations_planned', 'station_coverage_rate'))
    figures.push(
      grouped(
        db,
        key('l'),
        sql`sum(coalesce(l.stations_target, 0) + coalesce(l.rooms_target, 0))::int as stations_planned`,
        sql`from ${latestPlans(s)}`,
      ),
    )
  if (!township && wants(s, 'stations_target'))
    // Null for a year whose plans set no target (before the plan began), not a target of 0.
    figures.push(
      grouped(
        db,
        key('p'),
        sql`sum(coalesce(p.stations_target, 0) + coalesce(p.rooms_target, 0))::int as stations_target`,
        sql`from plans p where ${ofRegion} and p.year = ${last}
          and (p.stations_target is not null or p.rooms_target is not null)`,
      ),
    )
  if (!township && wants(s, 'funds_budget', 'fund_budget_share'))
    figures.push(
      grouped(
        db,
        key('p'),
        sql`sum(p.fund_budget)::float8 as funds_budget`,
        sql`from plans p where ${ofRegion} and p.year between ${first} and ${last}`,
      ),
    )
  if (wants(s, 'reportback_target_rate'))
    figures.push(
      grouped(
        db,
        key('c'),
        sql`avg(c.share)::float8 as reportback_target_rate`,
        sql`from (select p.county_code, sum(p.reportback_share) as share from plans p
          where ${ofRegion} and p.year <= ${last} group by p.county_code) c`,
      ),
    )
  const parts = await Promise.all(figures)
  // A whole region's figures are one row, null where no plan sets them (as the one query of sums gave).
  if (!byArea)
    return parts.length ? [Object.assign({ key: null }, ...parts.map((rows) => rows[0] ?? {}))] : []
  return parts.reduce(merge, [])
}

/** Each county's latest plan with a station target (one sort, not a lookup per plan row). */
const latestPlans = (s: SourceSpec) =>
  sql`(select distinct on (p.county_code) p.county_code, p.stations_target, p.rooms_target from plans p
      where ${countyRange('p', s.region)} and p.stations_target is not null order by p.county_code, p.year desc) l`

/** The plan's 联络站 and 联络室 apart: the denominators of coverage per kind. */
async function plannedByKind(db: DbOrTx, s: SourceSpec): Promise<BaseRow[]> {
  if (!wants(s, 'stations_planned', 'station_coverage_rate')) return []
  return rowsOf<BaseRow>(
    db,
    sql`select k.key, k.planned::int as stations_planned from (
      -- A target left blank in every plan is no figure (null), not 0 planned.
      select sum(l.stations_target) as station, sum(l.rooms_target) as room
      from ${latestPlans(s)}) t
    cross join lateral (values ('station', t.station), ('room', t.room)) k(key, planned)
    where k.planned is not null`,
  )
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
