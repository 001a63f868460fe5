// Keeping the area rollups (rollup-tables.ts) equal to the facts, inside the writing transaction.
import type { DbOrTx } from '@liaison/db'
import { type SQL, sql } from 'drizzle-orm'
import { rowsOf } from './db.ts'
import { flowRollups, month, type RollupTable, rollupTables, stockRollups } from './rollup-tables.ts'
import { countyRange, regionPrefix } from './scope.ts'

/** Months a write touched, per county: the first days ('YYYY-MM-01') of the months of the rows' event dates
 * (occurred_on, received_on, approved_on), before and after the change. Stocks (stations, deputies, report-backs,
 * plans) are rebuilt for every county listed, whatever its months. */
export interface RollupChange {
  countyCode: string
  months: string[]
}

/** Area levels by code length, from the county up; the nation's area code is ''. */
const levels = [6, 4, 2, 0] as const
type Level = (typeof levels)[number]

const areaOf = (level: Level, column: string): SQL =>
  level === 0 ? sql`''` : sql.raw(level === 6 ? column : `left(${column}, ${level})`)

const columns = (t: RollupTable) =>
  sql.raw(['area_code', 'dim', 'dim_value', ...t.keys, ...t.measures].join(', '))
const keyList = (t: RollupTable, alias: string) => sql.raw(t.keys.map((k) => `${alias}.${k}`).join(', '))
const sums = (t: RollupTable, alias: string) =>
  sql.raw(t.measures.map((m) => `sum(${alias}.${m})`).join(', '))
const monthIn = (months: string[] | null, column: SQL) => (months ? sql`${column} in ${months}` : sql`true`)

/**
 * Rows of `level` straight from the facts of the counties `counties` selects, for each breakdown of `dims` (null:
 * the total) in one pass (grouping sets). A stock passes one breakdown at a time: its rows depend on it.
 */
function fromFacts(
  t: RollupTable,
  level: Level,
  counties: (alias: string) => SQL,
  months: string[] | null,
  dims: (string | null)[],
) {
  const where = (alias: string, dateColumn: string | null) =>
    dateColumn
      ? sql`${counties(alias)} and ${monthIn(months, month(`${alias}.${dateColumn}`))}`
      : counties(alias)
  const named = dims.filter((d): d is string => d !== null)
  const area = level === 6 ? 'x.county_code' : `left(x.county_code, ${level})`
  const keys = t.keys.map((k) => `x.${k}`).join(', ')
  const dim = named.length
    ? `case ${named.map((d) => `when grouping(x.${d}) = 0 then '${d}'`).join(' ')} else '' end`
    : `''`
  const value = named.length ? `coalesce(${named.map((d) => `x.${d}::text`).join(', ')})` : 'null'
  const sets = dims.map((d) => `(${area}, ${keys}${d ? `, x.${d}` : ''})`).join(', ')
  return sql`insert into ${sql.identifier(t.name)} (${columns(t)})
    select ${sql.raw(area)}, ${sql.raw(dim)}, ${sql.raw(value)}, ${sql.raw(keys)}, ${sums(t, 'x')}
    from (${t.rows(where, dims.length === 1 ? dims[0]! : null)}) x group by grouping sets (${sql.raw(sets)})`
}

/** Rows of `level` as the sums of its children's rows (every breakdown), for the areas under `prefix`. */
function fromChildren(t: RollupTable, level: Level, prefix: string | null, months: string[] | null) {
  const child = levels[levels.indexOf(level) - 1]!
  const under = prefix === null ? sql`true` : countyRange('x', prefix, 'area_code')
  return sql`insert into ${sql.identifier(t.name)} (${columns(t)})
    select ${areaOf(level, 'x.area_code')}, x.dim, x.dim_value, ${keyList(t, 'x')}, ${sums(t, 'x')}
    from ${sql.identifier(t.name)} x
    where length(x.area_code) = ${child} and ${under} and ${monthIn(months, sql`x.month`)}
    group by 1, 2, 3, ${keyList(t, 'x')}`
}

/** The breakdowns a table keeps (null: the total), all in one pass. */
const breakdowns = (t: RollupTable) => (t.withoutTotal ? t.dims : [null, ...t.dims])

/** The breakdowns of a stock, in one pass or one pass each. */
const perDims = (t: RollupTable) => (t.rowsPerDim ? breakdowns(t).map((d) => [d]) : [breakdowns(t)])

const remove = (t: RollupTable, area: string, months: string[] | null) =>
  sql`delete from ${sql.identifier(t.name)} where length(area_code) = ${area.length} and area_code = ${area}
      and ${monthIn(months, sql`month`)}`

/** One county's rollups and its city's, province's and the nation's, for `months` (null: every month). */
function countyStatements(countyCode: string, months: string[] | null): SQL[] {
  const city = countyCode.slice(0, 4)
  const province = countyCode.slice(0, 2)
  const ofCounty = (alias: string) => sql`${sql.raw(alias)}.county_code = ${countyCode}`
  const ofCity = (alias: string) => countyRange(alias, city)
  const out: SQL[] = []
  for (const t of months?.length === 0 ? [] : flowRollups) {
    // Flows keep totals per county and every breakdown from the city up (a city's facts of a month are few).
    if (t.finest === 6) out.push(remove(t, countyCode, months), fromFacts(t, 6, ofCounty, months, [null]))
    out.push(remove(t, city, months), fromFacts(t, 4, ofCity, months, breakdowns(t)))
    out.push(remove(t, province, months), fromChildren(t, 2, province, months))
    out.push(remove(t, '', months), fromChildren(t, 0, null, months))
  }
  for (const t of stockRollups) {
    // Stocks are small per county: the county's rows in full, every breakdown, and its ancestors as sums.
    out.push(remove(t, countyCode, null))
    out.push(...perDims(t).map((dims) => fromFacts(t, 6, ofCounty, null, dims)))
    out.push(remove(t, city, null), fromChildren(t, 4, city, null))
    out.push(remove(t, province, null), fromChildren(t, 2, province, null))
    out.push(remove(t, '', null), fromChildren(t, 0, null, null))
  }
  return out
}

/** Everything from the facts (after the demo seed or a bulk load). */
function allStatements(): SQL[] {
  const everyCounty = () => sql`true`
  const out: SQL[] = rollupTables.map((t) => sql`truncate ${sql.identifier(t.name)}`)
  for (const t of flowRollups) {
    if (t.finest === 6) out.push(fromFacts(t, 6, everyCounty, null, [null]))
    out.push(fromFacts(t, 4, everyCounty, null, breakdowns(t)))
    out.push(fromChildren(t, 2, null, null), fromChildren(t, 0, null, null))
  }
  for (const t of stockRollups) {
    out.push(...perDims(t).map((dims) => fromFacts(t, 6, everyCounty, null, dims)))
    out.push(fromChildren(t, 4, null, null), fromChildren(t, 2, null, null), fromChildren(t, 0, null, null))
  }
  return out
}

/**
 * Bring the rollups up to date: 'all' rebuilds everything (after the demo seed or a bulk load), otherwise the
 * listed months of each county (and its stocks) are rebuilt from the facts, with the same months of its city,
 * province and the nation. Call it with the writing transaction (`tx`), after the writes; it also marks the
 * counties' rollups current (data_versions.rolled_up). After a change of a county's timely limit, pass all of
 * that county's months (or 'all'). `onStep` reports progress (statements done, statements in all).
 */
export async function refreshRollups(
  tx: DbOrTx,
  changes: RollupChange[] | 'all',
  onStep?: (done: number, total: number) => void,
): Promise<void> {
  // Concurrent writers would each delete and re-insert the same city, province and nation rows: one at a time.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('liaison rollups'))`)
  const statements =
    changes === 'all'
      ? allStatements()
      : changes.flatMap(({ countyCode, months }) =>
          countyStatements(countyCode, [...new Set(months.map((m) => `${m.slice(0, 7)}-01`))]),
        )
  for (const [i, statement] of statements.entries()) {
    await tx.execute(statement)
    onStep?.(i + 1, statements.length)
  }
  if (changes === 'all') await tx.execute(sql`update data_versions set rolled_up = facts_version`)
  else {
    const counties = [...new Set(changes.map((c) => c.countyCode))]
    if (counties.length)
      await tx.execute(
        sql`update data_versions set rolled_up = facts_version where county_code in ${counties}`,
      )
  }
}

/** Counties whose rollups are behind their facts (a writer that did not refresh, or a new rollup version). */
export async function staleCounties(db: DbOrTx): Promise<string[]> {
  const rows = await rowsOf<{ county_code: string }>(
    db,
    sql`select county_code from data_versions where rolled_up < facts_version order by 1`,
  )
  return rows.map((r) => r.county_code)
}

/** Every month with facts of a county, for a full rebuild of it. */
export async function countyMonths(db: DbOrTx, countyCode: string): Promise<string[]> {
  const rows = await rowsOf<{ month: string }>(
    db,
    sql`select distinct date_trunc('month', d)::date::text as month from (
          select occurred_on as d from receptions where county_code = ${countyCode}
          union all select received_on from opinions where county_code = ${countyCode}
          union all select approved_on from micro_projects where county_code = ${countyCode}) x`,
  )
  return rows.map((r) => r.month)
}

/** True when every county under `region` has rollups as current as its facts. */
export async function rollupsCurrent(db: DbOrTx, region: string): Promise<boolean> {
  const [stale] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from data_versions d where ${countyRange('d', region)} and rolled_up < facts_version`,
  )
  return (stale?.n ?? 0) === 0
}

/** What a read asks before anything else, in one statement: the data version of the counties under a region, or
 * of everything (for ETags and cached answers: it grows with every write to their data tables), and whether their
 * rollups are current (rollupsCurrent). */
export interface DataState {
  version: string
  rollupsCurrent: boolean
}

export async function dataState(db: DbOrTx, region: string | null = null): Promise<DataState> {
  const [row] = await rowsOf<{ v: string | number | null; n: number; stale: number }>(
    db,
    sql`select coalesce(sum(version), 0)::text as v, count(*)::int as n,
          count(*) filter (where rolled_up < facts_version)::int as stale
        from data_versions d where ${region ? countyRange('d', region) : sql`true`}`,
  )
  return { version: `${row?.v ?? 0}.${row?.n ?? 0}`, rollupsCurrent: (row?.stale ?? 0) === 0 }
}

/** One county's row of data_versions, as a copy in memory holds it (dataStateOf). */
export interface CountyVersion {
  county: string
  version: number
  stale: boolean
}

/** Every county's data version, to answer dataState from memory. */
export async function countyVersions(db: DbOrTx): Promise<CountyVersion[]> {
  return rowsOf<CountyVersion>(
    db,
    sql`select county_code as county, version::float8 as version, rolled_up < facts_version as stale
          from data_versions`,
  )
}

/** dataState's answer from a copy of every county's version (countyVersions): the same counties, the same sum. */
export function dataStateOf(counties: readonly CountyVersion[], region: string | null = null): DataState {
  const prefix = region ? regionPrefix(region).slice(0, 6) : ''
  let sum = 0
  let n = 0
  let stale = 0
  for (const c of counties) {
    if (!c.county.startsWith(prefix)) continue
    sum += c.version
    n++
    if (c.stale) stale++
  }
  return { version: `${sum}.${n}`, rollupsCurrent: stale === 0 }
}

/** The rolled-up fact tables and the date that places each row in a month. */
const eventDates: Record<string, string> = {
  receptions: 'occurred_on',
  opinions: 'received_on',
  micro_projects: 'approved_on',
}

/**
 * What one import batch touches, from its change records: its county (stocks) and the months of the rows it
 * inserted or updated as they stand now, and of the dates those updated rows had before. Call it after the
 * import's writes, or before its rollback (both see the imported state), and pass the answer to `refreshRollups`.
 */
export async function batchRollupChanges(tx: DbOrTx, batchId: number): Promise<RollupChange[]> {
  const parts = Object.entries(eventDates).map(
    ([table, column]) => sql`
      select t.county_code, date_trunc('month', t.${sql.identifier(column)})::date::text as month
        from import_changes c join ${sql.identifier(table)} t on t.id::text = c.row_key
        where c.batch_id = ${batchId} and c.table_name = ${table}
      union
      select b.county_code, date_trunc('month', (c.previous->>${column})::date)::date::text
        from import_changes c join import_batches b on b.id = c.batch_id
        where c.batch_id = ${batchId} and c.table_name = ${table} and c.action = 'update'`,
  )
  const rows = await rowsOf<{ county_code: string; month: string | null }>(
    tx,
    sql`select distinct county_code, month from (${sql.join(parts, sql` union `)}) m where month is not null
        union select county_code, null from import_batches where id = ${batchId}`,
  )
  const byCounty = new Map<string, string[]>()
  for (const { county_code, month } of rows) {
    if (!byCounty.has(county_code)) byCounty.set(county_code, [])
    if (month) byCounty.get(county_code)!.push(month)
  }
  return [...byCounty].map(([countyCode, months]) => ({ countyCode, months }))
}
