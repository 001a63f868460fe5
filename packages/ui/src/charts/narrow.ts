// A chart on a narrow panel (a phone, about 360 px of plot): what the builders lay out for a desktop panel loses
// its words there — ECharts drops overlapping category names (网上联络站, 扫码 and 微信 of six channels) and cuts
// donut labels to "代表议…". One rule for every chart, applied by ChartPanel to a panel under 480 px wide, so no
// builder needs the width.

type Option = Record<string, unknown>
type Axis = Record<string, unknown> & { type?: string; axisLabel?: Record<string, unknown> }

/** More categories than this on a narrow upright axis, and naming each would be unreadable: ECharts spaces them. */
const nameEveryUpTo = 12

const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

function categoryCount(option: Option): number {
  const source = (option.dataset as { source?: unknown[] } | undefined)?.source
  return Array.isArray(source) ? source.length : 0
}

/** A name on a line per word (English), or per six characters (Chinese has no spaces). */
export const wrapWords = (name: string) =>
  /\p{Script=Han}/u.test(name) ? name.replace(/(.{6})(?=.)/gu, '$1\n') : name.replaceAll(' ', '\n')

/** Months keep ECharts' own spacing: their labels say the year where it changes, not every month. */
const isMonths = (option: Option) =>
  ((option.dataset as { dimensions?: unknown[] } | undefined)?.dimensions?.[0] ?? null) === 'month'

/**
 * The option as drawn on a narrow panel `width` px wide: an upright category axis names every category, slanted (up
 * to twelve); sideways bars' value axis has fewer steps; a donut and a radar are smaller, a donut's labels wrap
 * instead of being cut, and its legend (the labels say the same) is left out; small multiples' titles are cut to
 * their cells.
 */
export function fitNarrow(option: Option, width = 360): Option {
  const out: Option = { ...option }
  const xAxes = asList(option.xAxis as Axis | Axis[] | undefined)
  const upright = xAxes.some((a) => a.type === 'category')
  // Small multiples (one dataset per cell) name each cell's first and last month themselves: naming all twelve,
  // slanted, piled them into one clump.
  const oneDataset = !Array.isArray(option.dataset)
  if (upright && oneDataset && !isMonths(option) && categoryCount(option) <= nameEveryUpTo) {
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
  if (radar)
    out.radar = {
      ...radar,
      radius: '45%',
      axisName: { ...(radar.axisName as object), formatter: wrapWords },
    }
  const series = asList(option.series as Record<string, unknown>[] | undefined)
  if (series.some((s) => s.type === 'pie')) {
    out.series = series.map((s) =>
      s.type === 'pie'
        ? {
            ...s,
            radius: ['30%', '52%'],
            center: ['50%', '50%'],
            label: { ...(s.label as object), overflow: 'break' },
          }
        : s,
    )
    out.legend = { ...(option.legend as object), show: false }
  }
  return out
}
