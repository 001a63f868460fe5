import { describe, expect, it } from 'vitest'
import { safeFileName } from './files.ts'

describe('file names', () => {
  it('keeps a title readable where Windows refuses its characters', () => {
    expect(safeFileName('The deputy liaison stations of 民兴街道: work report (Q2 2025)')).toBe(
      'The deputy liaison stations of 民兴街道 – work report (Q2 2025)',
    )
    expect(safeFileName('专项资金：预算、安排与支出（金沙县 · 2025年）')).toBe(
      '专项资金：预算、安排与支出（金沙县 · 2025年）',
    )
    expect(safeFileName('a/b\\c*?"<>|d')).toBe('a_b_c_d')
  })
})
