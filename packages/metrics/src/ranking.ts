// Rankings of areas, townships or stations by any figure, with the region's figure, the mean, median and quartiles,
// and a small-sample rule: a rate over fewer cases than the county's minimum is flagged and left unranked.
import type { DbOrTx } from '@liaison/db'
import { sql } from 'drizzle-orm'
import { catalogById } from './catalog.ts'
import { rowsOf } from './db.ts'
import { queryMetrics } from './query.ts'

export interface RankingSpec {
  metric: string
  region: string
  from: string
  to: string
  /** area: the region's next level down (townships of a county, counties of a city, …). */
  level: 'area' | 'township' | 'station'
}

export interface RankedRow {
  key: string
  name: string
  value: number | null
  base: number | null
  smallSample: boolean
  rank: number | null
  /** 1 = the best quarter, 4 = the worst. */
  quartile: number | null
  vsRegion: number | null
}

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}

export async function rankBy(db: DbOrTx, spec: RankingSpec) {
  const metric = catalogById.get(spec.metric)
  const [setting] = await rowsOf<{ min: number }>(
    db,
    sql`select coalesce(max(min_rate_denominator), 10)::int as min from county_settings where county_code = ${spec.region.slice(0, 6)}`,
  )
  const minBase = setting?.min ?? 10
  const scope = { region: spec.region, from: spec.from, to: spec.to, ids: [spec.metric] }
  const [rows, total] = await Promise.all([
    queryMetrics(db, { ...scope, by: spec.level }),
    queryMetrics(db, scope),
  ])
  const regionValue = (total.data[0]?.[spec.metric] ?? null) as number | null
  const isRate = metric?.unit === 'rate'
  const entries = rows.data.map((r) => {
    const value = r[spec.metric] as number | null
    const base = isRate ? (r[`${spec.metric}__base`] as number | null) : null
    return {
      key: String(r[spec.level]),
      name: String(r[`${spec.level}_name`] ?? r[spec.level]),
      value,
      base,
      smallSample: isRate && (base ?? 0) < minBase,
    }
  })
  const rankable = entries.filter((e) => e.value !== null && !e.smallSample)
  const lowerIsBetter = metric?.higherIsBetter === false
  rankable.sort((a, b) => (lowerIsBetter ? a.value! - b.value! : b.value! - a.value!))
  const values = rankable.map((e) => e.value!).sort((a, b) => a - b)
  const stats = {
    regionValue,
    mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
    median: quantile(values, 0.5),
    q1: quantile(values, 0.25),
    q3: quantile(values, 0.75),
    minBase,
  }
  // Ties share a rank (competition ranking: 1, 2, 2, 4).
  const rankOf = new Map<string, number>()
  for (const [i, e] of rankable.entries()) {
    const tied = i > 0 && rankable[i - 1]!.value === e.value
    rankOf.set(e.key, tied ? rankOf.get(rankable[i - 1]!.key)! : i + 1)
  }
  const n = rankable.length
  // A set, not rankable.includes: a nation's 234,000 stations made that quadratic (seconds).
  const isRanked = new Set(rankable)
  const ranked: RankedRow[] = [...rankable, ...entries.filter((e) => !isRanked.has(e))].map((e) => {
    const rank = rankOf.get(e.key) ?? null
    return {
      ...e,
      rank,
      quartile: rank === null ? null : Math.min(4, Math.floor(((rank - 1) / n) * 4) + 1),
      vsRegion: e.value === null || regionValue === null ? null : e.value - regionValue,
    }
  })
  return { rows: ranked, stats }
}
