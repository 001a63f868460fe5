// The report-back module's data in one object. Until the API has GET /modules/reportback/data, it is assembled
// here from /metrics (every figure is still computed by the API).
import type { RegionRef } from '@liaison/contracts'
import { fetchMetrics, type MetricRow } from '@liaison/ui'

export interface ReportbackData {
  region: RegionRef
  totals: MetricRow
  /** The term's years up to the period's: cumulative completion against the cumulative target. */
  byYear: MetricRow[]
  byTownship: MetricRow[]
  byLevel: MetricRow[]
}

const ids = ['reportback_done', 'reportback_required', 'reportback_rate']

export async function loadReportback(
  query: Record<string, string>,
  signal: AbortSignal,
): Promise<ReportbackData> {
  const scope = { region: query.region!, from: query.from!, to: query.to! }
  const last = Number(scope.to.slice(0, 4))
  const years = [last - 2, last - 1, last]
  const [totals, byTownship, byLevel, ...byYear] = await Promise.all([
    fetchMetrics(query, [...ids, 'reportback_target_rate'], null, signal),
    fetchMetrics(scope, ids, 'township', signal),
    fetchMetrics(scope, ids, 'level', signal),
    ...years.map((y) =>
      fetchMetrics(
        { region: scope.region, from: `${y}-01-01`, to: `${y}-12-31` },
        ['reportback_rate', 'reportback_target_rate'],
        null,
        signal,
      ),
    ),
  ])
  return {
    region: totals.meta.region,
    totals: totals.data[0] ?? {},
    byYear: byYear.map((r, i) => ({ year: String(years[i]), ...(r.data[0] ?? {}) })),
    byTownship: byTownship.data,
    byLevel: byLevel.data,
  }
}
