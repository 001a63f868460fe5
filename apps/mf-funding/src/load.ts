// The funding module's data in one object. Until the API has GET /modules/funding/data, it is assembled here
// from /metrics breakdowns (every figure is still computed by the API).
import type { RegionRef } from '@liaison/contracts'
import { fetchMetrics, type MetricRow } from '@liaison/ui'

export interface FundingData {
  region: RegionRef
  totals: MetricRow
  byTownship: MetricRow[]
  byCategory: MetricRow[]
  byStatus: MetricRow[]
  byMonth: MetricRow[]
}

const totalIds = [
  'projects',
  'projects_completed',
  'funds_budget',
  'funds_allocated',
  'funds_spent',
  'fund_execution_rate',
  'fund_budget_share',
]
const partIds = ['projects', 'funds_allocated', 'funds_spent', 'fund_execution_rate']

export async function loadFunding(query: Record<string, string>, signal: AbortSignal): Promise<FundingData> {
  const scope = { region: query.region!, from: query.from!, to: query.to! }
  const [totals, byTownship, byCategory, byStatus, byMonth] = await Promise.all([
    fetchMetrics(query, totalIds, null, signal),
    fetchMetrics(scope, partIds, 'township', signal),
    fetchMetrics(scope, partIds, 'category', signal),
    fetchMetrics(scope, ['projects', 'funds_allocated'], 'status', signal),
    fetchMetrics(scope, ['funds_allocated', 'funds_spent'], 'month', signal),
  ])
  return {
    region: totals.meta.region,
    totals: totals.data[0] ?? {},
    byTownship: byTownship.data,
    byCategory: byCategory.data,
    byStatus: byStatus.data,
    byMonth: byMonth.data,
  }
}
