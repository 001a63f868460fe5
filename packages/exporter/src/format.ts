// Cells and figures as printed in documents and slides; the number forms are the narrative's (metrics wording).
import { count, percent, yuanZh } from '@liaison/metrics'
import type { Cell, TableColumn } from './model.ts'

export function showValue(value: Cell | undefined, unit: TableColumn['unit']): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'string') return value
  if (unit === 'rate') return percent(value)
  if (unit === 'yuan') return yuanZh(value)
  if (unit === 'days') return `${Math.round(value * 10) / 10}天`
  if (unit === 'text' || unit === 'date') return String(value)
  return count(value)
}

/** A table's rows as printed text, header first. */
export function tableText(columns: TableColumn[], rows: Record<string, Cell>[]): string[][] {
  return [columns.map((c) => c.label), ...rows.map((r) => columns.map((c) => showValue(r[c.key], c.unit)))]
}
