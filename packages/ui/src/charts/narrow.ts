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

/** Months keep ECharts' own spacing: their labels say the year where it changes, not every month. */
const isMonths = (option: Option) =>
  ((option.dataset as { dimensions?: unknown[] } | undefined)?.dimensions?.[0] ?? null) === 'month'

/**
 * The option as drawn on a narrow panel: an upright category axis names every category, slanted (up to twelve);
 * sideways bars' value axis has fewer steps; a donut is smaller, its labels wrap instead of being cut, and its legend (the labels say the same) is left out.
 */
export function fitNarrow(option: Option): Option {
  const out: Option = { ...option }
  const xAxes = asList(option.xAxis as Axis | Axis[] | undefined)
  const upright = xAxes.some((a) => a.type === 'category')
  if (upright && !isMonths(option) && categoryCount(option) <= nameEveryUpTo) {
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
