// A region's name and level, the nation included (it has no row in the division table).
import { nationCode, nationName } from '@liaison/contracts'
import type { DbOrTx } from '@liaison/db'
import { sql } from 'drizzle-orm'
import { rowsOf } from './db.ts'
import { type RegionLevel, regionLevel } from './scope.ts'

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
