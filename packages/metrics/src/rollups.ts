// Monthly rollups: rebuilt from the facts for the months a write touched, inside the writing transaction.
import type { DbOrTx } from '@liaison/db'
import { type SQL, sql } from 'drizzle-orm'
import { rowsOf } from './db.ts'
import { nextPrefix } from './scope.ts'

/** Months a write touched, per county: the first days ('YYYY-MM-01') of the months of the rows' event dates
 * (occurred_on, received_on, approved_on), before and after the change. */
export interface RollupChange {
  countyCode: string
  months: string[]
}

const month = (column: string) => sql.raw(`date_trunc('month', ${column})::date`)
const timelyLimit = sql`coalesce((select cs.timely_limit_days from county_settings cs where cs.county_code = o.county_code), 30)`

function refreshes(where: (column: string, alias: string) => SQL): SQL[] {
  return [
    sql`insert into rollup_receptions_monthly (county_code, township_code, station_id, month, kind, receptions, visitors, deputy_attendances)
        select r.county_code, r.township_code, r.station_id, ${month('r.occurred_on')}, r.kind,
          count(*)::int, sum(r.visitors)::int, sum(r.deputy_attendances)::int
        from receptions r where ${where('r.occurred_on', 'r')} group by 1, 2, 3, 4, 5`,
    sql`insert into rollup_opinions_monthly (county_code, township_code, station_id, month, category, channel, route,
          status, evaluation, replied_month, resolved_month, opinions, timely)
        select o.county_code, o.township_code, o.station_id, ${month('o.received_on')}, o.category, o.channel, o.route,
          o.status, o.evaluation, ${month('o.replied_on')}, ${month('o.resolved_on')}, count(*)::int,
          count(*) filter (where o.resolved_on - o.received_on <= ${timelyLimit})::int
        from opinions o where ${where('o.received_on', 'o')} group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`,
    sql`insert into rollup_projects_monthly (county_code, township_code, month, category, status, projects, funds_allocated, funds_spent)
        select p.county_code, p.township_code, ${month('p.approved_on')}, p.category, p.status,
          count(*)::int, sum(p.allocated), sum(p.spent)
        from micro_projects p where ${where('p.approved_on', 'p')} group by 1, 2, 3, 4, 5`,
  ]
}

const rollupTables = ['rollup_receptions_monthly', 'rollup_opinions_monthly', 'rollup_projects_monthly']

/**
 * Bring the rollups up to date: 'all' rebuilds everything (after the demo seed or a bulk load), otherwise the
 * listed months of each county are deleted and rebuilt from the facts. Call it with the writing transaction
 * (`tx`), after the writes; it also marks the counties' rollups current (data_versions.rolled_up).
 * After a change of a county's timely limit, pass all of that county's months (or 'all').
 */
export async function refreshRollups(tx: DbOrTx, changes: RollupChange[] | 'all'): Promise<void> {
  if (changes === 'all') {
    for (const table of rollupTables) await tx.execute(sql`delete from ${sql.identifier(table)}`)
    for (const statement of refreshes(() => sql`true`)) await tx.execute(statement)
    await tx.execute(sql`update data_versions set rolled_up = facts_version`)
    return
  }
  for (const { countyCode, months } of changes) {
    const list = [...new Set(months.map((m) => `${m.slice(0, 7)}-01`))]
    if (list.length) {
      for (const table of rollupTables) {
        await tx.execute(
          sql`delete from ${sql.identifier(table)} where county_code = ${countyCode} and month in ${list}`,
        )
      }
      const where = (column: string, alias: string) =>
        sql`${sql.raw(alias)}.county_code = ${countyCode} and ${month(column)} in ${list}`
      for (const statement of refreshes(where)) await tx.execute(statement)
    }
    await tx.execute(
      sql`update data_versions set rolled_up = facts_version where county_code = ${countyCode}`,
    )
  }
}

/** True when every county under `region` has rollups as current as its facts. */
export async function rollupsCurrent(db: DbOrTx, region: string): Promise<boolean> {
  const county =
    region.length >= 6
      ? sql`county_code = ${region.slice(0, 6)}`
      : sql`county_code >= ${region} and county_code < ${nextPrefix(region)}`
  const [stale] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from data_versions where ${county} and rolled_up < facts_version`,
  )
  return (stale?.n ?? 0) === 0
}

/** The data version of everything (for ETags): grows with every write to the data tables. */
export async function dataVersion(db: DbOrTx): Promise<string> {
  const [row] = await rowsOf<{ v: string | number | null; n: number }>(
    db,
    sql`select coalesce(sum(version), 0)::text as v, count(*)::int as n from data_versions`,
  )
  return `${row?.v ?? 0}.${row?.n ?? 0}`
}

/** The rolled-up fact tables and the date that places each row in a month. */
const eventDates: Record<string, string> = {
  receptions: 'occurred_on',
  opinions: 'received_on',
  micro_projects: 'approved_on',
}

/**
 * Months one import batch touches, from its change records: the dates of the rows it inserted or updated as
 * they stand now, and the dates those updated rows had before. Call it after the import's writes, or before
 * its rollback (both see the imported state), and pass the answer to `refreshRollups`.
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
  const rows = await rowsOf<{ county_code: string; month: string }>(
    tx,
    sql`select distinct county_code, month from (${sql.join(parts, sql` union `)}) m where month is not null`,
  )
  const byCounty = new Map<string, string[]>()
  for (const { county_code, month } of rows) {
    if (!byCounty.has(county_code)) byCounty.set(county_code, [])
    byCounty.get(county_code)!.push(month)
  }
  return [...byCounty].map(([countyCode, months]) => ({ countyCode, months }))
}
