// The stations module's plan chart: a township (no plan of its own) draws no target and names none; the kinds
// and the seven items as their charts list them.
import type { ModuleData } from '@liaison/contracts'
import { describe, expect, it } from 'vitest'
import { itemRows, kindRows, stationPanels } from './stations-data.ts'

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
    breakdowns: { years, areas: [], kinds: [], items: [], list: [], stations: [], monthly: [] },
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

describe('coverage by kind', () => {
  const kinds = [
    { kind: 'online', stations_built: 0, stations_standardised: 0, stations_planned: null },
    { kind: 'room', stations_built: 30, stations_standardised: 26, stations_planned: 70 },
    { kind: 'point', stations_built: 0, stations_standardised: 0, stations_planned: null },
    { kind: 'home', stations_built: 1, stations_standardised: 1, stations_planned: null },
    { kind: 'station', stations_built: 12, stations_standardised: 11, stations_planned: 27 },
  ]
  const of = (rows: object[], locale: 'zh-CN' | 'en') =>
    kindRows({ breakdowns: { kinds: rows } } as unknown as ModuleData<'stations'>, locale)

  it("lists the kinds in the registers' order, leaving out online stations and kinds with nothing", () => {
    expect(of(kinds, 'zh-CN').map((r) => r.name)).toEqual(['联络站', '联络室', '代表之家'])
    expect(of(kinds, 'en').map((r) => r.name)).toEqual(['Station', 'Room', "Deputies' home"])
  })

  it("draws the plan's bars and coverage line only where there is a plan (not for a township)", () => {
    const legend = (rows: object[]) => {
      const d = { ...data([]), breakdowns: { ...data([]).breakdowns, kinds: rows } } as ModuleData<'stations'>
      const panel = stationPanels(d, 'light', 'zh-CN', (k) => k).find((p) => p.id === 'stations-kinds')!
      return (panel.option!.series as { name: string }[]).map((s) => s.name)
    }
    expect(legend(kinds)).toEqual([
      'kindSeries.built',
      'kindSeries.standardised',
      'kindSeries.planned',
      'kindSeries.rate',
    ])
    const township = kinds.map((r) => ({ ...r, stations_planned: null }))
    expect(legend(township)).toEqual(['kindSeries.built', 'kindSeries.standardised'])
  })

  it('keeps a planned kind with nothing built yet', () => {
    const planned = [{ kind: 'station', stations_built: 0, stations_standardised: 0, stations_planned: 27 }]
    expect(of(planned, 'zh-CN').map((r) => r.stations_planned)).toEqual([27])
  })
})

describe('the seven items one by one', () => {
  const of = (items: object[]) =>
    itemRows({ breakdowns: { items } } as unknown as ModuleData<'stations'>, 'zh-CN')

  it("gives each item's rate in the registers' order", () => {
    const row = {
      seven_venue_rate: 1,
      seven_signage_rate: 0.9,
      seven_equipment_rate: 0.8,
      seven_info_rate: 0.7,
      seven_rules_rate: 0.6,
      seven_archives_rate: 0.5,
      seven_records_rate: 0.4,
      seven_standard_rate: 0.3,
    }
    expect(of([row])).toEqual([
      { name: '场所', rate: 1 },
      { name: '标识', rate: 0.9 },
      { name: '设备', rate: 0.8 },
      { name: '信息', rate: 0.7 },
      { name: '制度', rate: 0.6 },
      { name: '档案', rate: 0.5 },
      { name: '记录', rate: 0.4 },
    ])
  })

  it('draws all seven as a last bar of its own, after the items', () => {
    const row = { seven_venue_rate: 1, seven_signage_rate: 0.5, seven_standard_rate: 0.25 }
    const d = { ...data([]), breakdowns: { ...data([]).breakdowns, items: [row] } } as ModuleData<'stations'>
    const panel = stationPanels(d, 'light', 'zh-CN', (k) => k).find((p) => p.id === 'stations-items')!
    const source = (panel.option!.dataset as { source: { name: string; rate: number | null }[] }).source
    expect(source.map((r) => r.name)).toEqual([
      '场所',
      '标识',
      '设备',
      '信息',
      '制度',
      '档案',
      '记录',
      'allSeven',
    ])
    expect(source.at(-1)!.rate).toBe(0.25)
    expect(panel.rows).toBe(8)
  })

  it('is empty where no station is built (no rate to draw)', () => {
    expect(of([{ seven_venue_rate: null, seven_standard_rate: null }])).toEqual([])
    expect(of([])).toEqual([])
  })
})
