// Chinese and English number forms for written paragraphs (the dashboard formats with @liaison/ui/format).
import { percentOf, roundPercent } from '@liaison/contracts/percent'
import { isMonthEnd, isMonthStart } from './period.ts'

/** 1259 → "1,259". */
export const count = (n: number) => Math.round(n).toLocaleString('en-US')

/** An English count and its noun (with any verb that agrees): 1 → "1 opinion was", 2 → "2 opinions were". */
export const countOf = (n: number, one: string, many: string) =>
  `${count(n)} ${Math.round(n) === 1 ? one : many}`

/** 0.7971 → "79.7%", 0.2 → "20%"; rounded as the dashboard rounds it (never 100% below 1 nor 0% above 0). */
export const percent = (rate: number, digits = 1) =>
  `${percentOf(rate, digits).toFixed(digits).replace(/\.0+$/, '')}%`

/** The size of a change as the cards show it (to a tenth by roundPercent, never clamped), its trailing .0 dropped: for a
 * count's change in % (0.2 → "20"), a rate's in percentage points (0.032 → "3.2"). "0" is no change. */
const changeSize = (change: number) => roundPercent(Math.abs(change)).toFixed(1).replace(/\.0$/, '')

/** Money in 元 as reports write it: "8,500元", "1.23万元", "1,234.57万元", and "11.58亿元" from a hundred million up
 * (the dashboard's cards say ¥11.58亿). */
export function yuanZh(amount: number): string {
  if (Math.abs(Math.round(amount)) < 10_000) return `${count(amount)}元`
  const wan = Math.round(amount / 100) / 100
  if (Math.abs(wan) < 10_000) return `${upToTwoDecimals(wan)}万元`
  return `${upToTwoDecimals(amount / 1e8)}亿元`
}

const upToTwoDecimals = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 })

export function yuanEn(amount: number): string {
  return `¥${count(amount)}`
}

/** 同比/环比 wording for a count: "同比增长12.3%" / "同比下降4%" / "与上年持平". */
export function countChangeZh(change: number | null, mode: 'yoy' | 'mom'): string {
  if (change === null) return ''
  const word = mode === 'yoy' ? '同比' : '环比'
  const size = changeSize(change)
  if (size === '0') return `${word}持平`
  return `${word}${change > 0 ? '增长' : '下降'}${size}%`
}

/** For a rate: "同比提高3.2个百分点". */
export function rateChangeZh(change: number | null, mode: 'yoy' | 'mom'): string {
  if (change === null) return ''
  const word = mode === 'yoy' ? '同比' : '环比'
  const points = changeSize(change)
  if (points === '0') return `${word}持平`
  return `${word}${change > 0 ? '提高' : '下降'}${points}个百分点`
}

export function countChangeEn(change: number | null, mode: 'yoy' | 'mom'): string {
  if (change === null) return ''
  const than = mode === 'yoy' ? 'year on year' : 'on the previous period'
  const size = changeSize(change)
  if (size === '0') return `unchanged ${than}`
  return `${change > 0 ? 'up' : 'down'} ${size}% ${than}`
}

export function rateChangeEn(change: number | null, mode: 'yoy' | 'mom'): string {
  if (change === null) return ''
  const than = mode === 'yoy' ? 'year on year' : 'on the previous period'
  const points = changeSize(change)
  if (points === '0') return `unchanged ${than}`
  return `${change > 0 ? 'up' : 'down'} ${points} percentage points ${than}`
}

/** The calendar month or quarter a period is, if it is one: a month's number, or a quarter's. */
function wholePart(from: string, to: string): { month: number } | { quarter: number } | null {
  if (from.slice(0, 4) !== to.slice(0, 4) || !isMonthStart(from) || !isMonthEnd(to)) return null
  const [fm, tm] = [Number(from.slice(5, 7)), Number(to.slice(5, 7))]
  if (fm === tm) return { month: fm }
  if (tm - fm === 2 && fm % 3 === 1) return { quarter: (fm + 2) / 3 }
  return null
}

/** "2023年", "2023年6月", "2023年第2季度" (as the dashboard names them), else "2023年1月1日至6月30日". */
export function periodZh(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number)
  const [ty, tm, td] = to.split('-').map(Number)
  if (fy === ty && from.endsWith('-01-01') && to.endsWith('-12-31')) return `${fy}年`
  const part = wholePart(from, to)
  if (part) return 'month' in part ? `${fy}年${part.month}月` : `${fy}年第${part.quarter}季度`
  return `${fy}年${fm}月${fd}日至${ty === fy ? '' : `${ty}年`}${tm}月${td}日`
}

/** A day ('YYYY-MM-DD') as Chinese prose writes it: 2025年12月31日. */
export function dayZh(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

const englishDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

/** A date ('YYYY-MM-DD') as English prose writes it, as the dashboard does: 31 December 2025. */
export const dateEn = (date: string) => englishDate.format(new Date(`${date}T00:00:00Z`))

export function periodEn(from: string, to: string): string {
  const year = from.slice(0, 4)
  if (year === to.slice(0, 4) && from.endsWith('-01-01') && to.endsWith('-12-31')) return `In ${year}`
  const part = wholePart(from, to)
  if (part && 'month' in part) return `In ${englishMonth.format(new Date(`${from}T00:00:00Z`))}`
  if (part) return `In Q${part.quarter} ${year}`
  return `From ${dateEn(from)} to ${dateEn(to)}`
}

const englishMonth = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
