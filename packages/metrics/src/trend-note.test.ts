import { describe, expect, it } from 'vitest'
import { trendNote } from './trend-note.ts'

const month = (m: string, collected: number, resolved: number) => ({
  month: m,
  opinions_collected: collected,
  opinions_resolved: resolved,
})
const year = { from: '2025-01-01', to: '2025-12-31', today: '2026-03-01' }

describe('trendNote', () => {
  it("explains a last month resolving less than the period: its open opinions, counted by the period's end", () => {
    // Period: 38 of 40 resolved (95 %); December 6 of 10 (60 %), 4 open.
    const trend = [month('2025-10', 15, 15), month('2025-11', 15, 14), month('2025-12', 10, 6)]
    expect(trendNote(trend, year)).toEqual({
      zh: '各月办结率按期末的办理状态计算，近期收集的尚在办理中：12月收集的10件中有4件未办结。',
      en: "Each month's resolution rate counts what was resolved by the period's end, so recent months read lower: 4 of the 10 opinions collected in December 2025 were still open.",
    })
  })

  it('names the last month with opinions, its year when the period spans two, and a running period as of today', () => {
    const trend = [month('2025-11', 20, 20), month('2025-12', 1200, 700), month('2026-01', 0, 0)]
    const note = trendNote(trend, { from: '2025-11-01', to: '2026-01-31', today: '2026-01-20' })
    expect(note?.zh).toBe(
      '各月办结率按截至2026年1月20日的办理状态计算，近期收集的尚在办理中：2025年12月收集的1,200件中有500件未办结。',
    )
    expect(note?.en).toContain('resolved by 20 January 2026')
    expect(note?.en).toContain('500 of the 1,200 opinions collected in December 2025 are still open.')
  })

  it('says nothing when the last month resolves as much as the period, has none open, or is the only month', () => {
    expect(trendNote([month('2025-11', 10, 5), month('2025-12', 10, 6)], year)).toBeNull()
    expect(trendNote([month('2025-11', 10, 5), month('2025-12', 10, 10)], year)).toBeNull()
    expect(trendNote([month('2025-12', 10, 6)], year)).toBeNull()
    expect(trendNote([], year)).toBeNull()
  })
})
