// The note under the monthly trend. Each month's 办结率 counts what was resolved by the period's end, so the last
// months read low while their opinions are still being handled within the time limit: said with the figures, or
// December's dip reads as a collapse.
import { dataCutoff } from '@liaison/contracts'
import * as w from './wording.ts'

export interface TrendMonth {
  /** 'YYYY-MM' */
  month: string
  opinions_collected: number
  opinions_resolved: number
}

/**
 * The note, when the trend's last month with opinions has some still open and resolves a smaller share of them
 * than the months drawn together; otherwise null. The months may reach back before the period (trendStart); every
 * one counts what was resolved by the period's end, or by `today` (Beijing) for a period still running.
 */
export function trendNote(
  trend: readonly TrendMonth[],
  period: { from: string; to: string; today?: string | undefined },
): { zh: string; en: string } | null {
  const months = trend.filter((m) => m.opinions_collected > 0)
  const last = months.at(-1)
  if (!last || months.length < 2) return null
  const open = last.opinions_collected - last.opinions_resolved
  const collected = months.reduce((sum, m) => sum + m.opinions_collected, 0)
  const resolved = months.reduce((sum, m) => sum + m.opinions_resolved, 0)
  if (open <= 0 || last.opinions_resolved / last.opinions_collected >= resolved / collected) return null
  const cutoff = dataCutoff(period.to, period.today)
  const running = cutoff < period.to
  const [year, month] = last.month.split('-').map(Number)
  const withYear = period.from.slice(0, 4) !== period.to.slice(0, 4)
  const monthZh = `${withYear ? `${year}年` : ''}${month}月`
  const monthEn = new Date(Date.UTC(year!, month! - 1, 1)).toLocaleString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
  const endZh = running ? `截至${w.dayZh(cutoff)}` : '期末'
  return {
    zh: `各月办结率按${endZh}的办理状态计算，近期收集的尚在办理中：${monthZh}收集的${w.count(last.opinions_collected)}件中有${w.count(open)}件未办结。`,
    en: `Each month's resolution rate counts what was resolved by ${running ? w.dateEn(cutoff) : "the period's end"}, so recent months read lower: ${w.count(open)} of the ${w.count(last.opinions_collected)} opinions collected in ${monthEn} ${running ? 'are' : 'were'} still open.`,
  }
}
