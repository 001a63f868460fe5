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

/** A rate in a column: always one decimal (95.0%, not 95% above 95.7%), so the column reads down evenly. */
const columnRate = (rate: number) => {
  const text = percent(rate)
  return text.includes('.') ? text : text.replace('%', '.0%')
}

/** Chinese amounts in a column: one unit for all of it (万元 when any reaches it), said once in the header. */
function columnYuan(values: Cell[]) {
  const inWan = values.some((v) => typeof v === 'number' && Math.abs(v) >= 10_000)
  return {
    unit: inWan ? '万元' : '元',
    show: (amount: number) => (inWan ? (amount / 10_000).toFixed(2).replace(/^0\.00$/, '0') : count(amount)),
  }
}

/** A table's rows as printed text, header first; each column's numbers in one form. */
export function tableText(
  columns: TableColumn[],
  rows: Record<string, Cell>[],
  lang: Lang = 'zh',
): string[][] {
  const headers = columns.map((c) => c.label)
  const cells = columns.map((c, i) => {
    if (c.unit === 'rate')
      return (v: Cell | undefined) => (typeof v === 'number' ? columnRate(v) : showValue(v, c.unit, lang))
    if (c.unit === 'yuan' && lang === 'zh') {
      const yuan = columnYuan(rows.map((r) => r[c.key] ?? null))
      headers[i] = `${c.label}（${yuan.unit}）`
      return (v: Cell | undefined) => (typeof v === 'number' ? yuan.show(v) : showValue(v, c.unit, lang))
    }
    return (v: Cell | undefined) => showValue(v, c.unit, lang)
  })
  return [headers, ...rows.map((r) => columns.map((c, i) => cells[i]!(r[c.key])))]
}
