import { describe, expect, it } from 'vitest'
import { trendStart } from './days.ts'

describe("the trend's first day", () => {
  it('is the period’s own from a year up, else the first of the twelve months ending with the period', () => {
    expect(trendStart('2025-01-01', '2025-12-31')).toBe('2025-01-01')
    expect(trendStart('2023-01-01', '2025-12-31')).toBe('2023-01-01')
    // A month: July of the year before to June.
    expect(trendStart('2025-06-01', '2025-06-30')).toBe('2024-07-01')
    // A quarter, a January (across the year), a range of a few days.
    expect(trendStart('2025-07-01', '2025-09-30')).toBe('2024-10-01')
    expect(trendStart('2025-01-01', '2025-01-31')).toBe('2024-02-01')
    expect(trendStart('2025-03-15', '2025-04-10')).toBe('2024-05-01')
  })
})
