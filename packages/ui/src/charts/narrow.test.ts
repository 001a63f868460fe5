import { describe, expect, it } from 'vitest'
import { buildComboOption, buildTrendOption } from './builders/combo.ts'
import { buildPieOption, buildRadarOption, buildSmallMultiplesOption } from './builders/shapes.ts'
import { drawnRows, drawnTexts, drawnTextsAt } from './drawn.testing.ts'
import { fitNarrow, wrapWords } from './narrow.ts'
import { themeTokens } from './themes.ts'

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

  it("turns a long upright axis (a county's 26 townships) sideways, a row each, on a panel as tall as they need", () => {
    const twoAxes = [
      { key: 'n', name: '已建成', type: 'bar' as const, unit: 'count' as const },
      { key: 'r', name: '达标率', type: 'line' as const, unit: 'rate' as const, axis: 1 as const },
    ]
    const rows = named(26).map((r) => ({ ...r, r: 0.5 }))
    const option = buildComboOption(rows, 'light', {
      locale: 'zh-CN',
      category: 'name',
      series: twoAxes,
      current: '渠道3',
    })
    const fitted = fitNarrow(option)
    const [category] = fitted.yAxis as (Axis & Record<string, unknown>)[]
    // Every name level, first at the top; the current one's band and bold name kept.
    expect(category).toMatchObject({ type: 'category', inverse: true, axisLabel: { interval: 0, rotate: 0 } })
    expect(category!.axisLabel.formatter).toBe((option.xAxis as Axis).axisLabel.formatter)
    const { bands, names } = drawnRows(fitted, themeTokens.light.split, '渠道3', 900)
    expect(bands).toHaveLength(1)
    expect(names).toHaveLength(1)
    expect(bands[0]![0]).toBeLessThan(names[0]!)
    expect(bands[0]![1]).toBeGreaterThan(names[0]!)
    // Counts below, the rate above; each series on its own value axis, its value along it.
    const values = fitted.xAxis as Record<string, unknown>[]
    for (const axis of values) expect(axis.axisLabel).toMatchObject({ hideOverlap: true })
    expect(values.map((a) => [a.type, a.position, a.max, a.splitNumber, a.interval])).toEqual([
      ['value', undefined, undefined, 3, undefined],
      ['value', undefined, 1, undefined, 0.25],
    ])
    expect(fitted.series).toMatchObject([
      { name: '已建成', xAxisIndex: 0, encode: { x: 'n', y: 'name' } },
      { name: '达标率', xAxisIndex: 1, encode: { x: 'r', y: 'name' } },
    ])
    for (const s of fitted.series as Record<string, unknown>[]) expect(s).not.toHaveProperty('yAxisIndex')
    // 26 rows of 26 px, below the legend and the rate's axis, and the count axis' labels.
    expect(fitted.panelHeight).toBe(`${36 + 24 + 40 + 26 * 26}px`)
    expect(fitted.dataset).toBe(option.dataset)
    // The builder's option, which exports draw, is untouched.
    expect(option).not.toHaveProperty('panelHeight')
    expect((option.xAxis as Axis).type).toBe('category')
  })

  it('keeps reference lines on their value axis when the bars turn sideways', () => {
    const option = buildComboOption(named(20), 'light', {
      locale: 'zh-CN',
      category: 'name',
      series,
      references: [
        { name: '平均', value: 9.5 },
        { name: '目标', value: 5 },
      ],
    })
    const [bars] = fitNarrow(option).series as { markLine: { data: Record<string, unknown>[] } }[]
    // Their names above the plot, level (along an upright line they read top to bottom), a row for each line,
    // the lowest value's nearest the plot. (Each line keeps its `value`, which ECharts ignores beside an axis
    // coordinate: the builder passes a reference line through whole.)
    expect(bars!.markLine.data).toEqual([
      { name: '平均', value: 9.5, xAxis: 9.5, label: { position: 'start', distance: 22 } },
      { name: '目标', value: 5, xAxis: 5, label: { position: 'start', distance: 4 } },
    ])
    expect(fitNarrow(option).panelHeight).toBe(`${36 + 2 * 18 + 40 + 20 * 26}px`)
    // A target of 100 % on a rate axis is at the plot's right edge: its name ends at the line instead of past it.
    const rates = buildComboOption(
      named(20).map((r) => ({ ...r, n: r.n / 20 })),
      'light',
      {
        locale: 'zh-CN',
        category: 'name',
        series: [{ key: 'n', name: '完成率', type: 'bar', unit: 'rate' }],
        references: [{ name: '目标', value: 1 }],
      },
    )
    const [rate] = fitNarrow(rates).series as { markLine: { data: { label: Record<string, unknown> }[] } }[]
    expect(rate!.markLine.data[0]!.label).toEqual({ position: 'start', distance: 4, align: 'right' })
    // Beside a rate's axis, whose labels stand right above the plot, the names go above those labels.
    const twoAxes = buildComboOption(
      named(20).map((r) => ({ ...r, r: 0.5 })),
      'light',
      {
        locale: 'zh-CN',
        category: 'name',
        series: [...series, { key: 'r', name: '及时率', type: 'line', unit: 'rate', axis: 1 }],
        references: [{ name: '全县', value: 9 }],
      },
    )
    const [days] = fitNarrow(twoAxes).series as { markLine: { data: { label: Record<string, unknown> }[] } }[]
    expect(days!.markLine.data[0]!.label).toEqual({ position: 'start', distance: 4 + 24 })
  })

  it('leaves months, twelve categories or fewer, and sideways category names to ECharts', () => {
    const trend = buildTrendOption([], 'light', {
      locale: 'zh-CN',
      series,
      period: { from: '2025-01-01', to: '2025-06-30' },
    })
    expect(fitNarrow(trend).xAxis).toBe(trend.xAxis)
    expect(fitNarrow(trend)).not.toHaveProperty('panelHeight')
    const twelve = buildComboOption(named(12), 'light', { locale: 'zh-CN', category: 'name', series })
    expect((fitNarrow(twelve).xAxis as Axis).type).toBe('category')
    expect(fitNarrow(twelve)).not.toHaveProperty('panelHeight')
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
    const [slice] = fitted.series as {
      radius: string[]
      label: { formatter: (p: { name: string; percent: number }) => string }
    }[]
    expect(slice!.radius).toEqual(['26%', '44%'])
    expect(slice!.label.formatter({ name: '部门联动解决', percent: 62.5 })).toBe('部门联动\n解决\n62.5%')
    expect(fitted.legend).toMatchObject({ show: false })
    expect(pie.legend).not.toHaveProperty('show')
  })

  it("labels every slice of a phone's English donut with whole words", () => {
    // The demo county's routes on a 360-px phone (a chart 296 px wide): ECharts' own breaking drew "Resolv / ed by
    // the deputy" and no label at all for the 5 % not yet routed.
    const routes = [
      { name: "Deputies' council", value: 178 },
      { name: 'Departments jointly', value: 326 },
      { name: 'Resolved by the deputy', value: 337 },
      { name: 'Not routed yet', value: 51 },
      { name: 'Formal suggestion', value: 112 },
    ]
    const texts = drawnTexts(
      fitNarrow(buildPieOption(routes, 'light', { locale: 'en', unit: 'count' })),
      280,
      296,
    )
    expect(texts).toEqual(
      expect.arrayContaining(['Resolved by', 'the deputy', 'Departments', 'Not routed', 'yet', '5.1%']),
    )
    // Each line is whole words of a route, or a share.
    const words = new Set(routes.flatMap((r) => r.name.split(' ')))
    for (const line of texts)
      expect(/^[\d.]+%$/.test(line) || line.split(' ').every((w) => words.has(w))).toBe(true)
  })

  it('puts a radar axis name on lines of whole words, or of six Chinese characters', () => {
    expect(wrapWords('Satisfaction rate')).toBe('Satisfaction\nrate')
    expect(wrapWords('Resolved by the deputy')).toBe('Resolved by\nthe deputy')
    expect(wrapWords('Activities')).toBe('Activities')
    expect(wrapWords('群众满意率')).toBe('群众满意率')
    expect(wrapWords('收集社情民意件数')).toBe('收集社情民意\n件数')
    // As ECharts draws them (it hands the formatter the indicator too, which once became a line length).
    const radar = buildRadarOption([{ name: '民兴街道', a: 3, b: 0.9 }], 'light', {
      locale: 'en',
      nameKey: 'name',
      indicators: [
        { key: 'a', name: 'Activities', max: 10 },
        { key: 'b', name: 'Satisfaction rate', max: 1, unit: 'rate' },
      ],
    })
    expect(drawnTexts(fitNarrow(radar))).toEqual(
      expect.arrayContaining(['Satisfaction', 'rate', 'Activities']),
    )
    const chinese = buildRadarOption([{ name: '民兴街道', a: 3 }], 'light', {
      locale: 'zh-CN',
      nameKey: 'name',
      indicators: [{ key: 'a', name: '收集社情民意件数', max: 10 }],
    })
    expect(drawnTexts(fitNarrow(chinese))).toEqual(expect.arrayContaining(['收集社情民意', '件数']))
  })

  it("names every series of a phone's combo above its plot, in rows, where a scrolling legend hid the third", () => {
    const months = Array.from({ length: 12 }, (_, i) => ({
      month: `2025-${String(i + 1).padStart(2, '0')}`,
      receptions: 50 + i,
      opinions_collected: 60 + i,
      resolution_rate: 0.9,
    }))
    const trend = buildTrendOption(months, 'light', {
      locale: 'en',
      series: [
        { key: 'receptions', name: 'Activities', type: 'bar', unit: 'count' },
        { key: 'opinions_collected', name: 'Opinions collected', type: 'bar', unit: 'count' },
        { key: 'resolution_rate', name: 'Resolution rate', type: 'line', unit: 'rate' },
      ],
    })
    // A 360-px phone's chart is 296 px wide: the three names take two rows.
    const fitted = fitNarrow(trend, 296) as { legend: { type: string }; grid: { top: number } }
    expect(fitted.legend.type).toBe('plain')
    expect(fitted.grid.top).toBe(trend.grid.top + 25)
    const drawn = drawnTextsAt(fitted, 300, 296)
    for (const name of ['Activities', 'Opinions collected', 'Resolution rate']) {
      const text = drawn.find((t) => t.text === name)
      expect(text, name).toBeDefined()
      // Above the plot (its top row of labels is drawn at the grid's top), not over it.
      expect(text!.y).toBeLessThan(fitted.grid.top - 12)
    }
    // Where the names fit one row (a desktop-wide chart), the plot does not move.
    expect((fitNarrow(trend, 470) as { grid: { top: number } }).grid.top).toBe(trend.grid.top)
    // A layout it does not know (two grids, a hidden legend) is left as it is.
    const twoGrids = { ...trend, grid: [trend.grid, trend.grid] }
    expect(fitNarrow(twoGrids, 296).grid).toBe(twoGrids.grid)
    const hidden = { ...trend, legend: { ...trend.legend, show: false } }
    expect(fitNarrow(hidden, 296).grid).toBe(hidden.grid)
  })

  it('reserves exactly the legend rows ECharts draws, for English, Chinese and wide letters at every phone width', () => {
    const month = (i: number) => ({ month: `2025-${String(i + 1).padStart(2, '0')}`, a: 1, b: 2, c: 0.5 })
    const sets = [
      ['Activities', 'Opinions collected', 'Resolution rate'],
      ['WWW MMM WWW', 'MMMM WWWW MM', 'WMWMWMWM WM'],
      ['接待群众人次', '收集社情民意件数', '办结率'],
      ['iiii llll', 'Resolution rate', 'Opinions collected by the deputies'],
    ]
    for (const names of sets) {
      const trend = buildTrendOption(
        Array.from({ length: 12 }, (_, i) => month(i)),
        'light',
        {
          locale: 'en',
          series: [
            { key: 'a', name: names[0]!, type: 'bar', unit: 'count' },
            { key: 'b', name: names[1]!, type: 'bar', unit: 'count' },
            { key: 'c', name: names[2]!, type: 'line', unit: 'rate' },
          ],
        },
      )
      for (const width of [240, 280, 296, 340, 360]) {
        const fitted = fitNarrow(trend, width) as { grid: { top: number } }
        const ys = drawnTextsAt(fitted, 320, width)
          .filter((t) => names.includes(t.text))
          .map((t) => t.y)
        const rows = [...new Set(ys)].sort((a, b) => a - b)
        const added = fitted.grid.top - trend.grid.top
        // Each row ECharts adds is 24 px lower (a 14-px mark or line of text, 10 px between); 25 px are reserved.
        expect(rows.slice(1).every((y, i) => y - rows[i]! <= 25)).toBe(true)
        expect(added, `${names.join(' · ')} at ${width} px`).toBe((rows.length - 1) * 25)
      }
    }
  })

  it("names every station of a phone's radar in its legend, not one and a half beside a pager", () => {
    const names = [
      '民兴街道人大代表联络站',
      '后山镇人大代表联络站',
      '金沙县人大代表之家',
      '平坝镇人大代表联络站',
    ]
    const radar = buildRadarOption(
      names.map((name, i) => ({ name, a: i })),
      'light',
      { locale: 'zh-CN', nameKey: 'name', indicators: [{ key: 'a', name: '接待走访活动', max: 10 }] },
    )
    const fitted = fitNarrow(radar)
    expect(fitted.legend).toMatchObject({ type: 'plain' })
    expect(drawnTexts(fitted, 320, 326)).toEqual(expect.arrayContaining(names))
  })
})
