import { type SQL, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { type EnumEntry, valuesOf } from './enums.ts'

/** `column IN ('a','b',…)` for a CHECK constraint over one of the domain enumerations. */
export function oneOf(column: AnyPgColumn, list: readonly EnumEntry<string>[]): SQL {
  const literals = valuesOf(list)
    .map((v) => `'${v.replaceAll("'", "''")}'`)
    .join(', ')
  return sql`${column} in (${sql.raw(literals)})`
}

/** `column >= 0` (NULL passes, as CHECK constraints do). */
export const nonNegative = (column: AnyPgColumn): SQL => sql`${column} >= 0`
