// Without zod, for the browser's export code as for the API.
/**
 * A download's file name, for the API's Content-Disposition and the browser's own files alike: Windows refuses
 * / \ : * ? " < > |. A title's colon ("…of 民兴街道: work report") becomes a dash, not an underscore.
 */
export const safeFileName = (name: string) =>
  name
    .replace(/: /g, ' – ')
    .replace(/[/\\:*?"<>|]+/g, '_')
    .slice(0, 120)

/** A data file's header says the unit its numbers do not (yuan, days, percentage points), in the browser's files
 * and the server's alike: 安排资金（元）, Median days (days). */
export const headerUnits: Record<string, { zh: string; en: string } | undefined> = {
  yuan: { zh: '（元）', en: ' (yuan)' },
  days: { zh: '（天）', en: ' (days)' },
  points: { zh: '（百分点）', en: ' (pp)' },
}
