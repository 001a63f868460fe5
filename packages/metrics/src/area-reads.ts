// When a query can read the area rollups instead of the facts, and how: the rows' filter and the group key.
import { type SQL, sql } from 'drizzle-orm'
import type { SourceSpec } from './grouping.ts'
import { timeBucket } from './grouping.ts'
import type { RollupTable } from './rollup-tables.ts'
import { areaLength, countyRange, regionPrefix } from './scope.ts'

export interface AreaRead {
  /** Filters the rollup (alias r) to the region's rows of the breakdown. */
  where: SQL
  /** The group key on the rollup, null without a breakdown. */
  key: SQL | null
}

/**
 * How `table` answers `spec`, or null when the facts must: the rollups are stale, the region is a township, the
 * breakdown is by township or station, or the table does not keep the breakdown at the region's level.
 */
export function areaRead(s: SourceSpec, table: RollupTable): AreaRead | null {
  if (!s.rollups) return null
  const prefix = regionPrefix(s.region)
  if (prefix.length > 6) return null
  if (s.by === 'area') {
    const length = areaLength(s.region)
    if (length > table.finest) return null
    return {
      where: sql`length(r.area_code) = ${length} and ${countyRange('r', s.region, 'area_code')} and r.dim = ''`,
      key: sql`r.area_code`,
    }
  }
  if (prefix.length > table.finest) return null
  // The level first: the rollups are indexed by (length(area_code), area_code, dim, month).
  const here = sql`length(r.area_code) = ${prefix.length} and r.area_code = ${prefix}`
  if (!s.by) return { where: sql`${here} and r.dim = ''`, key: null }
  if (s.by === 'month' || s.by === 'quarter' || s.by === 'year')
    return table.keys.includes('month') && table.kind === 'flow'
      ? { where: sql`${here} and r.dim = ''`, key: timeBucket(s.by, sql`r.month`) }
      : null
  if (table.dims.includes(s.by) && prefix.length <= table.finestWithDims)
    return { where: sql`${here} and r.dim = ${s.by}`, key: sql`r.dim_value` }
  return null
}

const DAY = 86_400_000
/** The day after `to` when `to` ends a month (events before it count), else null: stocks and the backlog at a
 * day inside a month come from the facts. */
export function monthEndCut(to: string): string | null {
  const next = new Date(Date.parse(`${to}T00:00:00Z`) + DAY).toISOString().slice(0, 10)
  return next.endsWith('-01') ? next : null
}
