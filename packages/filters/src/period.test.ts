import { describe, expect, it } from 'vitest'
import { customToken, latestFullYear, parsePeriod, periodLabel, tokenOfKind } from './period.ts'

describe('periods', () => {
  it('turns tokens into inclusive ranges', () => {
    expect(parsePeriod('2025')).toEqual({ kind: 'year', from: '2025-01-01', to: '2025-12-31' })
    expect(parsePeriod('2024-Q1')).toEqual({ kind: 'quarter', from: '2024-01-01', to: '2024-03-31' })
    expect(parsePeriod('2024-02')).toEqual({ kind: 'month', from: '2024-02-01', to: '2024-02-29' })
    expect(parsePeriod(customToken('2025-01-05', '2025-02-01'))?.to).toBe('2025-02-01')
    expect(parsePeriod('custom:2025-03-01~2025-01-01')).toBeNull()
    // Days that do not exist are not a period (the API would refuse them on every panel).
    expect(parsePeriod('custom:2023-02-30~2023-12-31')).toBeNull()
    expect(parsePeriod('custom:2023-01-01~2023-13-45')).toBeNull()
    expect(parsePeriod('custom:2024-02-29~2024-03-00')).toBeNull()
    expect(parsePeriod('custom:2024-02-29~2024-03-31')).toEqual({
      kind: 'custom',
      from: '2024-02-29',
      to: '2024-03-31',
    })
    expect(parsePeriod('2025-13')).toBeNull()
    // Outside the years the API answers for (1950 to 2100), as the API refuses them.
    expect(parsePeriod('1950')?.from).toBe('1950-01-01')
    expect(parsePeriod('2100-Q4')?.to).toBe('2100-12-31')
    for (const token of ['1000', '0000', '1949-12', '2101', customToken('1949-12-31', '2025-12-31')])
      expect(parsePeriod(token), token).toBeNull()
  })

  it('labels periods in both languages', () => {
    expect(periodLabel('2025-Q2', 'zh-CN')).toBe('2025年第2季度')
    expect(periodLabel('2025-03', 'zh-CN')).toBe('2025年3月')
    expect(periodLabel('2025-Q2', 'en')).toBe('Q2 2025')
    expect(periodLabel('2025-03', 'en')).toBe('Mar 2025')
    expect(periodLabel('2025-12', 'en')).toBe('Dec 2025')
  })

  it('switches kind around a day and defaults to the last full year', () => {
    expect(tokenOfKind('quarter', '2025-12-31')).toBe('2025-Q4')
    expect(tokenOfKind('month', '2025-12-31')).toBe('2025-12')
    expect(latestFullYear(new Date('2026-11-22'), 2025)).toBe('2025')
    expect(latestFullYear(new Date('2026-01-10'))).toBe('2025')
  })
})
