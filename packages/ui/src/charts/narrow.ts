// A chart on a narrow panel (a phone, about 360 px of plot): what the builders lay out for a desktop panel loses
// its words there — ECharts drops overlapping category names (网上联络站, 扫码 and 微信 of six channels) and cuts
// donut labels to "代表议…". One rule for every chart, applied by ChartPanel to a panel under 480 px wide, so no
// builder needs the width.

import { format } from 'echarts/core'
import { sidewaysCategoryAxes } from './builders/combo.ts'

type Option = Record<string, unknown>
type Axis = Record<string, unknown> & { type?: string; axisLabel?: Record<string, unknown> }

/** More categories than this on a narrow upright axis, and naming each across would be unreadable: they turn sideways. */
const nameEveryUpTo = 12

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

function categoryCount(option: Option): number {
  const source = (option.dataset as { source?: unknown[] } | undefined)?.source
  return Array.isArray(source) ? source.length : 0
}

/** A category's row when an upright chart is turned sideways: its name and its bars. */
const rowHeight = 26
/** A reference line's name above the plot: a row of the theme's 12-px text. */
const referenceRow = 18

type Series = Record<string, unknown> & {
  yAxisIndex?: number
  encode?: { x?: unknown; y?: unknown }
  markLine?: { data?: Record<string, unknown>[] }
}

/**
 * A reference line once upright: its value along the value axis, its name level above the plot in the row of its
 * `rank` (lowest value nearest the plot). A name centred on a line near the right edge (a target of 100 %) was cut
 * off: past the middle of a rate axis it ends at its line.
 */
function uprightReference(
  { yAxis, ...entry }: Record<string, unknown>,
  rank: number,
  onRates: boolean,
  above: number,
) {
  const label = { position: 'start', distance: 4 + above + rank * referenceRow }
  return {
    ...entry,
    xAxis: yAxis,
    label: onRates && Number(yAxis) > 0.5 ? { ...label, align: 'right' } : label,
  }
}

/**
 * More categories than a phone can name across (a county's 26 townships) turn sideways, a row each, the panel as
 * tall as they need (`panelHeight`, read by ChartPanel): names kept whole and level instead of every other one
 * slanted. Value axes go below (the first) and above (a rate beside counts); reference lines follow their axis.
 */
function turnSideways(option: Option, count: number): Option {
  const [category = {}] = asList(option.xAxis as Axis | Axis[] | undefined)
  const values = asList(option.yAxis as Axis | Axis[] | undefined)
  const series = asList(option.series as Series[] | undefined)
  // Reference lines (a target) stand upright now; their names go above the plot, a row each, lowest value nearest
  // it, as the sideways builder places them: along the line they read top to bottom.
  const references = series.flatMap((s) => s.markLine?.data ?? [])
  const byValue = references.map((d) => Number(d.yAxis)).sort((a, b) => a - b)
  const grid = (option.grid ?? {}) as Record<string, unknown>
  // A second value axis (a rate beside counts) has its labels right above the plot: the names go above them.
  const secondAxis = values.length > 1 ? 24 : 0
  const top = Number(grid.top ?? 36) + secondAxis + references.length * referenceRow
  return {
    ...option,
    // Three steps fit a phone's width; a rate's are 0, 25 %, 50 %, 75 %, 100 % rather than ECharts' 0, 30 %, 60 %, 90 %.
    // A step's label that would touch the next ("10 days20 days") is left out.
    xAxis: values.map(({ position: _, ...axis }) => ({
      ...axis,
      ...(axis.max === 1 ? { interval: 0.25 } : { splitNumber: 3 }),
      axisLabel: { ...axis.axisLabel, hideOverlap: true },
    })),
    yAxis: sidewaysCategoryAxes({
      ...category,
      axisLabel: { ...category.axisLabel, interval: 0, rotate: 0 },
    }),
    series: series.map(({ yAxisIndex, encode, markLine, ...s }) => {
      const onRates = values[yAxisIndex ?? 0]?.max === 1
      const upright = (d: Record<string, unknown>) =>
        uprightReference(d, byValue.indexOf(Number(d.yAxis)), onRates, secondAxis)
      return {
        ...s,
        xAxisIndex: yAxisIndex ?? 0,
        ...(encode ? { encode: { x: encode.y, y: encode.x } } : {}),
        ...(markLine ? { markLine: { ...markLine, data: markLine.data?.map(upright) } } : {}),
      }
    }),
    grid: { ...grid, top },
    panelHeight: `${top + 40 + count * rowHeight}px`,
  }
}

/** Characters on a line of wrapped English: "Resolved by" / "the deputy", as wide as six Chinese characters. */
const lineLetters = 11

/** A name on lines of whole words (English, up to eleven letters a line unless one word is longer), or of `han`
 * characters (Chinese has no spaces; an even number keeps its two-character words whole more often). */
export function wrapWords(name: string, han = 6) {
  if (/\p{Script=Han}/u.test(name)) return name.replace(new RegExp(`(.{${han}})(?=.)`, 'gu'), '$1\n')
  const lines: string[] = []
  for (const word of name.split(' ')) {
    const last = lines.length - 1
    if (last >= 0 && lines[last]!.length + 1 + word.length <= lineLetters) lines[last] += ` ${word}`
    else lines.push(word)
  }
  return lines.join('\n')
}

type SliceLabel = (slice: { name: string; percent: number }) => string

/** A donut's label on a phone: its name's words wrapped (Chinese four characters a line: 部门联动 / 解决, not
 * 部门联动解 / 决), its share on a line of its own. ECharts' own breaking cut words ("Resolv / ed by") and, short of
 * room, left a small slice (Not routed yet) without a label. */
const wrappedSlice =
  (formatter: unknown): SliceLabel =>
  (slice) => {
    // The builders' label is "name share"; without a formatter of its own, ECharts' default is the name.
    if (typeof formatter !== 'function') return wrapWords(slice.name, 4)
    const text = (formatter as SliceLabel)(slice)
    const cut = text.lastIndexOf(' ')
    return cut < 0 ? text : `${wrapWords(text.slice(0, cut), 4)}\n${text.slice(cut + 1)}`
  }

/** Months keep ECharts' own spacing: their labels say the year where it changes, not every month. */
const isMonths = (option: Option) =>
  ((option.dataset as { dimensions?: unknown[] } | undefined)?.dimensions?.[0] ?? null) === 'month'

/**
 * The option as drawn on a narrow panel `width` px wide: an upright category axis names every category, slanted (up
 * to twelve; more turn sideways); sideways bars' value axis has fewer steps; a donut and a radar are smaller, a donut's labels wrap
 * by words, and its legend (the labels say the same) is left out; small multiples' titles are cut to
 * their cells.
 */
export function fitNarrow(option: Option, width = 360): Option {
  return legendInRows(fitted(option, width), width)
}

/** The width of a legend entry as ECharts lays it out: its 25-px mark, 5 px to the name, and the name as ECharts
 * measures it (the canvas's text metrics in a browser). */
const legendEntryWidth = (name: string, font: string) => 25 + 5 + format.getTextRect(name, font).width

/**
 * A legend above the plot names every series on a phone, in as many rows as the names need, the plot lower by the
 * rows added: a scrolling legend showed two of three names beside "1/3", and the resolution rate's line went
 * unnamed.
 */
function legendInRows(option: Option, width: number): Option {
  const legend = option.legend
  const grid = option.grid ?? {}
  const height = option.panelHeight
  // Only the combo builder's own legend and layout (one legend, one grid, a top in px, a height in px if any).
  if (!isPlainObject(legend) || legend.type !== 'scroll' || legend.top !== 0 || legend.show === false)
    return option
  if (!isPlainObject(grid) || !['number', 'undefined'].includes(typeof grid.top)) return option
  if (height !== undefined && !/^\d+(\.\d+)?px$/.test(String(height))) return option
  const listed = Array.isArray(legend.data) ? legend.data : asList(option.series as Series[] | undefined)
  const names = [...new Set(listed.map((s) => String(isPlainObject(s) ? (s.name ?? '') : s)))]
  const textStyle = (option.textStyle ?? {}) as { fontSize?: number; fontFamily?: string }
  const fontSize = Number(textStyle.fontSize ?? 12)
  const font = `${fontSize}px ${textStyle.fontFamily ?? 'sans-serif'}`
  let rows = 1
  let used = 0
  for (const name of names.filter(Boolean)) {
    const entry = legendEntryWidth(name, font)
    // ECharts' box layout: an entry goes to a new row when it would end past the legend's width (the chart's less
    // 5 px of padding each side); 10 px separate entries on a row.
    if (used > 0 && used + entry > width - 10) [rows, used] = [rows + 1, 0]
    used += entry + 10
  }
  const added = (rows - 1) * (Math.max(14, Math.ceil(fontSize * 1.2)) + 10)
  return {
    ...option,
    legend: { ...legend, type: 'plain' },
    grid: { ...grid, top: Number(grid.top ?? 36) + added },
    ...(height !== undefined ? { panelHeight: `${Number.parseFloat(String(height)) + added}px` } : {}),
  }
}

function fitted(option: Option, width: number): Option {
  const xAxes = asList(option.xAxis as Axis | Axis[] | undefined)
  const upright = xAxes.some((a) => a.type === 'category')
  // Small multiples (one dataset per cell) name each cell's first and last month themselves: naming all twelve,
  // slanted, piled them into one clump.
  const oneDataset = !Array.isArray(option.dataset)
  const count = categoryCount(option)
  if (upright && oneDataset && !isMonths(option) && count > nameEveryUpTo) return turnSideways(option, count)
  const out: Option = { ...option }
  if (upright && oneDataset && !isMonths(option)) {
    const fitted = xAxes.map((a) =>
      a.type === 'category'
        ? { ...a, axisLabel: { ...a.axisLabel, interval: 0, rotate: 40, hideOverlap: false } }
        : a,
    )
    out.xAxis = Array.isArray(option.xAxis) ? fitted : fitted[0]
  }
  // Sideways bars: a money axis had its ¥100万 … ¥500万 printed into each other; three steps fit.
  if (!upright && xAxes.some((a) => a.type === 'value')) {
    const fitted = xAxes.map((a) => (a.type === 'value' ? { ...a, splitNumber: 3 } : a))
    out.xAxis = Array.isArray(option.xAxis) ? fitted : fitted[0]
  }
  // Small multiples: each cell's title (a station's name) is cut to its cell, not printed over its neighbours'.
  const titles = Array.isArray(option.title) ? (option.title as Record<string, unknown>[]) : []
  if (!oneDataset && titles.length > 1) {
    const perRow = titles.filter((t) => t.top === titles[0]!.top).length
    const room = Math.max(24, Math.floor(width / perRow) - 8)
    out.title = titles.map((t) => ({
      ...t,
      textStyle: { ...(t.textStyle as object), width: room, overflow: 'truncate' },
    }))
  }
  // A radar's axis names sit outside its circle: a smaller circle, and names on a line per word (ECharts ignores
  // axisName's width and overflow: apache/echarts#14449), keep "Satisfaction rate" whole.
  const radar = option.radar as Record<string, unknown> | undefined
  if (radar) {
    out.radar = {
      ...radar,
      radius: '45%',
      // Up, for the legend's rows below it.
      center: ['50%', '40%'],
      axisName: { ...(radar.axisName as object), formatter: (name: string) => wrapWords(name) },
    }
    // Every station named, as many to a row as fit: a scrolling legend showed one and a half names (后山镇人…)
    // beside "1/3".
    if (isPlainObject(option.legend)) out.legend = { ...option.legend, type: 'plain' }
  }
  const series = asList(option.series as Record<string, unknown>[] | undefined)
  if (series.some((s) => s.type === 'pie')) {
    out.series = series.map((s) =>
      s.type === 'pie'
        ? {
            ...s,
            // Room on both sides for a line of eleven letters on a 360-px phone, label lines short; ECharts breaks
            // only what is still too wide.
            radius: ['26%', '44%'],
            center: ['50%', '50%'],
            labelLine: { length: 6, length2: 6 },
            label: {
              ...(s.label as object),
              overflow: 'break',
              formatter: wrappedSlice((s.label as { formatter?: unknown } | undefined)?.formatter),
            },
          }
        : s,
    )
    out.legend = { ...(option.legend as object), show: false }
  }
  return out
}
