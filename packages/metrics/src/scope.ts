import { type SQL, sql } from 'drizzle-orm'

/**
 * The one scope rule: a region's descendants are the codes that start with its code. Applied to any table
 * that carries county_code and township_code. Figures stop at townships (the API refuses village codes):
 * projects, deputies and report-backs are not kept per village.
 */
export function inRegion(alias: string, code: string): SQL {
  const a = sql.raw(alias)
  switch (code.length) {
    case 2:
    case 4:
      // A range, not LIKE: under a non-C collation LIKE 'prefix%' cannot use the county indexes.
      return sql`${a}.county_code >= ${code} and ${a}.county_code < ${nextPrefix(code)}`
    case 6:
      return sql`${a}.county_code = ${code}`
    case 9:
      // The county too, so the (county_code, …) indexes narrow the search first.
      return sql`${a}.county_code = ${code.slice(0, 6)} and ${a}.township_code = ${code}`
    default:
      throw new RangeError(`Not a province, city, county or township code: ${code}`)
  }
}

/** May a user whose scope is `userRegion` (null = everything) read `code`? */
export function covers(userRegion: string | null, code: string): boolean {
  return userRegion === null || code.startsWith(userRegion)
}

/** '52' → '53', '5299' → '5300': the first code after every code that starts with `prefix`. */
export function nextPrefix(prefix: string): string {
  const next = String(Number(prefix) + 1).padStart(prefix.length, '0')
  return next.length === prefix.length ? next : `${prefix}z` // '99' has no next prefix; letters sort after digits
}
