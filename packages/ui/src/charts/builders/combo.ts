import { formatValue, type Locale, type Unit } from '../../format/index.ts'
import type { ChartTheme } from '../themes.ts'
import { themeTokens } from '../themes.ts'
import {
  axisFormatter,
  type BuilderOptions,
  baseOption,
  describeSeries,
  monthHeading,
  monthLabel,
  monthsBetween,
  type Row,
  valueFormatter,
} from './common.ts'

export interface SeriesSpec {
  /** The row key holding the value. */
  key: string
  name: string
  type: 'bar' | 'line'
  unit: Unit
  /** 1 = the second value axis (for rates beside counts). */
  axis?: 0 | 1
  stack?: string
}

export interface ReferenceLine {
  name: string
  value: number
  /** An upright chart's label placement, where the default (above the line's end) would print over another's, and
   * a box behind it where it would print over bars (legibleReferences). */
  label?: {
    position?: 'insideEndBottom'
    backgroundColor?: string
    padding?: number[]
    borderRadius?: number
  }
}

export interface ComboOptions extends BuilderOptions {
  /** The row key of the category (a month, a township name…). */
  category: string
  /** The category's header in the exported data; unnamed = named by the export (乡镇（街道）, 月份…). */
  categoryLabel?: string
  series: SeriesSpec[]
  /** Bars sideways, for rankings with long names. */
  horizontal?: boolean
  /** Average, quartiles, target… drawn across the first value axis. */
  references?: ReferenceLine[]
  /** The category to mark, a township compared among its county's: its band is shaded and its name bold. */
  current?: string | undefined
}

const referenceRow = (fontSize: number) => fontSize + 6
/** More upright bars than this, and their names are slanted. */
const slantFrom = 6

/**
 * A reference line across sideways bars (a ranking's average and quartiles). Its label, with the value, goes
 * above the plot: at the line's foot it covered the value axis' labels. Each line's label has a row of its own,
 * lowest value nearest the plot, so close lines (both quartiles on a phone) never print over each other.
 */
function sidewaysReference(
  reference: ReferenceLine,
  all: ReferenceLine[],
  unit: Unit,
  locale: Locale,
  fontSize: number,
) {
  const rank = [...all].sort((a, b) => a.value - b.value).indexOf(reference)
  return {
    name: `${reference.name} ${formatValue(reference.value, unit, locale)}`,
    xAxis: reference.value,
    // The category axis runs top to bottom (inverse), so the line starts at the top of the plot.
    label: { position: 'start' as const, distance: 4 + rank * referenceRow(fontSize) },
  }
}

/** A category axis' labels with the current category's in the bold `current` style. */
function markCurrent(label: (value: string) => string, current: string | undefined) {
  if (current === undefined) return label
  return (value: string) => (value === current ? `{current|${label(value)}}` : label(value))
}

/** The shaded band behind the current category: the axis' split area of its index, the others clear. (A markArea
 * from its name to its name has no width: coordinates are a category's middle.) */
function currentBand(rows: Row[], options: ComboOptions, colour: string) {
  const index = rows.findIndex((r) => r[options.category] === options.current)
  if (index < 0) return {}
  const color = rows.map((_, i) => (i === index ? colour : 'rgba(0, 0, 0, 0)'))
  return { splitArea: { show: true, interval: 0, areaStyle: { color } } }
}

type Axis = Record<string, unknown> & { splitArea?: { areaStyle: { color: string[] } } }

/**
 * A category axis run top to bottom (`inverse`, sideways bars), with its band. ECharts 6.1 draws an inverse axis'
 * split area k on row k + 1 and none on the first (the same offset as apache/echarts#21652's markArea): the band sat
 * one township low. So the band moves to a second category axis, unseen, running upwards over as many rows.
 */
export function sidewaysCategoryAxes(axis: Axis): Axis | Axis[] {
  const { splitArea, ...rest } = axis
  const inverse = { ...rest, inverse: true }
  if (!splitArea) return inverse
  const color = [...splitArea.areaStyle.color].reverse()
  const band = {
    type: 'category',
    data: color.map((_, i) => String(i)),
    silent: true,
    axisLine: { show: false },
    axisTick: { show: false },
    axisLabel: { show: false },
    axisPointer: { show: false },
    splitArea: { ...splitArea, areaStyle: { ...splitArea.areaStyle, color } },
  }
  return [inverse, band]
}

/** Bars and lines over one category axis, from a dataset. The workhorse behind trends, rankings and targets. */
export function buildComboOption(rows: Row[], theme: ChartTheme, options: ComboOptions) {
  const t = themeTokens[theme]
  const units = [options.series.find((s) => !s.axis)?.unit, options.series.find((s) => s.axis === 1)?.unit]
  const valueAxes = units
    .map((unit, index) =>
      unit
        ? {
            type: 'value' as const,
            position: options.horizontal ? undefined : index === 0 ? 'left' : 'right',
            axisLabel: { formatter: axisFormatter(unit, options.locale) },
            splitLine: { show: index === 0 },
            ...(unit === 'rate' ? { min: 0, max: 1 } : {}),
            // Nobody receives half a visitor: a small count's axis steps by whole numbers (it read 0.5, 1.5, 2.5).
            ...(unit === 'count' || unit === 'people' ? { minInterval: 1 } : {}),
          }
        : null,
    )
    .filter((axis) => axis !== null)
  const categoryAxis = {
    type: 'category' as const,
    // Every area or row is named where there is room: sideways bars get a row each (their panel is as tall as
    // they need: PanelSpec.rows); upright, many areas' names are slanted (twenty townships showed every third
    // name level). Names that still overlap (a phone) are left out; months keep ECharts' own spacing.
    axisLabel: {
      formatter: markCurrent(monthLabel(options.locale), options.current),
      rich: { current: { fontWeight: 'bold' as const, color: t.text } },
      hideOverlap: true,
      ...(options.horizontal ? { interval: 0 } : {}),
      ...(!options.horizontal && options.category !== 'month' && rows.length > slantFrom
        ? { interval: 0, rotate: 45 }
        : {}),
    },
    // The tooltip's heading: a month with its year (2025年8月, Aug 2025), not the key 2025-08.
    axisPointer: {
      label: { formatter: ({ value }: { value: unknown }) => monthHeading(value, options.locale) },
    },
    ...currentBand(rows, options, t.split),
  }
  const series = options.series.map((spec, index) => ({
    type: spec.type,
    name: spec.name,
    encode: options.horizontal ? { y: options.category, x: spec.key } : { x: options.category, y: spec.key },
    ...(options.horizontal ? { xAxisIndex: spec.axis ?? 0 } : { yAxisIndex: spec.axis ?? 0 }),
    ...(spec.stack ? { stack: spec.stack } : {}),
    ...(spec.type === 'line' ? { smooth: false, symbolSize: 6 } : { barMaxWidth: 28 }),
    tooltip: { valueFormatter: valueFormatter(spec.unit, options.locale) },
    ...(index === 0 && options.references?.length
      ? {
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: t.target, type: 'dashed' },
            label: { formatter: '{b}', color: t.muted, position: 'insideEndTop' },
            data: options.references.map((r) =>
              options.horizontal
                ? sidewaysReference(r, options.references!, spec.unit, options.locale, t.fontSize)
                : { ...r, yAxis: r.value },
            ),
          },
        }
      : {}),
  }))
  return {
    // Without a description of its own, screen readers get each series' highest and lowest, formatted: ECharts'
    // own text is Chinese whatever the language and reads raw values (0.7777777777777778).
    ...baseOption(theme, {
      ...options,
      description:
        options.description ??
        options.series
          .map((s) => describeSeries(rows, options.category, s.key, s.name, s.unit, options.locale))
          .join(' '),
    }),
    dataset: {
      dimensions: [options.category, ...options.series.map((s) => s.key)],
      source: rows,
    },
    exportColumns: [
      {
        key: options.category,
        label: options.categoryLabel ?? '',
        unit: options.category === 'month' ? 'month' : 'text',
      },
      ...options.series.map((s) => ({ key: s.key, label: s.name, unit: s.unit })),
    ],
    legend: { top: 0, type: 'scroll' as const },
    tooltip: { trigger: 'axis' as const },
    // ECharts 6 keeps axis labels inside the chart by default (outerBoundsMode 'auto'); no containLabel.
    // Sideways, the reference labels stand in rows above the plot (see sidewaysReference).
    grid: {
      left: 8,
      right: 16,
      top: options.horizontal ? 36 + (options.references?.length ?? 0) * referenceRow(t.fontSize) : 36,
      bottom: 8,
    },
    xAxis: options.horizontal ? valueAxes : categoryAxis,
    yAxis: options.horizontal ? sidewaysCategoryAxes(categoryAxis) : valueAxes,
    series,
  }
}

/**
 * Monthly trend: counts as bars, rates as a line on the right axis. With the `period`, every month of it is on the
 * axis: a month without rows (no projects approved, say) is a gap in its place, not left out, which would set
 * March beside June.
 */
export function buildTrendOption(
  rows: Row[],
  theme: ChartTheme,
  options: Omit<ComboOptions, 'category'> & { period?: { from: string; to: string } },
) {
  const { period, ...combo } = options
  const byMonth = new Map(rows.map((r) => [String(r.month), r]))
  const filled = period
    ? monthsBetween(period.from, period.to).map((m) => byMonth.get(m) ?? { month: m })
    : rows
  return buildComboOption(filled, theme, { ...combo, category: 'month' })
}

/** Quartiles and mean of a list, for the reference lines of a ranking. */
export function quartiles(values: number[]) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (sorted.length === 0) return null
  const at = (p: number) => {
    const i = (sorted.length - 1) * p
    const lo = Math.floor(i)
    const hi = Math.ceil(i)
    return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo)
  }
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length
  return { q1: at(0.25), median: at(0.5), q3: at(0.75), mean }
}
