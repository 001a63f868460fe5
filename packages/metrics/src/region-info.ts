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

/** The counties of a region above a county, and how many of them hold data (a row in data_versions: something was
 * imported or generated there). Its figures are those counties' sums. */
export async function countiesWithData(
  db: DbOrTx,
  code: string,
): Promise<{ counties: number; withData: number }> {
  const [row] = await rowsOf<{ counties: number; with_data: number }>(
    db,
    sql`select count(*)::int as counties, count(d.county_code)::int as with_data
        from regions r left join data_versions d on d.county_code = r.code
        where r.level = 'county' and ${countyRange('r', code, 'code')}`,
  )
  return { counties: row?.counties ?? 0, withData: row?.with_data ?? 0 }
}
