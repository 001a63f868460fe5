// What a register is: its columns, how a row becomes a database row, and the key that makes re-imports updates.
import type { ImportKind } from '@liaison/db/enums'
import type { ColumnSpec } from '../headers.ts'
import type { Lookups } from '../lookups.ts'
import type { RowReader } from '../validate.ts'

/** A database row in snake_case, JSON values only (dates as 'YYYY-MM-DD'). */
export type DbRow = Record<string, string | number | boolean | null>

export interface Register {
  kind: ImportKind
  /** Sheet names that name this register (接待记录, receptions…). */
  sheetName: RegExp
  columns: readonly ColumnSpec[]
  /** Groups of columns of which at least one must be present (代表姓名 or 代表编码). */
  requiredAny?: readonly (readonly string[])[]
  table: string
  /** The column that identifies a row for import_changes and rollback ('id', or 'year' for plans). */
  idColumn: string
  /** Check one row and convert it; report problems through the reader; null when the row is wrong. */
  toRow(r: RowReader, lookups: Lookups, county: string): DbRow | null
  /** Columns that identify the same row in the database (per row: receptions with or without 记录编号). */
  keyColumns(row: DbRow): readonly string[]
  /** Whether a key is unique: false for receptions without 记录编号 (identical rows may repeat). */
  uniqueKey(row: DbRow): boolean
  /** Label of the key column for duplicate-key errors. */
  keyLabel: string
  /** The reader's key whose text identifies a row (项目编号…), so that a row with another error is still checked for
   * a duplicate: one trial import then lists both problems, not one per round. */
  keyField?: string
}

export const names = (...list: string[]) => list.map((n) => n.toLowerCase().replace(/\s/g, ''))
