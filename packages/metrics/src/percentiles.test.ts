import { describe, expect, it } from 'vitest'
import { percentileCont, percentileRows } from './percentiles.ts'

const of = (values: number[]) => {
  const h = new Map<number, number>()
  for (const v of values) h.set(v, (h.get(v) ?? 0) + 1)
  return h
}

describe('percentileCont', () => {
  it('is null for no values and the value itself for one', () => {
    expect(percentileCont(new Map(), 0.5)).toBeNull()
    expect(percentileCont(of([7]), 0.9)).toBe(7)
  })

  it('interpolates as percentile_cont: [1, 2, 10, 11] → median 6, p90 10.7', () => {
    // Hand-computed: median position 0.5·3 = 1.5 → 2 + 0.5·(10 − 2) = 6; p90 position 2.7 → 10 + 0.7·1 = 10.7.
    expect(percentileCont(of([11, 1, 10, 2]), 0.5)).toBe(6)
    expect(percentileCont(of([11, 1, 10, 2]), 0.9)).toBeCloseTo(10.7, 12)
  })

  it('counts repeated values by their weight', () => {
    // 3, 3, 3, 20: median position 1.5 between the 2nd and 3rd value (both 3); p90 at 2.7 → 3 + 0.7·17 = 14.9.
    expect(
      percentileCont(
        new Map([
          [3, 3],
          [20, 1],
        ]),
        0.5,
      ),
    ).toBe(3)
    expect(
      percentileCont(
        new Map([
          [3, 3],
          [20, 1],
        ]),
        0.9,
      ),
    ).toBeCloseTo(14.9, 12)
  })

  it('adds the bins of one key from several parts before taking the percentile', () => {
    const rows = percentileRows([
      { key: 'a', days: 1, n: 1 },
      { key: 'a', days: 10, n: 1 },
      { key: 'b', days: 4, n: 2 },
      { key: 'a', days: 2, n: 1 },
      { key: 'a', days: 11, n: 1 },
    ])
    expect(rows).toEqual([
      { key: 'a', median_days: 6, p90_days: expect.closeTo(10.7, 12) },
      { key: 'b', median_days: 4, p90_days: 4 },
    ])
  })
})
