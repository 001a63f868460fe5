// Option builders for the report's charts: pure functions over metric rows, using ECharts' dataset.
// Rates arrive as fractions (0.797) and are drawn in percent. Titles and 口径 are added by frameOption().
import { percentOf } from '@liaison/contracts/percent'
import type { EChartsCoreOption } from 'echarts/core'
import { type Texts, textsOf } from '../texts.ts'

export const palette = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#56B4E9',
  '#CC79A7',
  '#8C6D00',
  '#555555',
]

type Row = Record<string, string | number | null | undefined>
/** A category named on its axis, the current township's in bold (and in its bar's colour, where it has one). */
const named =
  (color = '#222') =>
  (r: { name: string; current?: boolean | undefined }) =>
    r.current ? { value: r.name, textStyle: { color, fontWeight: 'bold' } } : r.name
// A rate in points, as the dashboard and the report's text show it (a county at 99.96 % is not at 100 %).
const pct = (v: unknown) => (typeof v === 'number' ? percentOf(v) : null)
const num = (v: unknown) => (typeof v === 'number' ? v : 0)

/** Monthly activities and opinions (bars) with the resolution rate (line, right axis). */
export function trendOption(rows: Row[], t: Texts['chart'] = textsOf('zh').chart): EChartsCoreOption {
  // January carries its year where the months cross into a new one (a month's twelve months up to it).
  const years = new Set(rows.map((r) => String(r.month).slice(0, 4)))
  const source = rows.map((r) => ({
    month: t.month(
      Number(String(r.month).slice(5, 7)),
      years.size > 1 && String(r.month).endsWith('-01') ? Number(String(r.month).slice(0, 4)) : undefined,
    ),
    receptions: num(r.receptions),
    opinions: num(r.opinions_collected),
    rate: pct(r.resolution_rate),
  }))
  return {
    color: palette,
    dataset: { dimensions: ['month', 'receptions', 'opinions', 'rate'], source },
    legend: { top: 0, data: [t.receptions, t.opinions, t.rate] },
    grid: { left: 16, right: 16, top: 40, bottom: 8 },
    xAxis: { type: 'category' },
    yAxis: [
      { type: 'value', name: t.countAxis },
      {
        type: 'value',
        name: t.rate,
        min: 0,
        max: 100,
        axisLabel: { formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    series: [
      { name: t.receptions, type: 'bar', barMaxWidth: 22, encode: { x: 'month', y: 'receptions' } },
      { name: t.opinions, type: 'bar', barMaxWidth: 22, encode: { x: 'month', y: 'opinions' } },
      { name: t.rate, type: 'line', yAxisIndex: 1, encode: { x: 'month', y: 'rate' } },
    ],
  }
}

/** Townships by one figure, highest first, with the region's figure as a dashed reference line. The `current`
 * township (a township's report, among its county's) stands out in colour and by its bold name. */
export function townshipBarOption(
  rows: { name: string; value: number | null; current?: boolean }[],
  options: {
    unit: 'rate' | 'count'
    seriesName: string
    regionValue: number | null
    /** What the reference line is called: 县均 and the like, or the county a township is compared in. */
    regionName: string
  },
): EChartsCoreOption {
  const scale = (v: number | null) => (options.unit === 'rate' ? pct(v) : v)
  const bars = rows.filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!)
  const reference = scale(options.regionValue)
  const suffix = options.unit === 'rate' ? '%' : ''
  return {
    color: palette,
    grid: { left: 16, right: 24, top: 24, bottom: 8 },
    xAxis: {
      type: 'category',
      data: bars.map(named(palette[1])),
      axisLabel: { rotate: 40, interval: 0, fontSize: 11 },
    },
    yAxis: {
      type: 'value',
      ...(options.unit === 'rate' ? { min: 0, max: 100 } : {}),
      axisLabel: { formatter: `{value}${suffix}` },
    },
    series: [
      {
        name: options.seriesName,
        type: 'bar',
        barMaxWidth: 26,
        data: bars.map((r) => ({
          value: scale(r.value),
          ...(r.current ? { itemStyle: { color: palette[1] } } : {}),
        })),
        markLine:
          reference === null
            ? undefined
            : {
                symbol: 'none',
                lineStyle: { color: '#D55E00', type: 'dashed' },
                label: {
                  formatter: `${options.regionName} {c}${suffix}`,
                  position: 'insideEndTop',
                  color: '#D55E00',
                },
                data: [{ yAxis: reference }],
              },
      },
    ],
  }
}

/** A ring of more slices than the palette has colours repeated them (道路交通, 城乡建设 and 文体旅游 all blue, twenty
 * categories in a report): the largest seven keep theirs, the rest are one slice, 其他. */
const maxSlices = palette.length

/** Opinions by category: a donut with each slice's share; empty categories left out. */
export function categoryPieOption(
  items: { name: string; value: number | null }[],
  other = textsOf('zh').chart.other,
): EChartsCoreOption {
  const sorted = items.filter((i) => (i.value ?? 0) > 0).sort((a, b) => b.value! - a.value!)
  const rest = sorted.slice(maxSlices - 1)
  const source =
    sorted.length > maxSlices
      ? [...sorted.slice(0, maxSlices - 1), { name: other, value: rest.reduce((n, i) => n + i.value!, 0) }]
      : sorted
  return {
    color: palette,
    dataset: { dimensions: ['name', 'value'], source },
    legend: { type: 'plain', orient: 'vertical', right: 8, top: 'middle', itemGap: 6 },
    series: [
      {
        type: 'pie',
        radius: ['38%', '70%'],
        center: ['38%', '52%'],
        percentPrecision: 1,
        encode: { itemName: 'name', value: 'value' },
        // A long name (Drinking water & drainage) wraps onto two lines rather than losing its share at the edge.
        label: { formatter: '{b} {d}%', fontSize: 11, width: 130, overflow: 'break' },
      },
    ],
  }
}

/** Micro-project funds by township: allocated and spent side by side, in 万元 (in English thousands of yuan: an axis
 * of "¥10,000" read as a price); the `current` township named in bold, and shown without funds too. */
export function fundingOption(
  rows: { name: string; allocated: number | null; spent: number | null; current?: boolean }[],
  t: Texts['chart'] = textsOf('zh').chart,
) {
  const scaled = (v: number | null) => (v === null ? null : Math.round((v / t.moneyUnit) * 100) / 100)
  const bars = rows
    .filter((r) => (r.allocated ?? 0) > 0 || r.current)
    .sort((a, b) => b.allocated! - a.allocated!)
  return {
    color: palette,
    legend: { top: 0, data: [t.allocated, t.spent] },
    grid: { left: 16, right: 24, top: 40, bottom: 8 },
    xAxis: {
      type: 'category',
      data: bars.map(named()),
      axisLabel: { rotate: 40, interval: 0, fontSize: 11 },
    },
    yAxis: { type: 'value', name: t.moneyAxis },
    series: [
      { name: t.allocated, type: 'bar', barMaxWidth: 22, data: bars.map((r) => scaled(r.allocated)) },
      { name: t.spent, type: 'bar', barMaxWidth: 22, data: bars.map((r) => scaled(r.spent)) },
    ],
  } satisfies EChartsCoreOption
}
