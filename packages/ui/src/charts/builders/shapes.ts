// Funnel, donut, radar and small multiples: the non-axis charts of the modules.
import { formatRate, formatValue, type Locale, labelColon, type Unit } from '../../format/index.ts'
import { inkOn, inks } from '../ink.ts'
import type { ChartTheme } from '../themes.ts'
import { themeTokens } from '../themes.ts'
import {
  axisFormatter,
  type BuilderOptions,
  baseOption,
  describeSeries,
  monthLabel,
  monthsBetween,
  type Row,
  valueFormatter,
} from './common.ts'

export interface NamedValue {
  name: string
  value: number | null
}

/** The exported data of a funnel or donut: the names and their values (headers named by the export if unset). */
const namedValueColumns = (options: { unit: Unit; nameLabel?: string; valueLabel?: string }) => [
  { key: 'name', label: options.nameLabel ?? '', unit: 'text' },
  { key: 'value', label: options.valueLabel ?? '', unit: options.unit },
]

/** Plain-language list of named values ("收集 168，答复 161"), for screen readers; an item may have its own unit. */
const describeNamed = (
  items: { name: string; value: number | null; unit?: Unit }[],
  unit: Unit,
  locale: Locale,
) =>
  items
    .map((i) => `${i.name} ${i.value === null ? '—' : formatValue(i.value, i.unit ?? unit, locale)}`)
    .join(locale === 'zh-CN' ? '，' : ', ')

export function buildFunnelOption(
  stages: NamedValue[],
  theme: ChartTheme,
  options: BuilderOptions & { unit: Unit; nameLabel?: string; valueLabel?: string },
) {
  const t = themeTokens[theme]
  return {
    ...baseOption(theme, {
      ...options,
      description: options.description ?? describeNamed(stages, options.unit, options.locale),
    }),
    dataset: { dimensions: ['name', 'value'], source: stages },
    exportColumns: namedValueColumns(options),
    tooltip: { trigger: 'item' as const, valueFormatter: valueFormatter(options.unit, options.locale) },
    series: [
      {
        type: 'funnel' as const,
        sort: 'none' as const,
        left: '10%',
        width: '80%',
        minSize: '8%',
        encode: { itemName: 'name', value: 'value' },
        // Inside each stage, in the ink that reads on its colour (a rich-text style per ink: a label's colour
        // cannot be a function of its item).
        label: {
          position: 'inside' as const,
          formatter: (p: { name: string; data: NamedValue; color?: string }) =>
            `{${inkOn(p.color ?? '#000000')}|${p.name} ${formatValue(p.data.value, options.unit, options.locale)}}`,
          rich: {
            light: { color: inks.light, fontSize: t.fontSize },
            dark: { color: inks.dark, fontSize: t.fontSize },
          },
        },
      },
    ],
  }
}

export function buildPieOption(
  items: NamedValue[],
  theme: ChartTheme,
  options: BuilderOptions & { unit: Unit; nameLabel?: string; valueLabel?: string },
) {
  const t = themeTokens[theme]
  const shown = items.filter((i) => (i.value ?? 0) > 0)
  // Up to eight slices the legend shows every name, on two rows where the words are long (English): a paged
  // legend hid half of six routes behind "1/2". More page, and the ring moves up for the second row.
  const paged = shown.length > 8
  return {
    ...baseOption(theme, {
      ...options,
      description: options.description ?? describeNamed(shown, options.unit, options.locale),
    }),
    dataset: { dimensions: ['name', 'value'], source: shown },
    exportColumns: namedValueColumns(options),
    tooltip: { trigger: 'item' as const, valueFormatter: valueFormatter(options.unit, options.locale) },
    legend: { type: paged ? ('scroll' as const) : ('plain' as const), bottom: 0 },
    series: [
      {
        type: 'pie' as const,
        radius: paged ? ['40%', '68%'] : ['36%', '62%'],
        center: paged ? ['50%', '45%'] : ['50%', '42%'],
        encode: { itemName: 'name', value: 'value' },
        // Shares to one decimal, as every rate on the page, rounded once: ECharts shares them out at this precision
        // so that they add up to 100 % (its default two decimals, rounded again, made 3 of 17 read 17.7 %).
        percentPrecision: 1,
        label: {
          formatter: (p: { name: string; percent: number }) => `${p.name} ${formatRate(p.percent / 100)}`,
          color: t.muted,
          fontSize: t.fontSize,
        },
      },
    ],
  }
}

export interface RadarIndicator {
  key: string
  name: string
  max: number
  /** For the exported data (counts unless said). */
  unit?: Unit
}

/** A name in a tooltip's HTML: a station's name comes from an imported register. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Up to five stations on shared axes. A station without a figure (no satisfaction without evaluated opinions)
 * has none there ('-', ECharts' missing value), not a 0: no 0 in its tooltip, label or export. ECharts 6 still runs
 * its outline through the centre on that axis (radarLayout's missing point); it has no gap for a radar. */
export function buildRadarOption(
  rows: Row[],
  theme: ChartTheme,
  options: BuilderOptions & { nameKey: string; indicators: RadarIndicator[] },
) {
  const picked = rows.slice(0, 5)
  // Each station's values under their own units (counts beside rates).
  const described = picked.map(
    (row) =>
      `${row[options.nameKey]}${labelColon(options.locale)}` +
      describeNamed(
        options.indicators.map((i) => ({
          name: i.name,
          value: (row[i.key] ?? null) as number | null,
          unit: i.unit,
        })),
        'count',
        options.locale,
      ),
  )
  return {
    ...baseOption(theme, { ...options, description: options.description ?? described.join(' ') }),
    legend: { bottom: 0, type: 'scroll' as const },
    // The station and each figure in its own unit, as everywhere else (95.2%, 1,234; "—" for none): ECharts would
    // print the raw 0.9523809523809523, and its valueFormatter is not told which axis a value is on.
    tooltip: {
      trigger: 'item' as const,
      formatter: (p: { dataIndex: number; marker?: string }) => {
        const row = picked[p.dataIndex]
        if (!row) return ''
        const colon = labelColon(options.locale)
        const lines = options.indicators.map(
          (i) =>
            `${escapeHtml(i.name)}${colon}${formatValue(row[i.key] as number | null | undefined, i.unit ?? 'count', options.locale)}`,
        )
        return [`${p.marker ?? ''}${escapeHtml(String(row[options.nameKey]))}`, ...lines].join('<br/>')
      },
    },
    // A radar has no dataset: the rows it draws are exported as they are.
    exportColumns: [
      { key: options.nameKey, label: '', unit: 'text' },
      ...options.indicators.map((i) => ({ key: i.key, label: i.name, unit: i.unit ?? 'count' })),
    ],
    exportRows: picked,
    radar: { indicator: options.indicators.map((i) => ({ name: i.name, max: i.max || 1 })), radius: '62%' },
    series: [
      {
        type: 'radar' as const,
        data: picked.map((row) => ({
          name: String(row[options.nameKey]),
          value: options.indicators.map((i) => (row[i.key] == null ? '-' : Number(row[i.key]))),
        })),
      },
    ],
  }
}

/** One small line chart per group, on a shared y scale, in a grid of `columns`. */
export function buildSmallMultiplesOption(
  given: { name: string; rows: Row[] }[],
  theme: ChartTheme,
  options: BuilderOptions & {
    value: string
    unit: Unit
    columns?: number
    valueLabel?: string
    /** Every month of it on every cell's axis: a month without rows is 0 for a count (nothing was filed), a
     * gap otherwise. Without it, a line would run straight over the missing months and the cells' axes would
     * start in different months. */
    period?: { from: string; to: string }
  },
) {
  const t = themeTokens[theme]
  const months = options.period ? monthsBetween(options.period.from, options.period.to) : null
  const none = options.unit === 'count' ? 0 : null
  const groups = months
    ? given.map((g) => {
        const byMonth = new Map(g.rows.map((r) => [String(r.month), r]))
        return { ...g, rows: months.map((m) => byMonth.get(m) ?? { month: m, [options.value]: none }) }
      })
    : given
  const columns = options.columns ?? 4
  const lines = Math.max(1, Math.ceil(groups.length / columns))
  const max = Math.max(1, ...groups.flatMap((g) => g.rows.map((r) => Number(r[options.value] ?? 0))))
  const cell = (i: number) => ({
    left: `${(i % columns) * (100 / columns) + 2}%`,
    top: `${Math.floor(i / columns) * (100 / lines) + 8}%`,
    width: `${100 / columns - 4}%`,
    height: `${100 / lines - 16}%`,
  })
  const described = groups.map((g) =>
    describeSeries(g.rows, 'month', options.value, g.name, options.unit, options.locale),
  )
  return {
    ...baseOption(theme, { ...options, description: options.description ?? described.join(' ') }),
    dataset: groups.map((g) => ({ source: g.rows })),
    // Exported as one long table: the group (series), the month and the value.
    exportColumns: [
      { key: 'series', label: '', unit: 'text' },
      { key: 'month', label: '', unit: 'month' },
      { key: options.value, label: options.valueLabel ?? '', unit: options.unit },
    ],
    title: groups.map((g, i) => ({
      text: g.name,
      left: cell(i).left,
      top: `${Math.floor(i / columns) * (100 / lines)}%`,
      textStyle: { fontSize: t.fontSize, fontWeight: 'normal' as const, color: t.text },
    })),
    tooltip: { trigger: 'axis' as const, valueFormatter: valueFormatter(options.unit, options.locale) },
    // Each cell holds its own axis labels (outerBounds 'same'): the first and last month, and the shared scale's
    // zero and top, so that a reader can tell when and how much without the tooltip.
    grid: groups.map((_, i) => ({ ...cell(i), outerBoundsMode: 'same' as const })),
    xAxis: groups.map((g, i) => ({
      type: 'category' as const,
      gridIndex: i,
      axisLabel: {
        formatter: monthLabel(options.locale),
        interval: (index: number) => index === 0 || index === g.rows.length - 1,
        fontSize: t.fontSize - 2,
      },
      axisTick: { show: false },
    })),
    yAxis: groups.map((_, i) => ({
      type: 'value' as const,
      gridIndex: i,
      max,
      splitNumber: 1,
      axisLabel: { formatter: axisFormatter(options.unit, options.locale), fontSize: t.fontSize - 2 },
    })),
    series: groups.map((g, i) => ({
      type: 'line' as const,
      name: g.name,
      datasetIndex: i,
      xAxisIndex: i,
      yAxisIndex: i,
      encode: { x: 'month', y: options.value },
      symbol: 'none',
      areaStyle: { opacity: 0.15 },
    })),
  }
}
