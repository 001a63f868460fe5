// Metrics from base figures: every rate is numerator ÷ denominator, null when the denominator is 0.
import type { BaseRow } from './sources.ts'

const n = (row: BaseRow, key: string): number | null => {
  const v = row[key]
  return v === null || v === undefined ? null : Number(v)
}
const ratio = (num: number | null, den: number | null) =>
  num === null || den === null || den === 0 ? null : num / den

const per10k = (value: number | null, population: number | null) =>
  value === null || !population ? null : (value / population) * 10_000

/** metric id → [value, denominator] for one merged row of base figures. */
export function deriveMetrics(row: BaseRow): Record<string, [number | null, number | null]> {
  const v = (key: string): [number | null, null] => [n(row, key), null]
  const r = (num: string, den: string): [number | null, number | null] => [
    ratio(n(row, num), n(row, den)),
    n(row, den),
  ]
  const planned = n(row, 'stations_planned')
  return {
    stations_planned: v('stations_planned'),
    stations_target: v('stations_target'),
    stations_built: v('built'),
    stations_standardised: v('standardised'),
    station_coverage_rate: [ratio(n(row, 'standardised_planned_kinds'), planned), planned],
    townships_covered_rate: r('townships_covered', 'townships'),
    seven_standard_rate: r('seven', 'built'),
    deputies_total: v('deputies_total'),
    deputies_covered: v('deputies_covered'),
    deputy_coverage_rate: r('deputies_covered', 'deputies_total'),
    receptions: v('receptions'),
    visitors: v('visitors'),
    deputy_attendances: v('deputy_attendances'),
    opinions_collected: v('collected'),
    opinions_replied: v('replied'),
    opinions_resolved: v('resolved'),
    resolution_rate: r('resolved', 'collected'),
    reply_rate: r('replied', 'collected'),
    timely_rate: r('timely', 'resolved'),
    median_days_to_resolve: v('median_days'),
    p90_days_to_resolve: v('p90_days'),
    backlog: v('backlog'),
    overdue: v('overdue'),
    opinions_evaluated: v('evaluated'),
    satisfaction_rate: r('satisfied_or_basic', 'evaluated'),
    strict_satisfaction_rate: r('satisfied', 'evaluated'),
    evaluated_share: r('evaluated', 'resolved'),
    projects: v('projects'),
    projects_completed: v('projects_completed'),
    funds_allocated: v('funds_allocated'),
    funds_spent: v('funds_spent'),
    fund_execution_rate: r('funds_spent', 'funds_allocated'),
    funds_budget: v('funds_budget'),
    fund_budget_share: r('funds_allocated', 'funds_budget'),
    reportback_done: v('reportback_done'),
    reportback_required: v('reportback_required'),
    reportback_rate: r('reportback_done', 'reportback_required'),
    reportback_target_rate: v('reportback_target_rate'),
    receptions_per_station: r('receptions', 'built'),
    visitors_per_10k: [per10k(n(row, 'visitors'), n(row, 'population')), n(row, 'population')],
    opinions_per_10k: [per10k(n(row, 'collected'), n(row, 'population')), n(row, 'population')],
    opinions_per_deputy: r('collected', 'deputies_total'),
  }
}
