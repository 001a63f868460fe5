/** Calendar helpers on 'YYYY-MM-DD' strings (UTC arithmetic, no time zones involved). */
const DAY = 86_400_000

export const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)
export const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`)
export const addDays = (day: string, n: number) => toDay(dayMs(day) + n * DAY)
export const daysBetween = (from: string, to: string) => Math.round((dayMs(to) - dayMs(from)) / DAY)
export const minDay = (a: string, b: string) => (a < b ? a : b)
export const maxDay = (a: string, b: string) => (a > b ? a : b)

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function dayOf(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Activity by month: quiet around the Spring Festival, busy before the congress sessions and at year end. */
export const seasonality = [0.6, 0.7, 1.1, 1.1, 1.05, 1.1, 0.95, 0.85, 1.0, 0.95, 1.15, 1.2]
