// Metrics from base figures: every rate is numerator ÷ denominator, null when the denominator is 0. Each metric
// is derived on its own, so an answer pays only for the figures it asks for (deriving all 44 for every row was a
// tenth of a computed answer's time in the API).
import { sevenItemMeasures } from './rollup-tables.ts'
import type { BaseRow } from './sources.ts'

/** A metric's value and, for a rate, its denominator. */
export type Derived = [value: number | null, base: number | null]

const n = (row: BaseRow, key: string): number | null => {
  const v = row[key]
  return v === null || v === undefined ? null : Number(v)
}
const ratio = (num: number | null, den: number | null) =>
  num === null || den === null || den === 0 ? null : num / den

const value =
  (key: string) =>
  (row: BaseRow): Derived => [n(row, key), null]
// A numerator missing beside its denominator counts 0: its source had no row there (70 rooms planned and none
// registered is 0 % covered, not no figure).
const rate =
  (num: string, den: string) =>
  (row: BaseRow): Derived => {
    const base = n(row, den)
    return [ratio(n(row, num) ?? 0, base), base]
  }
const per10k =
  (key: string) =>
  (row: BaseRow): Derived => {
    const [count, population] = [n(row, key), n(row, 'population')]
    return [count === null || !population ? null : (count / population) * 10_000, population]
  }
// A figure for the period ÷ the months it spans (the query sets `months`), its base unchanged.
const perMonth =
  (derive: (row: BaseRow) => Derived) =>
  (row: BaseRow): Derived => {
    const [figure, base] = derive(row)
    return [ratio(figure, n(row, 'months')), base]
  }

/** metric id → how it is derived from one merged row of base figures. */
export const derivations: Record<string, (row: BaseRow) => Derived> = {
  stations_planned: value('stations_planned'),
  stations_target: value('stations_target'),
  stations_built: value('built'),
  stations_standardised: value('standardised'),
  stations_standardised_planned: value('standardised_planned_kinds'),
  station_coverage_rate: rate('standardised_planned_kinds', 'stations_planned'),
  townships_covered_rate: rate('townships_covered', 'townships'),
  seven_standard_rate: rate('seven', 'built'),
  ...Object.fromEntries(sevenItemMeasures.map((i) => [i.rate, rate(i.measure, 'built')])),
  deputies_total: value('deputies_total'),
  deputies_covered: value('deputies_covered'),
  deputy_coverage_rate: rate('deputies_covered', 'deputies_total'),
  deputies_per_station: rate('deputies_covered', 'built'),
  receptions: value('receptions'),
  visitors: value('visitors'),
  deputy_attendances: value('deputy_attendances'),
  opinions_collected: value('collected'),
  opinions_replied: value('replied'),
  opinions_resolved: value('resolved'),
  resolution_rate: rate('resolved', 'collected'),
  reply_rate: rate('replied', 'collected'),
  timely_rate: rate('timely', 'resolved'),
  median_days_to_resolve: value('median_days'),
  p90_days_to_resolve: value('p90_days'),
  backlog: value('backlog'),
  overdue: value('overdue'),
  opinions_evaluated: value('evaluated'),
  satisfaction_rate: rate('satisfied_or_basic', 'evaluated'),
  strict_satisfaction_rate: rate('satisfied', 'evaluated'),
  evaluated_share: rate('evaluated', 'resolved'),
  projects: value('projects'),
  projects_completed: value('projects_completed'),
  project_completion_rate: rate('projects_completed', 'projects'),
  funds_allocated: value('funds_allocated'),
  funds_spent: value('funds_spent'),
  fund_execution_rate: rate('funds_spent', 'funds_allocated'),
  funds_budget: value('funds_budget'),
  fund_budget_share: rate('funds_allocated', 'funds_budget'),
  reportback_done: value('reportback_done'),
  reportback_required: value('reportback_required'),
  reportback_rate: rate('reportback_done', 'reportback_required'),
  reportback_target_rate: value('reportback_target_rate'),
  receptions_per_station: perMonth(rate('receptions', 'built')),
  visitors_per_10k: per10k('visitors'),
  opinions_per_10k: per10k('collected'),
  opinions_per_deputy: rate('collected', 'deputies_total'),
}

/** One metric of one merged row of base figures. */
export function deriveMetric(row: BaseRow, id: string): Derived {
  return derivations[id]?.(row) ?? [null, null]
}
