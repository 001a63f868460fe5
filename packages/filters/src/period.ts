// Periods as short tokens that read well in a URL: 2025, 2025-Q2, 2025-03, or custom:2025-01-01~2025-06-30.
import { englishMonths, firstPeriodDay, lastPeriodDay } from '@liaison/contracts/days'

export type PeriodKind = 'year' | 'quarter' | 'month' | 'custom'
export interface Period {
  kind: PeriodKind
  /** Inclusive ISO days. */
  from: string
  to: string
}

const pad = (n: number) => String(n).padStart(2, '0')
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()
/** A calendar day as YYYY-MM-DD that exists (not 2023-02-30 or 2023-13-45). */
const isDay = (day: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  const [year, month, date] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])]
  return !!m && month >= 1 && month <= 12 && date >= 1 && date <= lastDay(year, month)
}

/** Parse a period token; null when it is not one, or falls outside the years the figures answer for (the API
 * refuses them: contracts' periodDay). */
export function parsePeriod(token: string): Period | null {
  const period = periodOf(token)
  return period && period.from >= firstPeriodDay && period.to <= lastPeriodDay ? period : null
}

function periodOf(token: string): Period | null {
  let m = /^(\d{4})$/.exec(token)
  if (m) return { kind: 'year', from: `${m[1]}-01-01`, to: `${m[1]}-12-31` }
  m = /^(\d{4})-Q([1-4])$/.exec(token)
  if (m) {
    const year = Number(m[1])
    const q = Number(m[2])
    const end = q * 3
    return {
      kind: 'quarter',
      from: `${year}-${pad(end - 2)}-01`,
      to: `${year}-${pad(end)}-${lastDay(year, end)}`,
    }
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(token)
  if (m) {
    const year = Number(m[1])
    const month = Number(m[2])
    return {
      kind: 'month',
      from: `${year}-${pad(month)}-01`,
      to: `${year}-${pad(month)}-${lastDay(year, month)}`,
    }
  }
  m = /^custom:(.+)~(.+)$/.exec(token)
  if (m?.[1] && m[2] && isDay(m[1]) && isDay(m[2]) && m[1] <= m[2]) {
    return { kind: 'custom', from: m[1], to: m[2] }
  }
  return null
}

export function periodKind(token: string): PeriodKind {
  return parsePeriod(token)?.kind ?? 'year'
}

export const customToken = (from: string, to: string) => `custom:${from}~${to}`

/** A human label: 2025年 / 2025年第2季度 / 2025年3月 / 2025-01-01 至 2025-06-30; 2025 / Q2 2025 / Mar 2025 / … to …. */
export function periodLabel(token: string, locale: string): string {
  const p = parsePeriod(token)
  if (!p) return token
  const zh = locale.startsWith('zh')
  const year = p.from.slice(0, 4)
  const month = Number(p.from.slice(5, 7))
  switch (p.kind) {
    case 'year':
      return zh ? `${year}年` : year
    case 'quarter':
      return zh ? `${year}年第${Math.ceil(month / 3)}季度` : `Q${Math.ceil(month / 3)} ${year}`
    case 'month':
      return zh ? `${year}年${month}月` : `${englishMonths[month - 1]} ${year}`
    default:
      return zh ? `${p.from} 至 ${p.to}` : `${p.from} to ${p.to}`
  }
}

/** The token of the same kind containing the given day (used when switching the picker's kind). */
export function tokenOfKind(kind: PeriodKind, day: string): string {
  const year = day.slice(0, 4)
  const month = Number(day.slice(5, 7))
  if (kind === 'year') return year
  if (kind === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`
  if (kind === 'month') return `${year}-${pad(month)}`
  return customToken(`${year}-01-01`, day)
}

/** The latest calendar year that has ended by `today` and is not after the last year with data. */
export function latestFullYear(today: Date, lastYearWithData?: number): string {
  const ended = today.getFullYear() - 1
  return String(lastYearWithData ? Math.min(ended, lastYearWithData) : ended)
}
