import { describe, expect, it } from 'vitest'
import { textsOf } from '../texts.ts'
import { categoryPieOption, palette, trendOption } from './options.ts'

const slices = (option: ReturnType<typeof categoryPieOption>) =>
  (option.dataset as { source: { name: string; value: number }[] }).source

describe('a share ring in a report', () => {
  it('keeps the largest seven of twenty categories and sums the rest as 其他, one colour each', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ({ name: `类${i + 1}`, value: i + 1 }))
    const source = slices(categoryPieOption(twenty))
    expect(source).toHaveLength(palette.length)
    expect(source.slice(0, 7).map((s) => s.value)).toEqual([20, 19, 18, 17, 16, 15, 14])
    // 1 + 2 + … + 13 = 91; nothing is lost from the total (210).
    expect(source[7]).toEqual({ name: '其他', value: 91 })
    expect(source.reduce((n, s) => n + s.value, 0)).toBe(210)
    expect(slices(categoryPieOption(twenty, 'Other'))[7]!.name).toBe('Other')
  })

  it('draws up to eight as they are, largest first, leaving out empty ones', () => {
    const six = [
      { name: '走访', value: 3 },
      { name: '进站', value: 9 },
      { name: '电话', value: 0 },
      { name: '微信', value: null },
    ]
    expect(slices(categoryPieOption(six))).toEqual([
      { name: '进站', value: 9 },
      { name: '走访', value: 3 },
    ])
  })
})

describe('a trend in a report', () => {
  const months = (keys: string[]) =>
    (
      trendOption(
        keys.map((month) => ({ month, receptions: 1, opinions_collected: 1, resolution_rate: 0.5 })),
      ).dataset as { source: { month: string }[] }
    ).source.map((r) => r.month)

  it('names the months, and the year of a January where the months cross into it', () => {
    expect(months(['2025-01', '2025-02', '2025-12'])).toEqual(['1月', '2月', '12月'])
    expect(months(['2024-11', '2024-12', '2025-01', '2025-02'])).toEqual(['11月', '12月', '2025年1月', '2月'])
    const en = (
      trendOption([{ month: '2025-01' }, { month: '2024-12' }], textsOf('en').chart).dataset as {
        source: { month: string }[]
      }
    ).source.map((r) => r.month)
    expect(en).toEqual(['Jan 2025', 'Dec'])
  })
})
