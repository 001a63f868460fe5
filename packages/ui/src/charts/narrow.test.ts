import { describe, expect, it } from 'vitest'
import { buildComboOption, buildTrendOption } from './builders/combo.ts'
import { buildPieOption, buildSmallMultiplesOption } from './builders/shapes.ts'
import { fitNarrow, wrapWords } from './narrow.ts'

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
    // Small multiples name each cell's first and last month: all twelve, slanted, piled into a clump.
    const cells = buildSmallMultiplesOption(
      [
        { name: '紫金社区', rows: [{ month: '2025-02', n: 1 }] },
        { name: '罗马社区', rows: [] },
      ],
      'light',
      { locale: 'zh-CN', value: 'n', unit: 'count', period: { from: '2025-01-01', to: '2025-12-31' } },
    )
    expect(fitNarrow(cells).xAxis).toBe(cells.xAxis)
    // Their titles are cut to their cells: two to a row of 360 px.
    const titles = fitNarrow(cells, 360).title as { text: string; textStyle: Record<string, unknown> }[]
    expect(titles.map((t) => t.text)).toEqual(['紫金社区', '罗马社区'])
    for (const t of titles) expect(t.textStyle).toMatchObject({ width: 172, overflow: 'truncate' })
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

  it('puts a radar axis name on a line per word, or per six Chinese characters', () => {
    expect(wrapWords('Satisfaction rate')).toBe('Satisfaction\nrate')
    expect(wrapWords('Activities')).toBe('Activities')
    expect(wrapWords('群众满意率')).toBe('群众满意率')
    expect(wrapWords('收集社情民意件数')).toBe('收集社情民意\n件数')
  })
})
