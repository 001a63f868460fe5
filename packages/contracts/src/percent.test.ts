import { describe, expect, it } from 'vitest'
import { percentOf, roundPercent } from './percent.ts'

describe('roundPercent', () => {
  it('rounds the half away from zero on the decimal a person reads, not on its binary neighbour', () => {
    // 0.0185 × 100 is 1.8499999999999999 and 0.0295 × 100 × 10 is 29.499999999999996: both halves round up.
    expect(roundPercent(37 / 2000)).toBe(1.9)
    expect(roundPercent(0.0295)).toBe(3)
    expect(roundPercent(0.0055)).toBe(0.6)
    expect(roundPercent(0.12345)).toBe(12.3)
    expect(roundPercent(0.12345, 2)).toBe(12.35)
    expect(roundPercent(680 / 853)).toBe(79.7)
  })

  it('rounds a fall as it rounds a rise (四舍五入 of the size)', () => {
    expect(roundPercent(-37 / 2000)).toBe(-1.9)
    expect(roundPercent(-1 / 80)).toBe(-1.3)
    expect(roundPercent(1 / 80)).toBe(1.3)
    expect(roundPercent(-0.01235, 2)).toBe(-1.24)
    expect(roundPercent(-0.0004)).toBe(0)
  })

  it('keeps what a data file needs: no clamping, 100 for 0.99999 at two decimals', () => {
    expect(roundPercent(0.99999, 2)).toBe(100)
    expect(roundPercent(0.000001, 2)).toBe(0)
    expect(roundPercent(2.5)).toBe(250)
  })
})

describe('percentOf', () => {
  it('rounds as roundPercent does', () => {
    expect(percentOf(37 / 2000)).toBe(1.9)
    expect(percentOf(0.0295)).toBe(3)
    expect(percentOf(0.12345, 2)).toBe(12.35)
  })

  it('never shows 100 below 1 nor 0 above 0, at any precision', () => {
    expect(percentOf(0.9996)).toBe(99.9)
    expect(percentOf(1999 / 2000)).toBe(99.9)
    expect(percentOf(0.99996, 2)).toBe(99.99)
    expect(percentOf(1 - Number.EPSILON)).toBe(99.9)
    expect(percentOf(0.9999996, 0)).toBe(99)
    expect(percentOf(1)).toBe(100)
    expect(percentOf(0.0004)).toBe(0.1)
    expect(percentOf(0.00001, 2)).toBe(0.01)
    expect(percentOf(0)).toBe(0)
  })
})
