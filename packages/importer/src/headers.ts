// Header cells as people write them: spaces, line breaks, an asterisk for required, units in brackets.
import { cellText, halfWidth } from './values.ts'

export interface Header {
  /** Normalised name without unit: "接待人数". */
  name: string
  /** The unit from brackets, if any: "人次", "万元". */
  unit: string | null
}

export function normaliseHeader(raw: string): Header {
  const text = halfWidth(raw)
    .replace(/[【[]/g, '(')
    .replace(/[】\]]/g, ')')
    .replace(/[*\s]/g, '')
    .toLowerCase()
  const unit = /\(([^)]*)\)$/.exec(text)?.[1] ?? null
  const name = text.replace(/\([^)]*\)$/, '')
  // 乡镇（街道）, 村（社区）, 联络站（室）: a bracket that is part of the name, not a unit.
  return { name, unit }
}

export interface ColumnSpec<K extends string = string> {
  key: K
  /** Chinese names and English aliases, normalised (lower case, no spaces, half-width brackets). */
  names: string[]
  required?: boolean
}

export interface MatchedColumn {
  index: number
  unit: string | null
  label: string
}

/** Map header cells to column keys; unknown headers come back for a warning. */
export function matchHeader(cells: string[], columns: readonly ColumnSpec[]) {
  const found = new Map<string, MatchedColumn>()
  const unknown: string[] = []
  cells.forEach((cell, index) => {
    if (!cell) return
    const { name, unit } = normaliseHeader(cell)
    const full = unit === null ? name : `${name}(${unit})`
    const column = columns.find((c) => c.names.includes(full)) ?? columns.find((c) => c.names.includes(name))
    if (column && !found.has(column.key)) found.set(column.key, { index, unit, label: cell.trim() })
    else unknown.push(cell.trim())
  })
  return { found, unknown }
}

/** The header is the first row (of the first 30) that names at least two known columns. */
export function findHeader(rows: unknown[][], columns: readonly ColumnSpec[]) {
  for (let i = 0; i < Math.min(rows.length, 30); i++) {
    const match = matchHeader((rows[i] ?? []).map(cellText), columns)
    if (match.found.size >= 2) return { index: i, ...match }
  }
  return null
}
