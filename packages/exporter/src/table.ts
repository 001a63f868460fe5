// A table as .xlsx (typed cells: numbers, percentages, dates; frozen header) and as CSV (UTF-8 with BOM,
// so Excel opens Chinese correctly). The 口径 sits under the table and, in the workbook, on its own sheet.
import { headerUnits } from '@liaison/contracts'
import { roundPercent } from '@liaison/contracts/percent'
import ExcelJS from 'exceljs'
import {
  basisLine,
  type Cell,
  type ExportBasis,
  sourceLine,
  type TableColumn,
  type TableModel,
} from './model.ts'

const numFmt: Partial<Record<TableColumn['unit'], string>> = {
  count: '#,##0',
  people: '#,##0',
  yuan: '#,##0.00',
  rate: '0.0%',
  days: '0.0',
  points: '0.0',
  date: 'yyyy-mm-dd',
}

/** A header with its unit where the numbers do not say it, as the dashboard's own data files. */
const header = (c: TableColumn, lang: ExportBasis['lang']) => `${c.label}${headerUnits[c.unit]?.[lang] ?? ''}`

const noteWords = {
  zh: { sheet: '口径', region: '地区：', period: '时段：', cutoff: '数据截至：', to: '至' },
  en: { sheet: 'Basis', region: 'Region: ', period: 'Period: ', cutoff: 'Data as of: ', to: ' to ' },
}

const typed = (value: Cell | undefined, unit: TableColumn['unit']) =>
  value === null || value === undefined
    ? null
    : unit === 'date' && typeof value === 'string'
      ? new Date(`${value}T00:00:00Z`)
      : value

export async function tableXlsx(table: TableModel, basis: ExportBasis): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = basis.source
  book.created = new Date(`${basis.generatedAt}T00:00:00Z`)
  const sheet = book.addWorksheet(table.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = table.columns.map((c) => ({
    header: header(c, basis.lang),
    key: c.key,
    width: Math.max(12, header(c, basis.lang).length * (basis.lang === 'en' ? 1.1 : 2) + 2),
    style: numFmt[c.unit] ? { numFmt: numFmt[c.unit] } : {},
  }))
  sheet.getRow(1).font = { bold: true }
  // A filter on the header, as the dashboard's own data files have (the rows stop before the 口径 lines).
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1 + table.rows.length, column: table.columns.length },
  }
  for (const row of table.rows)
    sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, typed(row[c.key], c.unit)])))
  sheet.addRow([])
  sheet.addRow([basisLine(basis)])
  sheet.addRow([sourceLine(basis)])
  const w = noteWords[basis.lang]
  const notes = book.addWorksheet(w.sheet)
  notes.columns = [{ width: 100 }]
  for (const line of [
    `${w.region}${basis.regionName}${basis.lang === 'en' ? ` (${basis.regionCode})` : `（${basis.regionCode}）`}`,
    `${w.period}${basis.from}${w.to}${basis.to}`,
    `${w.cutoff}${basis.cutoff}`,
    ...basis.definitions,
    sourceLine(basis),
  ])
    notes.addRow([line])
  return Buffer.from(await book.xlsx.writeBuffer())
}

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

function csvValue(value: Cell | undefined, unit: TableColumn['unit']): string {
  if (value === null || value === undefined) return ''
  // "79.7%" is read back by Excel as the number 0.797 shown as a percentage.
  if (unit === 'rate' && typeof value === 'number') return `${roundPercent(value, 2)}%`
  return String(value)
}

export function tableCsv(table: TableModel, basis: ExportBasis): Buffer {
  const lines = [
    table.columns.map((c) => csvField(header(c, basis.lang))).join(','),
    ...table.rows.map((r) => table.columns.map((c) => csvField(csvValue(r[c.key], c.unit))).join(',')),
    '',
    csvField(basisLine(basis)),
    csvField(sourceLine(basis)),
  ]
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
}
