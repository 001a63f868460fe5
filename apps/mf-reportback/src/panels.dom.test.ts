// Reference lines of the report-back charts: the average's and the target's labels do not print over each other.
import { buildComboOption } from '@liaison/ui'
import { describe, expect, it } from 'vitest'
import { belowTheHigher } from './panels.ts'

describe('report-back reference lines', () => {
  it('puts the lower line’s label below it, the higher’s above, whichever comes first', () => {
    const average = { name: '县均 27.9%', value: 0.279 }
    const target = { name: '目标 30.0%', value: 0.3 }
    expect(belowTheHigher([average, target])).toEqual([
      { ...average, label: { position: 'insideEndBottom' } },
      target,
    ])
    expect(belowTheHigher([target, average])[0]).toBe(target)
    expect(belowTheHigher([target])).toEqual([target])
    // The chart's line carries the placement through to ECharts.
    const option = buildComboOption([{ name: '天宁镇', reportback_rate: 0.25 }], 'light', {
      locale: 'zh-CN',
      category: 'name',
      series: [{ key: 'reportback_rate', name: '累计完成率', type: 'bar', unit: 'rate' }],
      references: belowTheHigher([average, target]),
    })
    const [series] = option.series as { markLine: { data: { name: string; label?: unknown }[] } }[]
    expect(series!.markLine.data.map((d) => [d.name, d.label ?? null])).toEqual([
      ['县均 27.9%', { position: 'insideEndBottom' }],
      ['目标 30.0%', null],
    ])
  })
})
