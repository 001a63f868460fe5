// Header cells as people write them: spaces, line breaks, an asterisk for required, units in brackets.

export interface Header {
  /** Normalised name without unit: "接待人数". */
  name: string
  /** The unit from brackets, if any: "人次", "万元". */
  unit: string | null
}

export function normaliseHeader(raw: string): Header {
  const text = raw
    .replace(/[\uff08]/g, '(')
    .replace(/[\uff09]/g, ')')
    .replace(/[*＊\s]/g, '')
    .toLowerCase()
  const unit = /\(([^)]*)\)$/.exec(text)?.[1] ?? null
  return { name: text.replace(/\([^)]*\)$/, ''), unit }
}

export interface ColumnSpec<K extends string = string> {
  key: K
  /** Chinese names and English aliases, normalised. */
  names: string[]
  required?: boolean
}

/** Map header cells to column keys; unknown headers come back for a warning. */
export function matchHeader<K extends string>(cells: string[], columns: ColumnSpec<K>[]) {
  const found = new Map<K, { index: number; unit: string | null; label: string }>()
  const unknown: string[] = []
  cells.forEach((cell, index) => {
    if (!cell) return
    const { name, unit } = normaliseHeader(cell)
    const column = columns.find((c) => c.names.includes(name))
    if (column && !found.has(column.key)) found.set(column.key, { index, unit, label: cell })
    else unknown.push(cell)
  })
  return { found, unknown }
}
