import { describe, expect, it } from 'vitest'
import { tableText } from './format.ts'
import type { TableColumn } from './model.ts'

const columns: TableColumn[] = [
  { key: 'name', label: '乡镇（街道）', unit: 'text' },
  { key: 'rate', label: '满意率', unit: 'rate' },
  { key: 'funds', label: '安排资金', unit: 'yuan' },
]

describe('a table printed in a report', () => {
  it('writes each column in one form: rates with one decimal, amounts in one unit', () => {
    const rows = [
      { name: '民兴街道', rate: 0.95, funds: 45_000 },
      { name: '平坝镇', rate: 0.957, funds: 0 },
      { name: '岩孔街道', rate: 1, funds: 9_000 },
      { name: '木孔镇', rate: null, funds: null },
    ]
    // The unit once, in the header, as Chinese statistical tables have it.
    expect(tableText(columns, rows)).toEqual([
      ['乡镇（街道）', '满意率', '安排资金（万元）'],
      ['民兴街道', '95.0%', '4.50'],
      ['平坝镇', '95.7%', '0'],
      ['岩孔街道', '100.0%', '0.90'],
      ['木孔镇', '—', '—'],
    ])
  })

  it('keeps 元 for a column with no amount of 万元, and English amounts as they are', () => {
    const small = [{ name: '甲', rate: 0.5, funds: 9_000 }]
    expect(tableText(columns, small).slice(0, 2)).toEqual([
      ['乡镇（街道）', '满意率', '安排资金（元）'],
      ['甲', '50.0%', '9,000'],
    ])
    expect(tableText(columns, small, 'en')[1]).toEqual(['甲', '50.0%', '¥9,000'])
  })
})
