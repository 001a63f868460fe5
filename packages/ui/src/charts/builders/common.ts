import type { Locale, Unit } from '../../format/index.ts'
import { formatMonth, formatValue } from '../../format/index.ts'
import { type ChartTheme, themeTokens } from '../themes.ts'

export type Row = Record<string, string | number | null | undefined>

export interface BuilderOptions {
  locale: Locale
  /** Text for screen readers (ECharts aria), e.g. from the narrative generator. */
  description?: string
  /** Decal patterns on top of colours, for print and colour-blind users. */
  decal?: boolean
}

/** What every option shares: aria, tooltip, font sizes by theme. */
export function baseOption(theme: ChartTheme, options: BuilderOptions) {
  const t = themeTokens[theme]
  return {
    aria: {
      enabled: true,
      decal: { show: options.decal ?? false },
      ...(options.description ? { label: { description: options.description } } : {}),
    },
    textStyle: { fontSize: t.fontSize },
    animationDuration: 400,
  }
}

export const valueFormatter = (unit: Unit, locale: Locale) => (value: unknown) =>
  typeof value === 'number' ? formatValue(value, unit, locale) : '—'

export const axisFormatter = (unit: Unit, locale: Locale) => (value: number) =>
  unit === 'rate' ? `${Math.round(value * 100)}%` : formatValue(value, unit, locale, { compact: true })

export const monthLabel = (locale: Locale) => (value: string) =>
  /^\d{4}-\d{2}$/.test(value) ? formatMonth(value, locale, value.endsWith('-01')) : value

/** A month key with its year in full, for headings (tooltips); anything else as it is. */
export const monthHeading = (value: unknown, locale: Locale) =>
  typeof value === 'string' && /^\d{4}-\d{2}$/.test(value) ? formatMonth(value, locale, true) : String(value)

/** Plain-language summary of one series: highest and lowest category. Shared by aria and the narrative. */
export function describeSeries(
  rows: Row[],
  key: string,
  value: string,
  name: string,
  unit: Unit,
  locale: Locale,
) {
  const points = rows.filter((r) => typeof r[value] === 'number') as Row[]
  if (points.length === 0) return ''
  const sorted = [...points].sort((a, b) => (b[value] as number) - (a[value] as number))
  const top = sorted[0]!
  const bottom = sorted[sorted.length - 1]!
  const amount = (r: Row) => formatValue(r[value] as number, unit, locale)
  const fmt = (r: Row) => `${monthHeading(r[key], locale)} ${amount(r)}`
  const zh = locale === 'zh-CN'
  const n = points.length
  // One point has no highest and lowest; equal points name none of them.
  const text =
    n < 2
      ? fmt(top)
      : top[value] === bottom[value]
        ? (zh ? `${n} 项均为 ` : `all ${n} at `) + amount(top)
        : zh
          ? `最高 ${fmt(top)}，最低 ${fmt(bottom)}，共 ${n} 项`
          : `highest ${fmt(top)}, lowest ${fmt(bottom)}, ${n} items`
  return zh ? `${name}：${text}。` : `${name}: ${text}.`
}

/** The month keys ('YYYY-MM') from the month of `from` to the month of `to` (dates 'YYYY-MM-DD'). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))]
  const last = to.slice(0, 7)
  for (let key = from.slice(0, 7); key <= last; ) {
    months.push(key)
    ;[year, month] = month === 12 ? [year + 1, 1] : [year, month + 1]
    key = `${year}-${String(month).padStart(2, '0')}`
  }
  return months
}
