// Days without zod, so the browser modules can import them (`@liaison/contracts/days`) cheaply: the contracts'
// index brings zod, ≈ 29 KB of gzip JavaScript in every app's first view.

/**
 * The days a period may span: from 1950 (before the first people's congresses, 1954) to 2100, the importer's last
 * year. A comparison moves a period back by a year or by its own length, whichever is longer (to 1799 at worst), so
 * every day it reads keeps a four-digit year (a year-on-year comparison of the year 1000 asked for the year 999,
 * which no date function reads).
 */
export const firstPeriodDay = '1950-01-01'
export const lastPeriodDay = '2100-12-31'

/** English month names as labels write them: Mar 2025, 5 Mar 2025. */
export const englishMonths = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
]

/** The day a moment falls on in Beijing (UTC+8, no daylight saving), as YYYY-MM-DD: the registers' days, the
 * importer's "today" and a printed page's date are Beijing's, not the browser's or UTC's. */
export function beijingDay(at: Date) {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

/** The day a period's figures are as of: its last day, or today (Beijing) while the period is still running. */
export function dataCutoff(to: string, today = beijingDay(new Date())) {
  return to < today ? to : today
}

/**
 * The first day of a period's monthly trend: the period's own, or for one shorter than a year the first of the
 * twelve months ending with its last, so that a month or a quarter is seen in its year's context (one month drawn
 * alone is a single pair of bars).
 */
export function trendStart(from: string, to: string): string {
  const [y, m] = to.split('-').map(Number) as [number, number]
  const twelveMonths = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10)
  return twelveMonths < from ? twelveMonths : from
}
