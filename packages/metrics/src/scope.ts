import { nationCode } from '@liaison/contracts'
import { type SQL, sql } from 'drizzle-orm'

/**
 * The one scope rule: a region's descendants are the codes that start with its code; the nation ('CN') is the
 * empty prefix. Figures stop at townships (the API refuses village codes): projects, deputies and report-backs
 * are not kept per village.
 */
export const regionPrefix = (code: string) => (code === nationCode ? '' : code)

export type RegionLevel = 'nation' | 'province' | 'city' | 'county' | 'township'
const levelsByLength: Record<number, RegionLevel> = {
  0: 'nation',
  2: 'province',
  4: 'city',
  6: 'county',
  9: 'township',
}

export function regionLevel(code: string): RegionLevel {
  const level = levelsByLength[regionPrefix(code).length]
  if (!level) throw new RangeError(`Not a province, city, county or township code: ${code}`)
  return level
}

/** The code length of a region's areas (the `area` breakdown): provinces of the nation, cities of a province,
 * counties of a city, townships of a county (and a township is its own single area). */
export function areaLength(code: string): 2 | 4 | 6 | 9 {
  const n = regionPrefix(code).length
  return n === 0 ? 2 : n === 2 ? 4 : n === 4 ? 6 : 9
}

/** The facts' expression for a region's areas, on a table alias with county_code and township_code. */
export function areaColumn(alias: string, code: string): SQL {
  const n = areaLength(code)
  if (n === 9) return sql.raw(`${alias}.township_code`)
  return sql.raw(n === 6 ? `${alias}.county_code` : `left(${alias}.county_code, ${n})`)
}

/** Rows of the counties under a region (`column` holds a county code, or any code to be ranged). */
export function countyRange(alias: string, code: string, column = 'county_code'): SQL {
  const c = sql.raw(`${alias}.${column}`)
  const prefix = regionPrefix(code)
  if (prefix === '') return sql`true`
  if (prefix.length >= 6) return sql`${c} = ${prefix.slice(0, 6)}`
  // A range, not LIKE: under a non-C collation LIKE 'prefix%' cannot use the county indexes.
  return sql`${c} >= ${prefix} and ${c} < ${nextPrefix(prefix)}`
}

/** Fact rows of a region: any table that carries county_code and township_code. */
export function inRegion(alias: string, code: string): SQL {
  regionLevel(code)
  // A township: the county too, so the (county_code, …) indexes narrow the search first.
  return code.length === 9
    ? sql`${countyRange(alias, code)} and ${sql.raw(alias)}.township_code = ${code}`
    : countyRange(alias, code)
}

/** May a user whose scope is `userRegion` (null = everything) read `code`? */
export function covers(userRegion: string | null, code: string): boolean {
  return userRegion === null || (code !== nationCode && code.startsWith(userRegion))
}

/** '52' → '53', '5299' → '5300': the first code after every code that starts with `prefix`. */
export function nextPrefix(prefix: string): string {
  const next = String(Number(prefix) + 1).padStart(prefix.length, '0')
  return next.length === prefix.length ? next : `${prefix}z` // '99' has no next prefix; letters sort after digits
}
