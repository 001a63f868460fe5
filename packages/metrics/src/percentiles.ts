// Percentiles from histograms of whole days, computed as PostgreSQL's percentile_cont does (so the rollups' answer
// equals the facts' to the last bit): the value at position p·(n−1) of the sorted values, interpolated linearly.
import type { BaseRow } from './grouping.ts'

/** A histogram: value → count. */
export type Histogram = Map<number, number>

/** percentile_cont(p) of the values a histogram holds; null when it is empty. */
export function percentileCont(histogram: Histogram, p: number): number | null {
  const bins = [...histogram].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0])
  const total = bins.reduce((sum, [, n]) => sum + n, 0)
  if (total === 0) return null
  const position = p * (total - 1)
  const lower = Math.floor(position)
  const upper = Math.ceil(position)
  const at = (index: number) => {
    let seen = 0
    for (const [value, n] of bins) {
      seen += n
      if (index < seen) return value
    }
    return bins[bins.length - 1]![0]
  }
  const low = at(lower)
  return lower === upper ? low : low + (position - lower) * (at(upper) - low)
}

/** Rows of (key, days, count), possibly several per key and day, as one row per key with its median and 90th
 * percentile of days to resolve. */
export function percentileRows(bins: { key: string | null; days: number; n: number }[]): BaseRow[] {
  const byKey = new Map<string | null, Histogram>()
  for (const { key, days, n } of bins) {
    const histogram = byKey.get(key) ?? new Map<number, number>()
    histogram.set(Number(days), (histogram.get(Number(days)) ?? 0) + Number(n))
    byKey.set(key, histogram)
  }
  return [...byKey].map(([key, histogram]) => ({
    key,
    median_days: percentileCont(histogram, 0.5),
    p90_days: percentileCont(histogram, 0.9),
  }))
}
