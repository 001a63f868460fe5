// The stations module's plan chart: a township (no plan of its own) draws no target and names none.
import type { ModuleData } from '@liaison/contracts'
import { describe, expect, it } from 'vitest'
import { stationPanels } from './stations-data.ts'

type Year = {
  year: string
  stations_standardised_planned: number
  stations_target: number | null
  stations_planned: number | null
}

function data(years: Year[]) {
  const region = { code: '520523001', name: '西洛街道', level: 'township' }
  return {
    meta: { region, areasOf: region, from: '2025-01-01', to: '2025-12-31', compare: null, previous: null },
    kpis: [],
    breakdowns: { years, areas: [], list: [], stations: [], monthly: [] },
  } as unknown as ModuleData<'stations'>
}
const legendOf = (years: Year[]) => {
  const plan = stationPanels(data(years), 'light', 'zh-CN', (k) => k).find((p) => p.id === 'stations-plan')!
  const series = plan.option!.series as { name: string; type: string }[]
  return series.map((s) => `${s.type}:${s.name}`)
}

describe('the three-year plan chart', () => {
  it("draws the county's cumulative target beside what is standardised", () => {
    const years = [2023, 2024, 2025].map((y, i) => ({
      year: String(y),
      stations_standardised_planned: 30 + 30 * i,
      stations_target: 35 + 30 * i,
      stations_planned: 97,
    }))
    expect(legendOf(years)).toEqual(['bar:planSeries.done', 'line:planSeries.target'])
  })

  it('leaves the target out where there is no plan (a township), instead of naming a line it cannot draw', () => {
    const years = [2023, 2024, 2025].map((y) => ({
      year: String(y),
      stations_standardised_planned: 5,
      stations_target: null,
      stations_planned: null,
    }))
    expect(legendOf(years)).toEqual(['bar:planSeries.done'])
  })
})
