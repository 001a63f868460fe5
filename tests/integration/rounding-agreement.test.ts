// Screen and report say the same number: every rate and change the dashboard shows (@liaison/ui/format) reads the
// same in the written paragraph (@liaison/metrics wording) and in the Word and PowerPoint charts (exporter), for
// any fraction of whole counts, as the figures are.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { trendOption } from '../../packages/exporter/src/charts/options.ts'
import { countChangeZh, percent, rateChangeZh } from '../../packages/metrics/src/wording.ts'
import { formatChange, formatRate } from '../../packages/ui/src/format/index.ts'

/** A count over a count, as a rate or a change is computed. */
const fraction = fc
  .tuple(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: 1, max: 5000 }))
  .map(([a, b]) => a / b)
const share = fc.tuple(fc.nat(5000), fc.integer({ min: 1, max: 5000 })).map(([a, b]) => Math.min(a, b) / b)
/** The number in a text: "-1.3%" → -1.3, "同比下降1.3%" → 1.3 (the words carry the sign). */
const numberIn = (text: string) => Number(/-?\d+(\.\d+)?/.exec(text)?.[0] ?? Number.NaN)

describe('one rounding for screen and report', () => {
  it('writes a rate as the card shows it, and the exported chart draws it so', () => {
    fc.assert(
      fc.property(share, (rate) => {
        expect(numberIn(percent(rate))).toBe(numberIn(formatRate(rate)))
        const drawn = (
          trendOption([{ month: '2025-01', resolution_rate: rate }]) as {
            dataset: { source: { rate: number }[] }
          }
        ).dataset.source[0]!.rate
        expect(drawn).toBe(numberIn(formatRate(rate)))
      }),
      { numRuns: 2000 },
    )
    // Found by hand before: 37 of 2,000 read 1.9% on screen and 1.8% in the report; 2.95% read 2.9% on screen.
    expect([formatRate(37 / 2000), percent(37 / 2000)]).toEqual(['1.9%', '1.9%'])
  })

  it("words a count's change and a rate's change in points as the card does, rises and falls alike", () => {
    fc.assert(
      fc.property(fraction, (change) => {
        const card = formatChange(change, 'count', 'zh-CN')
        const words = countChangeZh(change, 'yoy')
        if (card.direction === 'flat') expect(words).toBe('同比持平')
        else {
          expect(words).toContain(card.direction === 'up' ? '增长' : '下降')
          expect(numberIn(words)).toBe(Math.abs(numberIn(card.text)))
        }
        const points = formatChange(change / 10, 'rate', 'zh-CN')
        const pointWords = rateChangeZh(change / 10, 'yoy')
        if (points.direction === 'flat') expect(pointWords).toBe('同比持平')
        else expect(numberIn(pointWords)).toBe(Math.abs(numberIn(points.text)))
      }),
      { numRuns: 2000 },
    )
    // −1/80 is a fall of 1.25 %: 1.3 % on both (the card's Math.round made it −1.2 %).
    expect(formatChange(-1 / 80, 'count', 'zh-CN').text).toBe('-1.3%')
    expect(countChangeZh(-1 / 80, 'yoy')).toBe('同比下降1.3%')
  })
})
