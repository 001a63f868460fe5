import type { Kpi } from '@liaison/contracts'
import type { RankingColumn } from '@liaison/ui'

const ids = [
  ['receptions', 'count'],
  ['visitors', 'people'],
  ['opinions_collected', 'count'],
  ['resolution_rate', 'rate'],
  ['satisfaction_rate', 'rate'],
  ['funds_allocated', 'yuan'],
  ['reportback_rate', 'rate'],
] as const

/** The area table's columns, labelled and directed as the API's KPIs are. */
export function areaColumns(locale: 'zh-CN' | 'en', kpis: Kpi[]): RankingColumn[] {
  return ids.map(([key, unit]) => {
    const kpi = kpis.find((k) => k.id === key)
    return {
      key,
      unit,
      label: kpi ? (locale === 'en' ? kpi.label.en : kpi.label.zh) : key,
      higherIsBetter: kpi?.higherIsBetter ?? null,
    }
  })
}

type Row = Record<string, string | number | null>

/**
 * The reference row the table colours against: the region's own rate for rates, and for totals the average
 * area (a township's count against the county total would always look low).
 */
export function regionAverage(rows: Row[], total: Row | null): Row | null {
  if (!total || rows.length === 0) return null
  const average: Row = {}
  for (const [key, unit] of ids) {
    const value = total[key]
    average[key] = typeof value !== 'number' ? null : unit === 'rate' ? value : value / rows.length
  }
  return average
}
