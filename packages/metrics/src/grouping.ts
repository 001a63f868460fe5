// The pieces every source query shares: the spec, the row shape, dimension keys, grouping and merging.
import type { Dimension } from '@liaison/contracts'
import type { DbOrTx } from '@liaison/db'
import { type SQL, sql } from 'drizzle-orm'
import { rowsOf } from './db.ts'
import { areaColumn } from './scope.ts'

export interface SourceSpec {
  region: string
  from: string
  to: string
  by?: Dimension | undefined
  /** Read the area rollups where they serve the query (queryMetrics decides: they must be current). */
  rollups?: boolean | undefined
  /** The figures asked for: a source computes only the parts they need (all parts when absent). */
  ids?: readonly string[] | undefined
}

/** Does the spec ask for any of these figures? */
export const wants = (s: SourceSpec, ...ids: string[]) => !s.ids || ids.some((id) => s.ids!.includes(id))

export type BaseRow = Record<string, number | string | null> & { key: string | null }

/** The SQL expression for the spec's dimension on a fact table's alias, with the date column that time buckets
 * use. */
export function dimension(s: SourceSpec, alias: string, dateColumn: string | null): SQL | null {
  const { by } = s
  if (!by) return null
  const a = (c: string) => sql.raw(`${alias}.${c}`)
  switch (by) {
    case 'area':
      return areaColumn(alias, s.region)
    case 'township':
      return a('township_code')
    case 'station':
      return sql`${alias === 's' ? a('id') : a('station_id')}::text`
    case 'month':
    case 'quarter':
    case 'year':
      return dateColumn ? timeBucket(by, a(dateColumn)) : null
    default:
      return a(by)
  }
}

/** A date column as the key of a month, quarter or year ('2023-05', '2023Q2', '2023'). */
export function timeBucket(by: 'month' | 'quarter' | 'year', column: SQL): SQL {
  const format = { month: 'YYYY-MM', quarter: 'YYYY"Q"Q', year: 'YYYY' }[by]
  return sql`to_char(${column}, ${format})`
}

export async function grouped(db: DbOrTx, key: SQL | null, select: SQL, from: SQL): Promise<BaseRow[]> {
  const query = key
    ? sql`select ${key} as key, ${select} ${from} group by 1 order by 1`
    : sql`select null as key, ${select} ${from}`
  return rowsOf<BaseRow>(db, query)
}

/** Join rows of two queries on their key (later columns win). */
export function merge(a: BaseRow[], b: BaseRow[]): BaseRow[] {
  const byKey = new Map<string | null, BaseRow>(a.map((r) => [r.key, { ...r }]))
  for (const row of b) byKey.set(row.key, { ...(byKey.get(row.key) ?? { key: row.key }), ...row })
  return [...byKey.values()]
}

/** Add rows of additive parts (edge days from the facts, whole months from a rollup) key by key. */
export function sumRows(parts: BaseRow[][]): BaseRow[] {
  const byKey = new Map<string | null, BaseRow>()
  for (const row of parts.flat()) {
    const into = byKey.get(row.key) ?? { key: row.key }
    for (const [column, value] of Object.entries(row)) {
      if (column === 'key' || value === null) continue
      into[column] = Number(into[column] ?? 0) + Number(value)
    }
    byKey.set(row.key, into)
  }
  return [...byKey.values()]
}
