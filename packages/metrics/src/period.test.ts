import { describe, expect, it } from 'vitest'
import { monthsIn } from './period.ts'

describe('monthsIn', () => {
  it('counts whole months as 1 and a month covered in part by its share of days', () => {
    expect(monthsIn('2023-01-01', '2023-12-31')).toBe(12)
    expect(monthsIn('2023-03-01', '2023-03-31')).toBe(1)
    expect(monthsIn('2023-02-01', '2023-02-14')).toBe(0.5)
    expect(monthsIn('2024-02-01', '2024-02-29')).toBe(1)
    // 17 of January's 31 days, all of February, 15 of March's 31.
    expect(monthsIn('2023-01-15', '2023-03-15')).toBeCloseTo(17 / 31 + 1 + 15 / 31, 12)
    expect(monthsIn('2022-12-01', '2023-01-31')).toBe(2)
  })
})
