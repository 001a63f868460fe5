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
  /**
   * The stored columns that optional file columns fill, by the reader keys they come from. When a sheet has none of a
   * column's sources, updating a row keeps its stored value (toRow's default is for new rows only). Columns not named
   * here always come from the file: the key and the required columns.
   */
  sources: Readonly<Record<string, readonly string[]>>
  /**
   * An updated row as it will be stored (`kept`: the columns that keep their stored values), for what toRow could not
   * see: a file's date against a stored one, a status that follows from stored dates (set on `row`). The problem,
   * under a reader key, or null.
   */
  settle?(row: DbRow, previous: Record<string, unknown>, kept: ReadonlySet<string>): Conflict | null
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

/** Why an updated row cannot be stored, under the reader key of the column to name. */
export interface Conflict {
  key: string
  zh: string
  en: string
}
