import type { CompareMode } from '@liaison/contracts'

const DAY = 86_400_000
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`)
const day = (t: number) => new Date(t).toISOString().slice(0, 10)

function shiftYear(d: string, years: number): string {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number]
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate() // 29 Feb → 28 Feb
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(dd, last)).padStart(2, '0')}`
}

export const isMonthStart = (d: string) => d.endsWith('-01')
export const isMonthEnd = (d: string) => day(ms(d) + DAY).endsWith('-01')
export const dayBefore = (d: string) => day(ms(d) - DAY)

/**
 * The period a figure is compared with. Year on year: the same span a year earlier (a year-to-date period
 * compares with the same days last year; a range of more than a year, with the same span as many years earlier as
 * it needs not to overlap). Month on month: the span just before — whole months compare with
 * the same number of whole months before; any other span with the same number of days before.
 */
export function previousPeriod(from: string, to: string, mode: CompareMode): { from: string; to: string } {
  if (mode === 'yoy') {
    // Whole years earlier: one, or as many as keep a range longer than a year clear of itself (2023–2025 compares
    // with 2020–2022; a year earlier, 2022–2024, would count 2023 and 2024 on both sides).
    let years = 1
    while (shiftYear(to, -years) >= from) years++
    return { from: shiftYear(from, -years), to: shiftYear(to, -years) }
  }
  if (isMonthStart(from) && isMonthEnd(to)) {
    const [fy, fm] = from.split('-').map(Number) as [number, number]
    const [ty, tm] = to.split('-').map(Number) as [number, number]
    const months = (ty - fy) * 12 + (tm - fm) + 1
    const start = new Date(Date.UTC(fy, fm - 1 - months, 1))
    return { from: day(start.getTime()), to: day(ms(from) - DAY) }
  }
  const span = (ms(to) - ms(from)) / DAY + 1
  return { from: day(ms(from) - span * DAY), to: day(ms(from) - DAY) }
}

/** How many months a period spans, a month it covers in part counting by its share of days (1 January to
 * 31 December is 12; 1 to 14 February of a common year is 0.5). */
export function monthsIn(from: string, to: string): number {
  let months = 0
  for (let start = from; start <= to; ) {
    const [y, m] = start.split('-').map(Number) as [number, number]
    const monthEnd = day(Date.UTC(y, m, 0))
    const end = monthEnd < to ? monthEnd : to
    months += ((ms(end) - ms(start)) / DAY + 1) / Number(monthEnd.slice(8))
    start = day(ms(end) + DAY)
  }
  return months
}

/** The same span one year earlier: what each month, quarter or year of a range compares with year on year. */
export const yearEarlier = (from: string, to: string) => ({
  from: shiftYear(from, -1),
  to: shiftYear(to, -1),
})

/** The key a time bucket had one year earlier ('2023-05' → '2022-05', '2023Q2' → '2022Q2'). */
export const keyYearEarlier = (key: string) => `${Number(key.slice(0, 4)) - 1}${key.slice(4)}`

export interface PeriodSplit {
  /** Partial months at the period's edges, read from the facts. */
  edges: { from: string; to: string }[]
  /** First days of the first and last whole months, read from the rollups; null when there are none. */
  months: { first: string; last: string; lastDay: string } | null
  /** Opinions received in whole months count as resolved (replied) by `to` when resolved before `cut` (per the
   * rollup's month) or, from the facts, between `cut` and `to`: the day after `to` when it ends a month. */
  cut: string
}

const monthStart = (d: string) => `${d.slice(0, 7)}-01`
const addMonths = (first: string, n: number) => {
  const [y, m] = first.split('-').map(Number) as [number, number]
  return day(Date.UTC(y, m - 1 + n, 1))
}

/** Split an inclusive period into whole months (rollups) and partial edge months (facts). */
export function splitPeriod(from: string, to: string): PeriodSplit {
  const first = isMonthStart(from) ? from : addMonths(monthStart(from), 1)
  const last = isMonthEnd(to) ? monthStart(to) : addMonths(monthStart(to), -1)
  const cut = isMonthEnd(to) ? day(ms(to) + DAY) : monthStart(to)
  if (first > last) return { edges: [{ from, to }], months: null, cut }
  const lastDay = day(ms(addMonths(last, 1)) - DAY)
  const edges = []
  if (from < first) edges.push({ from, to: day(ms(first) - DAY) })
  if (to > lastDay) edges.push({ from: addMonths(last, 1), to })
  return { edges, months: { first, last, lastDay }, cut }
}
