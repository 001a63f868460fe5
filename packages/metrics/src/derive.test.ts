import { describe, expect, it } from 'vitest'
import { catalog } from './catalog.ts'
import { derivations, deriveMetric } from './derive.ts'

describe('deriving metrics from base figures', () => {
  it('derives every metric of the catalogue, and nothing else', () => {
    // A metric without a derivation would answer null (or 0) for every region, silently.
    expect(Object.keys(derivations).sort()).toEqual(catalog.map((m) => m.id).sort())
  })

  it('divides a rate by its denominator, null over zero, and keeps the denominator', () => {
    expect(deriveMetric({ key: null, resolved: 3, collected: 4 }, 'resolution_rate')).toEqual([0.75, 4])
    expect(deriveMetric({ key: null, resolved: 0, collected: 0 }, 'resolution_rate')).toEqual([null, 0])
    expect(deriveMetric({ key: null, resolved: 0, collected: null }, 'resolution_rate')).toEqual([null, null])
  })

  it('counts a numerator its source had no row for as 0 beside a denominator', () => {
    // 70 rooms planned and none registered: 0 % covered, not no figure.
    expect(deriveMetric({ key: 'room', stations_planned: 70 }, 'station_coverage_rate')).toEqual([0, 70])
    // Stations built and no activity registered: 0 a station, the township that lags.
    expect(deriveMetric({ key: null, built: 4, months: 12 }, 'receptions_per_station')).toEqual([0, 4])
  })

  it('reads counts as numbers, with the population per 10,000 residents', () => {
    expect(deriveMetric({ key: null, collected: '12' }, 'opinions_collected')).toEqual([12, null])
    expect(deriveMetric({ key: null, visitors: 30, population: 20_000 }, 'visitors_per_10k')).toEqual([
      15, 20_000,
    ])
    expect(deriveMetric({ key: null, visitors: 30, population: 0 }, 'visitors_per_10k')).toEqual([null, 0])
    expect(deriveMetric({ key: null }, 'no_such_metric')).toEqual([null, null])
  })
})
