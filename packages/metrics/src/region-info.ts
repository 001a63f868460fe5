// A region's name and level, the nation included (it has no row in the division table).
import { nationCode, nationName } from '@liaison/contracts'
import type { DbOrTx } from '@liaison/db'
import { sql } from 'drizzle-orm'
import { rowsOf } from './db.ts'
import { countyRange, type RegionLevel, regionLevel } from './scope.ts'

export interface RegionInfo {
  code: string
  name: string
  level: RegionLevel
}

/** Null for a code the division table does not hold. */
export async function describeRegion(db: DbOrTx, code: string): Promise<RegionInfo | null> {
  if (code === nationCode) return { code, name: nationName.zh, level: 'nation' }
  const [row] = await rowsOf<{ name: string }>(db, sql`select name from regions where code = ${code}`)
  return row ? { code, name: row.name, level: regionLevel(code) } : null
}

/** How many counties a list of those without data names (the rest are counted). */
export const namedWithout = 20

/** The counties of a region above a county, how many of them hold data (a row in data_versions: something was
 * imported or generated there), and the first `namedWithout` of those without, by code. Its figures are the sums
 * of the counties with data. */
export async function countiesWithData(
  db: DbOrTx,
  code: string,
): Promise<{ counties: number; withData: number; without: string[] }> {
  const [row] = await rowsOf<{ counties: number; with_data: number; without: string[] | null }>(
    db,
    sql`select count(*)::int as counties, count(d.county_code)::int as with_data,
          (array_agg(r.name order by r.code) filter (where d.county_code is null))[1:${namedWithout}] as without
        from regions r left join data_versions d on d.county_code = r.code
        where r.level = 'county' and ${countyRange('r', code, 'code')}`,
  )
  return { counties: row?.counties ?? 0, withData: row?.with_data ?? 0, without: row?.without ?? [] }
}
