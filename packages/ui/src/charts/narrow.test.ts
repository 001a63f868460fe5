import { describe, expect, it } from 'vitest'
import { buildComboOption, buildTrendOption } from './builders/combo.ts'
import { buildPieOption } from './builders/shapes.ts'
import { fitNarrow } from './narrow.ts'

const series = [{ key: 'n', name: '收集', type: 'bar' as const, unit: 'count' as const }]
const named = (count: number) => Array.from({ length: count }, (_, i) => ({ name: `渠道${i}`, n: i }))
type Axis = { axisLabel: Record<string, unknown> }

describe('fitNarrow', () => {
  it('names every category of a short upright axis, slanted, where ECharts would drop overlapping names', () => {
    const option = buildComboOption(named(6), 'light', { locale: 'zh-CN', category: 'name', series })
    const label = (fitNarrow(option).xAxis as Axis).axisLabel
    expect(label).toMatchObject({ interval: 0, rotate: 40, hideOverlap: false })
    // The formatter and the rest of the axis are kept; the builder's option is not changed.
    expect(label.formatter).toBe((option.xAxis as Axis).axisLabel.formatter)
    expect((option.xAxis as Axis).axisLabel.hideOverlap).toBe(true)
  })

  it('leaves months, long category axes and sideways category names to ECharts', () => {
    const trend = buildTrendOption([], 'light', {
      locale: 'zh-CN',
      series,
      period: { from: '2025-01-01', to: '2025-06-30' },
    })
    expect(fitNarrow(trend).xAxis).toBe(trend.xAxis)
    const long = buildComboOption(named(26), 'light', { locale: 'zh-CN', category: 'name', series })
    expect(fitNarrow(long).xAxis).toBe(long.xAxis)
    const sideways = buildComboOption(named(6), 'light', {
      locale: 'zh-CN',
      category: 'name',
      series,
      horizontal: true,
    })
    expect(fitNarrow(sideways).yAxis).toBe(sideways.yAxis)
    // Its value axis takes fewer steps, so that money labels do not run into each other.
    expect(fitNarrow(sideways).xAxis).toEqual([{ ...(sideways.xAxis as object[])[0], splitNumber: 3 }])
  })

  it('draws a donut smaller with wrapping labels and without the legend that repeats them', () => {
    const pie = buildPieOption(
      [
        { name: '代表议事协商', value: 3 },
        { name: '部门联动解决', value: 5 },
      ],
      'light',
      { locale: 'zh-CN', unit: 'count' },
    )
    const fitted = fitNarrow(pie)
    const [slice] = fitted.series as { radius: string[]; label: Record<string, unknown> }[]
    expect(slice!.radius).toEqual(['30%', '52%'])
    expect(slice!.label.overflow).toBe('break')
    expect(slice!.label.formatter).toBe(pie.series[0]!.label.formatter)
    expect(fitted.legend).toMatchObject({ show: false })
    expect(pie.legend).not.toHaveProperty('show')
  })
})
