// Number, money, rate and date formatting for zh-CN and English, in one place. Pure functions.
import { englishMonths } from '@liaison/contracts/days'
import { percentOf, roundPercent } from '@liaison/contracts/percent'

export type Locale = 'zh-CN' | 'en'
export type Unit = 'count' | 'people' | 'rate' | 'yuan' | 'days' | (string & {})

export interface NumberOptions {
  /** 1.26万 / 12.6K instead of 12,600. */
  compact?: boolean
  /** Decimals kept (trailing zeros dropped); default 2 compact, 0 plain. */
  digits?: number
  /** Compact, with its trailing zeros: figures read side by side keep one precision (¥52.00万 beside ¥33.43万,
   * not ¥52万). */
  fixed?: boolean
}

const dash = '—'
const isZh = (locale: Locale) => locale === 'zh-CN'

/** What joins a label to its figure: 办结率：93.3%, Resolution rate: 93.3%. */
export const labelColon = (locale: Locale) => (isZh(locale) ? '：' : ': ')

// One formatter per locale and precision: constructing one costs ≈ 0.4 ms on a slow machine, and a dashboard's first
// view formats over a hundred figures.
const formatters = new Map<string, Intl.NumberFormat>()

/** Grouped (1,850), up to `digits` decimals, trailing zeros dropped unless `fixed` (1.20 → 1.2; fixed 1.20). */
function plain(value: number, digits: number, locale: Locale, fixed = false) {
  const key = `${locale}${digits}${fixed}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(isZh(locale) ? 'zh-CN' : 'en-US', {
      maximumFractionDigits: digits,
      minimumFractionDigits: fixed ? digits : 0,
    })
    formatters.set(key, formatter)
  }
  return formatter.format(value)
}

export function formatNumber(value: number | null | undefined, locale: Locale, options: NumberOptions = {}) {
  if (value == null || !Number.isFinite(value)) return dash
  const abs = Math.abs(value)
  if (options.compact) {
    const digits = options.digits ?? 2
    // [unit, suffix, used from, decimals fewer]: thousands only from ten thousand, as 万 in Chinese, so that under
    // it both languages show the whole figure (1,536, not 1.54K); a K is a tenth of a 万, so one decimal fewer
    // keeps the same precision (¥52.00万 is ¥520.0K, not ¥520.00K).
    const steps: [number, string, number?, number?][] = isZh(locale)
      ? [
          [1e8, '亿'],
          [1e4, '万'],
        ]
      : [
          [1e9, 'B'],
          [1e6, 'M'],
          [1e3, 'K', 1e4, 1],
        ]
    // Grouped like every other figure: ¥1,850.00万, not ¥1850.00万.
    for (const [size, suffix, from = size, fewer = 0] of steps)
      if (abs >= from)
        return `${plain(value / size, Math.max(0, digits - fewer), locale, options.fixed)}${suffix}`
  }
  return plain(value, options.digits ?? (Number.isInteger(value) ? 0 : 1), locale)
}

/** A fraction as a percentage (79.7%, 100%, 0%): rounded as the reports round it, never 100% below 1 nor 0% above 0. */
export function formatRate(value: number | null | undefined, digits = 1) {
  if (value == null || !Number.isFinite(value)) return dash
  const rounded = percentOf(value, digits)
  if (rounded === 100 || rounded === 0) return `${rounded}%`
  return `${rounded.toFixed(digits)}%`
}

export function formatYuan(value: number | null | undefined, locale: Locale, options: NumberOptions = {}) {
  if (value == null || !Number.isFinite(value)) return dash
  const sign = value < 0 ? '-' : ''
  // Whole yuan unless compact (¥44.82万) or asked: an average of allocations must not read ¥14,230.8.
  const digits = options.compact ? options : { digits: 0, ...options }
  return `${sign}¥${formatNumber(Math.abs(value), locale, digits)}`
}

export function formatDays(value: number | null | undefined, locale: Locale) {
  if (value == null || !Number.isFinite(value)) return dash
  const n = formatNumber(value, locale, { digits: 1 })
  return isZh(locale) ? `${n} 天` : `${n} ${value === 1 ? 'day' : 'days'}`
}

/** Any figure by its unit (the units of @liaison/contracts' MetricDefinition). */
export function formatValue(
  value: number | null | undefined,
  unit: Unit,
  locale: Locale,
  options: NumberOptions = {},
) {
  switch (unit) {
    case 'rate':
      return formatRate(value, options.digits ?? 1)
    case 'yuan':
      return formatYuan(value, locale, options)
    case 'days':
      return formatDays(value, locale)
    default:
      return formatNumber(value, locale, options)
  }
}

/** The unit written after a number (rates and money carry theirs inside the number). */
export function unitSuffix(unit: Unit, locale: Locale) {
  const zh = isZh(locale)
  if (unit === 'people') return zh ? '人次' : ''
  if (unit === 'count') return zh ? '个' : ''
  return ''
}

/**
 * The Chinese measure word of a figure (domain.md): opinions are counted in 件, activities in 次 (a station's a
 * month too), deputies in 人, people received in 人次; other counts (stations, projects) in 个. English writes none.
 */
export function figureSuffix(id: string | undefined, unit: Unit, locale: Locale) {
  if (!isZh(locale) || !id) return unitSuffix(unit, locale)
  if (/^opinions_|^backlog$|^overdue$/.test(id)) return '件'
  if (id === 'receptions' || id === 'receptions_per_station') return '次'
  if (/^deputies_|^reportback_(done|required)$/.test(id)) return '人'
  return unitSuffix(unit, locale)
}

export type Direction = 'up' | 'down' | 'flat'

/**
 * A comparison: counts change relatively (+12.3%), rates in percentage points (+3.2 个百分点 / +3.2 pp),
 * as the contracts deliver them (a rate's change is a fraction: 0.032 = 3.2 points).
 */
export function formatChange(change: number | null | undefined, unit: Unit, locale: Locale) {
  if (change == null || !Number.isFinite(change)) return { text: dash, direction: 'flat' as Direction }
  // Rounded as the reports round it: the size, then the sign (−1/80 is −1.3%, not Math.round's −1.2%).
  const size = roundPercent(Math.abs(change))
  const direction: Direction = size === 0 ? 'flat' : change > 0 ? 'up' : 'down'
  const sign = direction === 'up' ? '+' : direction === 'down' ? '-' : ''
  const n = size.toFixed(1)
  const text = unit === 'rate' ? (isZh(locale) ? `${sign}${n} 个百分点` : `${sign}${n} pp`) : `${sign}${n}%`
  return { text, direction }
}

/** Good or bad, given which way the figure should go; neutral when either is unknown. */
export function changeTone(direction: Direction, higherIsBetter: boolean | null | undefined) {
  if (direction === 'flat' || higherIsBetter == null) return 'neutral' as const
  return (direction === 'up') === higherIsBetter ? ('good' as const) : ('bad' as const)
}

/** 2025-03-05 → 2025年3月5日 / 5 Mar 2025. */
export function formatDate(iso: string | null | undefined, locale: Locale) {
  if (!iso) return dash
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  if (!y || !m) return iso
  if (isZh(locale)) return d ? `${y}年${m}月${d}日` : `${y}年${m}月`
  return d ? `${d} ${englishMonths[m - 1]} ${y}` : `${englishMonths[m - 1]} ${y}`
}

// Defined with the contracts, where the importer reads "today" by it too.
export { beijingDay, dataCutoff } from '@liaison/contracts/days'

/** A month axis label: 2025-03 → 3月 / Mar, or with the year when asked. */
export function formatMonth(yearMonth: string, locale: Locale, withYear = false) {
  const y = yearMonth.slice(0, 4)
  const m = Number(yearMonth.slice(5, 7))
  if (isZh(locale)) return withYear ? `${y}年${m}月` : `${m}月`
  return withYear ? `${englishMonths[m - 1]} ${y}` : (englishMonths[m - 1] ?? yearMonth)
}

/** The label of an enumeration value (the lists of @liaison/db/enums, via contracts) in the UI language. */
export function enumLabel(
  list: readonly { value: string; zh: string; en: string }[],
  value: unknown,
  locale: Locale,
  fallback?: string,
) {
  const entry = list.find((e) => e.value === value)
  if (entry) return locale === 'en' ? entry.en : entry.zh
  return fallback ?? (value == null ? '—' : String(value))
}
