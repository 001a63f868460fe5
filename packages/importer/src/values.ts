// Cell values as registers hold them: dates in every usual form, counts with units and full-width digits.

/** Full-width digits and punctuation to ASCII (１２ → 12, ，→ ,). */
export function halfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    const v = value as { text?: string; result?: unknown; richText?: { text: string }[] }
    if (v.richText)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim()
    if (v.result !== undefined) return cellText(v.result) // a formula: its cached value
    if (v.text !== undefined) return String(v.text).trim()
  }
  return String(value).trim()
}

const pad = (n: number) => String(n).padStart(2, '0')

function validDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d))
  if (y < 1990 || y > 2100 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return `${y}-${pad(m)}-${pad(d)}`
}

/** 2023-06-14, 2023/6/14, 2023.6.14, 2023年6月14日, 20230614, Excel serials, date-times → 'YYYY-MM-DD'. */
export function parseDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10)
  if (typeof value === 'number') {
    // The whole part is the day; an afternoon's time (46101.75) must not round it to the next day.
    if (value > 20000 && value < 80000)
      return new Date(Date.UTC(1899, 11, 30) + Math.floor(value + 1e-6) * 86_400_000)
        .toISOString()
        .slice(0, 10)
    value = String(value)
  }
  const text = halfWidth(cellText(value))
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(text)
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]))
  if (/^\d{5}(\.\d+)?$/.test(text)) return parseDate(Number(text))
  return null
}

/** "1,259", "１２", "12人", "3 人次", "120㎡" → integer; null when blank; NaN when not a number. */
export function parseNumber(value: unknown): number | null {
  if (typeof value === 'number') return value
  const text = halfWidth(cellText(value))
    .replace(/\s/g, '')
    .replace(/(人次|人|名|户|次|件|条|项|个|场|期|元|万元|票|㎡|平方米|m²|m2)$/i, '')
  if (text === '') return null
  // Thousands separators stand in threes (1,259): "1,2" is a typo or a decimal comma, and read as 12 it was a
  // tenth or ten times the amount meant.
  if (text.includes(',') && !/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return Number.NaN
  const plain = text.replace(/,/g, '')
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : Number.NaN
}

/** 万元 in a header's unit (安排资金（万元）) multiplies by 10,000; 元 or none keeps the value. */
export function parseMoney(value: unknown, unit: string | null): number | null {
  const text = typeof value === 'number' ? String(value) : halfWidth(cellText(value)).replace(/\s/g, '')
  if (text === '') return null
  // A cell's own unit wins over its column's: 8000元 in a 万元 column is 8,000 yuan, not 80 million.
  const own = /万元?$/.test(text) ? 10_000 : /元$/.test(text) ? 1 : null
  const n = parseNumber(text.replace(/(万元|万|元)$/, ''))
  if (n === null || Number.isNaN(n)) return Number.NaN
  const factor = own ?? (unit && /万/.test(unit) ? 10_000 : 1)
  // ×10,000 by moving the decimal point: 0.0000135万 is 0.135 元 (0.14), where the binary product is 0.13499….
  return roundTo(factor === 10_000 ? shift(n, 4) : n, 2)
}

/** n × 10^places on the decimal n is written as. */
function shift(n: number, places: number): number {
  const [digits, exponent = '0'] = String(n).split('e')
  return Number(`${digits}e${Number(exponent) + places}`)
}

/**
 * n at `scale` decimals as a numeric(p, scale) column stores it: half away from zero, on the decimal written (85.65 →
 * 85.7, 1.005 → 1.01; in binary they are 85.649… and 1.00499…). The stored value then compares equal to the file's,
 * so that importing the same file again changes nothing.
 */
export function roundTo(n: number, scale: number): number {
  return Math.sign(n) * shift(Math.round(shift(Math.abs(n), scale)), -scale)
}

/** 30%, 0.3, 30 → 0.3 (a share of one). */
export function parseShare(value: unknown): number | null {
  const text = halfWidth(cellText(value)).replace(/\s/g, '')
  if (text === '') return null
  const percent = text.endsWith('%')
  const n = parseNumber(text.replace(/%$/, ''))
  if (n === null || Number.isNaN(n)) return Number.NaN
  return percent || n > 1 ? shift(n, -2) : n
}

/** 是/否, yes/no, true/false, 1/0, Y/N, √. */
export function parseBool(value: unknown): boolean | null {
  const t = halfWidth(cellText(value)).replace(/\s/g, '').toLowerCase()
  if (t === '') return null
  if (['是', 'yes', 'y', 'true', '1', '√', '✓'].includes(t)) return true
  if (['否', 'no', 'n', 'false', '0', '×', 'x'].includes(t)) return false
  return null
}

const squash = (s: string) => halfWidth(s).replace(/\s/g, '').toLowerCase()

/** An enumeration value by its Chinese label, English code or English label; case and spaces do not matter. */
export function parseEnum<V extends string>(
  list: readonly { value: V; zh: string; en: string }[],
  text: string,
  aliases: Record<string, V> = {},
): V | null {
  const t = squash(text)
  return (
    list.find((e) => squash(e.zh) === t || e.value === t || squash(e.en) === t)?.value ?? aliases[t] ?? null
  )
}
