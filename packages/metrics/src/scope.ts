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
      return sql`${a}.county_code like ${`${code}%`}`
    case 6:
      return sql`${a}.county_code = ${code}`
    case 9:
      return sql`${a}.township_code = ${code}`
    default:
      throw new RangeError(`Not a province, city, county or township code: ${code}`)
  }
}

/** May a user whose scope is `userRegion` (null = everything) read `code`? */
export function covers(userRegion: string | null, code: string): boolean {
  return userRegion === null || code.startsWith(userRegion)
}
