import * as echarts from 'echarts'
import { describe, expect, it } from 'vitest'
import { drawnRows } from '../drawn.testing.ts'
import { contrastRatio, inkOn, inks } from '../ink.ts'
import { palette, paletteOnDark, themeTokens } from '../themes.ts'
import { areaReference, legibleReferences } from './area-reference.ts'
import { buildComboOption, buildTrendOption, quartiles } from './combo.ts'
import { describeSeries, monthsBetween } from './common.ts'
import { buildFunnelOption, buildPieOption, buildRadarOption, buildSmallMultiplesOption } from './shapes.ts'

const rows = [
  { month: '2025-01', receptions: 50, resolution_rate: 0.8 },
  { month: '2025-02', receptions: 70, resolution_rate: 0.9996 },
]

describe('option builders', () => {
  it('draws a trend from a dataset, rates on a second 0–100% axis', () => {
    const option = buildTrendOption(rows, 'light', {
      locale: 'zh-CN',
      description: '接待走访活动逐月变化',
      series: [
        { key: 'receptions', name: '接待', type: 'bar', unit: 'count' },
        { key: 'resolution_rate', name: '办结率', type: 'line', unit: 'rate', axis: 1 },
      ],
    })
    expect(option.dataset.source).toBe(rows)
    expect(option.dataset.dimensions).toEqual(['month', 'receptions', 'resolution_rate'])
    expect(option.series.map((s) => s.type)).toEqual(['bar', 'line'])
    expect(option.series[1]).toMatchObject({ yAxisIndex: 1, encode: { x: 'month', y: 'resolution_rate' } })
    const yAxis = option.yAxis as { max?: number; axisLabel: { formatter: (v: number) => string } }[]
    expect(yAxis[1]?.max).toBe(1)
    expect(yAxis[1]?.axisLabel.formatter(0.5)).toBe('50%')
    // Counts step by whole numbers; the rate axis does not.
    expect(option.yAxis[0]).toMatchObject({ minInterval: 1 })
    expect(option.yAxis[1]).not.toHaveProperty('minInterval')
    expect(option.aria).toMatchObject({ enabled: true, label: { description: '接待走访活动逐月变化' } })
    expect(option.series[1]?.tooltip.valueFormatter(0.9996)).toBe('99.9%')
    // The tooltip's heading names the month with its year, in the page's language.
    const heading = (locale: 'zh-CN' | 'en', value: string) => {
      const trend = buildTrendOption(rows, 'light', { locale, series: [] })
      const xAxis = trend.xAxis as {
        axisPointer: { label: { formatter: (p: { value: unknown }) => string } }
      }
      return xAxis.axisPointer.label.formatter({ value })
    }
    expect(heading('zh-CN', '2025-08')).toBe('2025年8月')
    expect(heading('en', '2025-08')).toBe('Aug 2025')
    expect(heading('zh-CN', '平坝镇')).toBe('平坝镇')
    // Months keep ECharts' spacing; many areas upright are all named, slanted; a few stay level.
    const axisLabel = (category: string, count: number) =>
      (
        buildComboOption(
          Array.from({ length: count }, (_, i) => ({ [category]: `${i}`, receptions: i })),
          'light',
          {
            locale: 'zh-CN',
            category,
            series: [{ key: 'receptions', name: '接待', type: 'bar', unit: 'count' }],
          },
        ).xAxis as { axisLabel: Record<string, unknown> }
      ).axisLabel
    expect(axisLabel('month', 24)).not.toHaveProperty('rotate')
    expect(axisLabel('name', 26)).toMatchObject({ interval: 0, rotate: 45, hideOverlap: true })
    expect(axisLabel('name', 5)).not.toHaveProperty('rotate')
  })

  it('puts every month of the period on a trend axis, a month without rows as a gap', () => {
    const option = buildTrendOption([rows[1]!, { month: '2025-04', receptions: 9 }], 'light', {
      locale: 'zh-CN',
      period: { from: '2025-01-01', to: '2025-05-31' },
      series: [{ key: 'receptions', name: '接待', type: 'bar', unit: 'count' }],
    })
    const source = option.dataset.source as { month: string; receptions?: number }[]
    expect(source.map((r) => r.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'])
    expect(source.map((r) => r.receptions)).toEqual([undefined, 70, undefined, 9, undefined])
    expect(monthsBetween('2024-11-15', '2025-02-01')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02'])
    expect(monthsBetween('2025-03-01', '2025-02-28')).toEqual([])
  })

  it('draws a sideways ranking with average and quartile lines labelled above the plot, clear of the axis', () => {
    const towns = [
      { name: '平坝镇', receptions: 40 },
      { name: '后山镇', receptions: 10 },
      { name: '木孔镇', receptions: 24 },
      { name: '安底镇', receptions: 26 },
    ]
    const stats = quartiles(towns.map((t) => t.receptions))!
    expect(stats).toMatchObject({ mean: 25, q1: 20.5, q3: 29.5 })
    const option = buildComboOption(towns, 'big-screen', {
      locale: 'en',
      category: 'name',
      horizontal: true,
      series: [{ key: 'receptions', name: 'Receptions', type: 'bar', unit: 'count' }],
      references: [
        { name: 'Average', value: stats.mean },
        { name: 'Lower quartile', value: stats.q1 },
        { name: 'Upper quartile', value: stats.q3 },
      ],
    })
    expect(option.series[0]).toMatchObject({ encode: { y: 'name', x: 'receptions' } })
    // Every row named: ECharts' automatic interval labelled every other one of twenty categories.
    expect(option.yAxis).toMatchObject({ type: 'category', axisLabel: { interval: 0 } })
    const lines = option.series[0]!.markLine!.data as {
      name: string
      xAxis: number
      label: { position: string; distance: number }
    }[]
    expect(lines.map((l) => [l.name, l.xAxis])).toEqual([
      ['Average 25', 25],
      ['Lower quartile 20.5', 20.5],
      ['Upper quartile 29.5', 29.5],
    ])
    // Above the plot (the line's start: the category axis is inverse), never at its foot on the value axis.
    expect(lines.every((l) => l.label.position === 'start')).toBe(true)
    expect(option.yAxis).toMatchObject({ inverse: true })
    // One row per label, lowest value nearest the plot, and room for all rows under the legend.
    const row = (name: string) => lines.find((l) => l.name.startsWith(name))!.label.distance
    expect(row('Lower')).toBeLessThan(row('Average'))
    expect(row('Average')).toBeLessThan(row('Upper'))
    expect(row('Average') - row('Lower')).toBeGreaterThanOrEqual(option.textStyle.fontSize)
    const top = (option.grid as { top: number }).top
    expect(top).toBeGreaterThanOrEqual(36 + row('Upper') + option.textStyle.fontSize)
    expect(option.textStyle.fontSize).toBe(18)
  })

  it('keeps an upright chart target line label inside the plot, with no extra room on top', () => {
    const option = buildComboOption(rows, 'light', {
      locale: 'zh-CN',
      category: 'month',
      series: [{ key: 'receptions', name: '接待', type: 'bar', unit: 'count' }],
      references: [{ name: '目标 60', value: 60 }],
    })
    expect(option.series[0]!.markLine).toMatchObject({
      label: { position: 'insideEndTop' },
      data: [{ name: '目标 60', yAxis: 60 }],
    })
    expect(option.grid).toMatchObject({ top: 36 })
  })

  it('marks the current category: its axis band shaded and its name bold, the others as they were', () => {
    const rows = [
      { name: '甲镇', backlog: 3 },
      { name: '乙镇', backlog: 2 },
      { name: '丙镇', backlog: 1 },
    ]
    const series = [{ key: 'backlog', name: '在办', type: 'bar' as const, unit: 'count' as const }]
    const marked = buildComboOption(rows, 'light', {
      locale: 'zh-CN',
      category: 'name',
      series,
      current: '乙镇',
    })
    const axis = marked.xAxis as {
      splitArea?: { areaStyle: { color: string[] } }
      axisLabel: { formatter: (v: string) => string }
    }
    const colours = axis.splitArea!.areaStyle.color
    expect(colours).toHaveLength(3)
    expect(colours[1]).not.toBe(colours[0])
    expect(colours[0]).toBe(colours[2])
    expect(axis.axisLabel.formatter('乙镇')).toBe('{current|乙镇}')
    expect(axis.axisLabel.formatter('甲镇')).toBe('甲镇')
    // Sideways the category axis is y: drawn, the band is behind the current name's row, the first one too
    // (ECharts draws an inverse axis' own split areas a row low); a current name not among the rows marks nothing.
    for (const current of ['甲镇', '乙镇', '丙镇', '丁镇']) {
      const option = buildComboOption(rows, 'light', {
        locale: 'zh-CN',
        category: 'name',
        series,
        horizontal: true,
        current,
      })
      const { bands, names } = drawnRows(option, themeTokens.light.split, current)
      if (current === '丁镇') {
        expect(bands).toEqual([])
        continue
      }
      expect(bands, current).toHaveLength(1)
      expect(names, current).toHaveLength(1)
      expect(bands[0]![0]).toBeLessThan(names[0]!)
      expect(bands[0]![1]).toBeGreaterThan(names[0]!)
    }
    const absent = buildComboOption(rows, 'light', {
      locale: 'zh-CN',
      category: 'name',
      series,
      current: '丁镇',
    })
    expect((absent.xAxis as { splitArea?: unknown }).splitArea).toBeUndefined()
    expect(
      buildComboOption(rows, 'light', { locale: 'zh-CN', category: 'name', series }).xAxis,
    ).not.toHaveProperty('splitArea')
  })

  it('draws funnel, donut, radar and small multiples', () => {
    const funnel = buildFunnelOption(
      [
        { name: '收集', value: 853 },
        { name: '办结', value: 680 },
      ],
      'dark',
      { locale: 'zh-CN', unit: 'count' },
    )
    expect(funnel.dataset.source).toHaveLength(2)
    // Labels in the page's number forms: thousands grouped, shares to one decimal.
    const stageLabel = funnel.series[0]!.label.formatter
    expect(stageLabel({ name: '收集', data: { name: '收集', value: 109_262 }, color: '#0072B2' })).toBe(
      '{light|收集 109,262}',
    )
    const pie = buildPieOption(
      [
        { name: 'a', value: 0 },
        { name: 'b', value: 3 },
      ],
      'light',
      { locale: 'zh-CN', unit: 'count' },
    )
    expect(pie.dataset.source).toEqual([{ name: 'b', value: 3 }])
    // A share from the values, rounded once: 3 of 17 is 17.6 % (ECharts' percent, 17.65, rounded again gave 17.7 %).
    const projects = buildPieOption(
      [
        { name: '已完工', value: 14 },
        { name: '实施中', value: 3 },
      ],
      'light',
      { locale: 'zh-CN', unit: 'count' },
    )
    // Drawn by ECharts itself (server-side, to SVG): its shares, to one decimal, add up to 100 %.
    const drawn = (option: object) => {
      const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 400 })
      chart.setOption(option)
      const svg = chart.renderToSVGString()
      chart.dispose()
      return [...svg.matchAll(/>([^<>]+ \d+(?:\.\d)?%)</g)].map((m) => m[1]).sort()
    }
    expect(drawn(projects)).toEqual(['实施中 17.6%', '已完工 82.4%'])
    const thirds = ['甲', '乙', '丙'].map((name) => ({ name, value: 1 }))
    const three = drawn(buildPieOption(thirds, 'light', { locale: 'zh-CN', unit: 'count' }))
    expect(
      three.map((label) => Number(label.split(' ')[1]!.replace('%', ''))).reduce((a, b) => a + b),
    ).toBeCloseTo(100)
    // Up to eight slices every name is in the legend (wrapping); more are paged.
    expect(pie.legend.type).toBe('plain')
    const many = Array.from({ length: 9 }, (_, i) => ({ name: `c${i}`, value: i + 1 }))
    expect(buildPieOption(many, 'light', { locale: 'en', unit: 'count' }).legend.type).toBe('scroll')
    expect(buildPieOption(many.slice(1), 'light', { locale: 'en', unit: 'count' }).legend.type).toBe('plain')
    const radar = buildRadarOption(
      Array.from({ length: 7 }, (_, i) => ({ name: `S${i}`, a: i })),
      'light',
      { locale: 'en', nameKey: 'name', indicators: [{ key: 'a', name: 'A', max: 10 }] },
    )
    expect(radar.series[0]?.data).toHaveLength(5)
    const multiples = buildSmallMultiplesOption(
      [
        { name: 'x', rows },
        { name: 'y', rows },
      ],
      'light',
      { locale: 'en', value: 'receptions', unit: 'count', columns: 2 },
    )
    expect(multiples.series).toHaveLength(2)
    expect(multiples.yAxis[0]?.max).toBe(70)
    // Each cell names its first and last month and its scale (they had no axes at all).
    const months = multiples.xAxis[0]!.axisLabel
    expect(rows.map((_, i) => months.interval(i))).toEqual(
      rows.map((_, i) => i === 0 || i === rows.length - 1),
    )
    expect(multiples.yAxis[0]!.axisLabel.formatter(70)).toBe('70')
    expect(multiples.grid.every((g) => g.outerBoundsMode === 'same')).toBe(true)
  })

  it("puts every month of the period on every small multiple's axis, a count without rows at 0", () => {
    // 紫金社区 filed nothing in January and August: its line must drop to 0 there, not run straight over them,
    // and its axis must start in January like the others'.
    const filed = ['2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-09']
    const station = { name: '紫金社区', rows: filed.map((month) => ({ month, receptions: 1 })) }
    const full = { name: '罗马社区', rows: ['2025-01', '2025-09'].map((month) => ({ month, receptions: 3 })) }
    const period = { from: '2025-01-01', to: '2025-09-30' }
    const option = buildSmallMultiplesOption([station, full], 'light', {
      locale: 'zh-CN',
      value: 'receptions',
      unit: 'count',
      period,
    })
    const source = (i: number) => option.dataset[i]!.source as { month: string; receptions: number }[]
    for (const i of [0, 1])
      expect(source(i).map((r) => r.month)).toEqual(monthsBetween(period.from, period.to))
    expect(source(0).map((r) => r.receptions)).toEqual([0, 1, 1, 1, 1, 1, 1, 0, 1])
    expect(source(1).map((r) => r.receptions)).toEqual([3, 0, 0, 0, 0, 0, 0, 0, 3])
    // A rate has no value where nothing was filed: a gap, not 0.
    const rates = buildSmallMultiplesOption([station], 'light', {
      locale: 'zh-CN',
      value: 'receptions',
      unit: 'rate',
      period,
    })
    expect((rates.dataset[0]!.source as { receptions: number | null }[])[0]!.receptions).toBeNull()
  })

  it('describes a series in words', () => {
    expect(describeSeries(rows, 'month', 'receptions', '接待', 'count', 'zh-CN')).toBe(
      '接待：最高 2025年2月 70，最低 2025年1月 50，共 2 项。',
    )
    // One point, or all equal: no highest and lowest of the same.
    const [first] = rows
    expect(describeSeries([first!], 'month', 'receptions', 'Receptions', 'count', 'en')).toBe(
      'Receptions: Jan 2025 50.',
    )
    const flat = rows.map((r) => ({ ...r, receptions: 7 }))
    expect(describeSeries(flat, 'month', 'receptions', 'Receptions', 'count', 'en')).toBe(
      'Receptions: all 2 at 7.',
    )
    expect(describeSeries(flat, 'month', 'receptions', '接待', 'count', 'zh-CN')).toBe('接待：2 项均为 7。')
  })

  it('gives every chart a text for screen readers in its own language, values formatted, unless given one', () => {
    const aria = (option: { aria: unknown }) =>
      (option.aria as { label?: { description?: string } }).label?.description
    const series = [
      { key: 'receptions', name: 'Receptions', type: 'bar' as const, unit: 'count' as const },
      { key: 'resolution_rate', name: 'Resolution rate', type: 'line' as const, unit: 'rate' as const },
    ]
    expect(aria(buildComboOption(rows, 'light', { locale: 'en', category: 'month', series }))).toBe(
      'Receptions: highest Feb 2025 70, lowest Jan 2025 50, 2 items. ' +
        'Resolution rate: highest Feb 2025 99.9%, lowest Jan 2025 80.0%, 2 items.',
    )
    expect(
      aria(buildComboOption(rows, 'light', { locale: 'en', category: 'month', series, description: 'Mine' })),
    ).toBe('Mine')
    const stages = [
      { name: '收集', value: 168 },
      { name: '答复', value: 161 },
    ]
    expect(aria(buildFunnelOption(stages, 'light', { locale: 'zh-CN', unit: 'count' }))).toBe(
      '收集 168，答复 161',
    )
    expect(
      aria(
        buildPieOption([...stages, { name: '无', value: 0 }], 'light', { locale: 'zh-CN', unit: 'count' }),
      ),
    ).toBe('收集 168，答复 161')
    // A radar's stations, each indicator in its own unit.
    const radar = buildRadarOption([{ station: 'A站', receptions: 12, satisfaction_rate: 0.95 }], 'light', {
      locale: 'zh-CN',
      nameKey: 'station',
      indicators: [
        { key: 'receptions', name: '接待', max: 20 },
        { key: 'satisfaction_rate', name: '满意率', max: 1, unit: 'rate' },
      ],
    })
    expect(aria(radar)).toBe('A站：接待 12，满意率 95.0%')
    const multiples = buildSmallMultiplesOption([{ name: 'A站', rows }], 'light', {
      locale: 'zh-CN',
      value: 'receptions',
      unit: 'count',
    })
    expect(aria(multiples)).toBe('A站：最高 2025年2月 70，最低 2025年1月 50，共 2 项。')
  })
})

describe('the reference of a chart of areas', () => {
  it("is the listed region's own figure, named as its average (县均, 市均), or nothing without one", () => {
    const county = { code: '520523', name: '金沙县' }
    expect(areaReference(county, { reportback_rate: 0.871 }, 'reportback_rate', 'rate', 'zh-CN')).toEqual([
      { name: '县均 87.1%', value: 0.871 },
    ])
    expect(areaReference({ code: '5225', name: '六盘水市' }, { d: 8 }, 'd', 'days', 'en')).toEqual([
      { name: 'City average 8 days', value: 8 },
    ])
    // A median is the county's whole, not an average.
    expect(areaReference(county, { d: 9 }, 'd', 'days', 'zh-CN', 'whole')).toEqual([
      { name: '全县 9 天', value: 9 },
    ])
    expect(areaReference(county, { d: 9 }, 'd', 'days', 'en', 'whole')).toEqual([
      { name: 'County overall 9 days', value: 9 },
    ])
    expect(areaReference(county, { reportback_rate: null }, 'reportback_rate', 'rate', 'zh-CN')).toEqual([])
    expect(areaReference(county, undefined, 'reportback_rate', 'rate', 'zh-CN')).toEqual([])
  })

  it("stands its label on the panel's background in each theme, keeping its placement, into the chart's line", () => {
    const lines = legibleReferences(
      [
        { name: '全县 9 天', value: 9 },
        { name: '目标 30%', value: 3, label: { position: 'insideEndBottom' } },
      ],
      'dark',
    )
    expect(lines.map((l) => l.label)).toEqual([
      { backgroundColor: '#17212b', padding: [1, 4], borderRadius: 2 },
      { position: 'insideEndBottom', backgroundColor: '#17212b', padding: [1, 4], borderRadius: 2 },
    ])
    expect(legibleReferences(lines, 'light')[0]!.label!.backgroundColor).toBe('#ffffff')
    const option = buildComboOption([{ name: '甲', d: 12 }], 'dark', {
      locale: 'zh-CN',
      category: 'name',
      series: [{ key: 'd', name: '中位天数', type: 'bar', unit: 'days' }],
      references: lines,
    })
    const marks = (option.series[0] as { markLine: { data: { label?: object; yAxis: number }[] } }).markLine
      .data
    expect(marks[0]).toMatchObject({ yAxis: 9, label: { backgroundColor: '#17212b' } })
  })
})

describe('labels on a series colour', () => {
  it('measure contrast as WCAG does', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5)
    expect(contrastRatio('#777777', '#777777')).toBe(1)
    // White on the light palette's blue and orange, by hand: 1.05 / (L + 0.05), L = 0.1525 and 0.4162.
    expect(contrastRatio('#0072B2', '#ffffff')).toBeCloseTo(5.19, 2)
    expect(contrastRatio('#E69F00', '#ffffff')).toBeCloseTo(2.25, 2)
  })

  it("reach at least 3.5:1 on the first four colours of both palettes (a funnel's stages), white or dark", () => {
    for (const fill of [...palette.slice(0, 4), ...paletteOnDark.slice(0, 4)]) {
      const ink = inks[inkOn(fill)]
      expect(contrastRatio(fill, ink), `${ink} on ${fill}`).toBeGreaterThanOrEqual(3.5)
    }
    // The dark theme's pale fills take dark text, which white text could not read on.
    expect(paletteOnDark.slice(0, 4).map(inkOn)).toEqual(['dark', 'dark', 'dark', 'dark'])
    expect(inkOn('#0072B2')).toBe('light')
  })
})
