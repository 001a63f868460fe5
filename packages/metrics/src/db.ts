import type { DbOrTx } from '@liaison/db'
import type { SQL } from 'drizzle-orm'

/** Rows of a query, the same shape on PGlite (`{ rows }`) and postgres.js (an array). */
export async function rowsOf<T = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}
