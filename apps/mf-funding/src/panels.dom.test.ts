// The funding module's panels from its data: a region without projects shows 暂无数据, not bars of ¥0.
import type { ModuleData } from '@liaison/contracts'
import { describe, expect, it } from 'vitest'
import { fundingPanels } from './panels.ts'

type Area = { area: string; area_name: string; funds_allocated: number; funds_spent: number }
function data(
  amounts: { budget: number | null; allocated: number | null; spent: number | null },
  areas: Area[] = [],
) {
  const region = { code: '520523004', name: '鼓场街道', level: 'township' }
  return {
    meta: { region, areasOf: region, from: '2025-01-01', to: '2025-12-31', compare: null, previous: null },
    kpis: [
      { id: 'funds_budget', value: amounts.budget },
      { id: 'funds_allocated', value: amounts.allocated },
      { id: 'funds_spent', value: amounts.spent },
    ],
    breakdowns: { areas, categories: [], statuses: [], months: [] },
  } as unknown as ModuleData<'funding'>
}
const budgetPanel = (d: ModuleData<'funding'>) =>
  fundingPanels(d, 'light', 'zh-CN', (k) => k).find((p) => p.id === 'funding-budget')!

describe('funding panels', () => {
  it('shows the budget panel empty when there is no budget, allocation or spending, zero or unknown', () => {
    expect(budgetPanel(data({ budget: 0, allocated: 0, spent: 0 })).empty).toBe(true)
    expect(budgetPanel(data({ budget: null, allocated: null, spent: null })).empty).toBe(true)
    expect(budgetPanel(data({ budget: 0, allocated: null, spent: 0 })).empty).toBe(true)
  })

  it('shows the townships panel empty when every township has ¥0 (a period without records), not a ¥0–¥1 axis', () => {
    const town = (name: string, allocated: number, spent: number): Area => ({
      area: name,
      area_name: name,
      funds_allocated: allocated,
      funds_spent: spent,
    })
    const townships = (areas: Area[]) =>
      fundingPanels(data({ budget: 0, allocated: 0, spent: 0 }, areas), 'light', 'zh-CN', (k) => k).find(
        (p) => p.id === 'funding-townships',
      )!
    expect(townships([town('天宁镇', 0, 0), town('西营镇', 0, 0)]).empty).toBe(true)
    expect(townships([town('天宁镇', 0, 0), town('西营镇', 0, 3_000)]).empty).toBe(false)
  })

  it('draws the budget panel when any amount is there, zeros beside it', () => {
    expect(budgetPanel(data({ budget: 500_000, allocated: 0, spent: 0 })).empty).toBe(false)
    expect(budgetPanel(data({ budget: 0, allocated: 0, spent: 12_000 })).empty).toBe(false)
  })

  it("leaves the budget row out where there is no budget (a township: the plan is its county's)", () => {
    const rows = (d: ModuleData<'funding'>) =>
      (budgetPanel(d).option!.dataset as { source: { name: string }[] }).source.map((r) => r.name)
    expect(rows(data({ budget: null, allocated: 36_000, spent: 20_000 }))).toEqual([
      'budgetBars.allocated',
      'budgetBars.spent',
    ])
    expect(rows(data({ budget: 500_000, allocated: 36_000, spent: 20_000 }))).toHaveLength(3)
  })
})
