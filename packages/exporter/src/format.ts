// Cells and figures as printed in documents and slides; the number forms are the narrative's (metrics wording).
import { count, percent } from '@liaison/metrics'
import type { Cell, TableColumn } from './model.ts'
import { type Lang, textsOf } from './texts.ts'

export function showValue(value: Cell | undefined, unit: TableColumn['unit'], lang: Lang = 'zh'): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'string') return value
  if (unit === 'rate') return percent(value)
  if (unit === 'yuan') return textsOf(lang).yuan(value)
  if (unit === 'days') return textsOf(lang).days(Math.round(value * 10) / 10)
  if (unit === 'text' || unit === 'date') return String(value)
  return count(value)
}

/** A table's rows as printed text, header first. */
export function tableText(
  columns: TableColumn[],
  rows: Record<string, Cell>[],
  lang: Lang = 'zh',
): string[][] {
  return [
    columns.map((c) => c.label),
    ...rows.map((r) => columns.map((c) => showValue(r[c.key], c.unit, lang))),
  ]
}
