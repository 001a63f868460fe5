// A moment to the second, for the lists of imports and boundaries only: kept out of the shared @liaison/ui bundle,
// which every first view loads (@liaison/ui/date-time, bundled with the pages that use it).
import type { Locale } from './index.ts'

/** A moment in Beijing time, to the second: 2026/11/23 10:05:31 (zh-CN) or 11/23/2026, 10:05:31 (English). */
export function formatDateTime(iso: string | null | undefined, locale: Locale) {
  if (!iso) return '—'
  return new Date(iso).toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    // Not hour12: false, with which English writes a minute past midnight as 24:01.
    hourCycle: 'h23',
  })
}
