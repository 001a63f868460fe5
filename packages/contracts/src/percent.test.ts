import { describe, expect, it } from 'vitest'
import { percentOf } from './percent.ts'

describe('percentOf', () => {
  it('rounds half up on the decimal a person reads, not on its binary neighbour', () => {
    // 0.0185 × 100 is 1.8499999999999999 and 0.0295 × 1000 is 29.499999999999996: both halves round up.
    expect(percentOf(37 / 2000)).toBe(1.9)
    expect(percentOf(0.0295)).toBe(3)
    expect(percentOf(0.0055)).toBe(0.6)
    expect(percentOf(0.12345)).toBe(12.3)
    expect(percentOf(0.12345, 2)).toBe(12.35)
    expect(percentOf(680 / 853)).toBe(79.7)
  })

  it('never shows 100 below 1 nor 0 above 0, at any precision', () => {
    expect(percentOf(0.9996)).toBe(99.9)
    expect(percentOf(1999 / 2000)).toBe(99.9)
    expect(percentOf(0.99996, 2)).toBe(99.99)
    expect(percentOf(1)).toBe(100)
    expect(percentOf(0.0004)).toBe(0.1)
    expect(percentOf(0.00001, 2)).toBe(0.01)
    expect(percentOf(0)).toBe(0)
  })
})
