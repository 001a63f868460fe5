// The opinions module's data in one object. Until the API has GET /modules/opinions/data, it is assembled here
// from /metrics breakdowns (every figure is still computed by the API).
import type { RegionRef } from '@liaison/contracts'
import { fetchMetrics, type MetricRow } from '@liaison/ui'

export interface OpinionsData {
  region: RegionRef
  totals: MetricRow
  byStatus: MetricRow[]
  byCategory: MetricRow[]
  byChannel: MetricRow[]
  byRoute: MetricRow[]
  byTownship: MetricRow[]
  byMonth: MetricRow[]
}

const totalIds = [
  'opinions_collected',
  'opinions_replied',
  'opinions_resolved',
  'opinions_evaluated',
  'resolution_rate',
  'timely_rate',
  'median_days_to_resolve',
  'p90_days_to_resolve',
  'backlog',
  'overdue',
  'satisfaction_rate',
  'strict_satisfaction_rate',
  'evaluated_share',
]
const townshipIds = [
  'opinions_collected',
  'resolution_rate',
  'timely_rate',
  'median_days_to_resolve',
  'p90_days_to_resolve',
  'backlog',
  'overdue',
  'satisfaction_rate',
  'strict_satisfaction_rate',
]

export async function loadOpinions(
  query: Record<string, string>,
  signal: AbortSignal,
): Promise<OpinionsData> {
  const scope = { region: query.region!, from: query.from!, to: query.to! }
  const [totals, byStatus, byCategory, byChannel, byRoute, byTownship, byMonth] = await Promise.all([
    fetchMetrics(query, totalIds, null, signal),
    fetchMetrics(scope, ['opinions_collected'], 'status', signal),
    fetchMetrics(scope, ['opinions_collected', 'resolution_rate'], 'category', signal),
    fetchMetrics(scope, ['opinions_collected', 'opinions_replied'], 'channel', signal),
    fetchMetrics(scope, ['opinions_collected'], 'route', signal),
    fetchMetrics(scope, townshipIds, 'township', signal),
    fetchMetrics(scope, ['opinions_collected', 'opinions_resolved', 'satisfaction_rate'], 'month', signal),
  ])
  return {
    region: totals.meta.region,
    totals: totals.data[0] ?? {},
    byStatus: byStatus.data,
    byCategory: byCategory.data,
    byChannel: byChannel.data,
    byRoute: byRoute.data,
    byTownship: byTownship.data,
    byMonth: byMonth.data,
  }
}

const order = ['collected', 'reported', 'handling', 'replied', 'resolved']

/**
 * The funnel 收集 → 上报 → 办理 → 答复 → 办结 → 评价: opinions that reached each stage, from the count by
 * current status (a resolved opinion also passed every earlier stage), then the evaluated ones.
 */
export function funnelStages(byStatus: MetricRow[], evaluated: number | null) {
  const count = (status: string) => Number(byStatus.find((r) => r.status === status)?.opinions_collected ?? 0)
  const stages = order.map((status, i) => ({
    status,
    value: order.slice(i).reduce((sum, s) => sum + count(s), 0),
  }))
  return [...stages, { status: 'evaluated', value: evaluated ?? 0 }]
}
