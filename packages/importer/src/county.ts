// Who imports and into which county: light on purpose, so the boundary routes need not load the workbook reader.
import type { Db } from '@liaison/db'
import { rowsOf } from '@liaison/metrics'
import { sql } from 'drizzle-orm'

export interface ImportUser {
  id: number
  username: string
}

/** A county by code or by its name. */
export async function resolveCounty(db: Db, county: string): Promise<string | null> {
  const rows = await rowsOf<{ code: string }>(
    db,
    sql`select code from regions where level = 'county' and (code = ${county.trim()} or name = ${county.trim()})`,
  )
  return rows.length === 1 ? rows[0]!.code : null
}
