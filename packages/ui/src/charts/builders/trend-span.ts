// The months a module's monthly chart draws: as the API reads them (trendStart), a month or a quarter in the twelve
// months up to its end, and the subtitle that then names them.
import { trendStart } from '@liaison/contracts/days'
import { customToken, periodLabel } from '@liaison/filters'
import type { Locale } from '../../format/index.ts'

export function trendSpan(meta: { from: string; to: string }, locale: Locale) {
  const from = trendStart(meta.from, meta.to)
  return {
    /** buildTrendOption's `period`: every month of it on the axis. */
    period: { from, to: meta.to },
    /** The panel's subtitle period (PanelSpec.period), where wider than the module's. */
    label: from < meta.from ? periodLabel(customToken(from, meta.to), locale) : undefined,
  }
}
