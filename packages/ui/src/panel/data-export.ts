// The data behind any panel as XLSX and CSV, in the browser: the rows the chart was drawn from (its ECharts
// option's dataset, described by the builder's `exportColumns`) or the rows a table panel shows. One function for
// every panel: typed cells (numbers as numbers, rates as 0.0%, months and dates as dates), the 口径 (region,
// period, cut-off, source, definitions) in the rows above a frozen header, and CSV in UTF-8 with a BOM.
// exceljs is loaded only when a workbook is asked for, so no first view carries it.
import { headerUnits } from '@liaison/contracts/files'
import { roundPercent } from '@liaison/contracts/percent'

/** How a column's values are typed: the catalogue's units, or text, a month ("2023-01"), a date, a code. */
export type ColumnUnit = 'count' | 'people' | 'rate' | 'yuan' | 'days' | 'text' | 'month' | 'date' | 'code'

export interface DataColumn {
  /** The row key (a catalogue id where the column is a figure: its definition goes in the 口径). */
  key: string
  /** The header; empty = named from the key and the region (乡镇（街道）, 月份…) by `nameColumns`. */
  label: string
  unit: ColumnUnit
}

export type DataRow = Record<string, unknown>

export interface PanelData {
  columns: DataColumn[]
  rows: DataRow[]
}

/** 口径 of an exported file: what the figures can never be quoted without. */
export interface DataBasis {
  lang: 'zh' | 'en'
  /** The panel's title: the workbook's first row and its sheet's name. */
  title: string
  regionName: string
  regionCode: string
  /** "2023年" / "2023". */
  period: string
  from: string
  to: string
  /** The period's end, or the day of generation for a period still running. */
  cutoff: string
  source: string
  /** YYYY-MM-DD. */
  generatedAt: string
  /** "办结率：已办结 ÷ 收集社情民意", one per figure exported. */
  definitions: string[]
  /** The note the panel shows under its chart (why the last months' 办结率 reads low). */
  note?: string | null
}

const isUnit = (u: unknown): u is ColumnUnit =>
  typeof u === 'string' &&
  ['count', 'people', 'rate', 'yuan', 'days', 'text', 'month', 'date', 'code'].includes(u)

/**
 * The table a chart was drawn from: its `exportColumns` (set by every builder) over the rows of its dataset
 * (several datasets, as in small multiples, are stacked with the series' name in `series`), or its
 * `exportRows` when the chart has no dataset (radar). Null when the option describes no table.
 */
export function tableFromOption(option: Record<string, unknown> | null | undefined): PanelData | null {
  if (!option) return null
  const declared = option.exportColumns
  if (!Array.isArray(declared)) return null
  const columns = declared
    .filter((c): c is DataColumn => !!c && typeof (c as DataColumn).key === 'string')
    .map((c) => ({ key: c.key, label: c.label ?? '', unit: isUnit(c.unit) ? c.unit : 'text' }))
  if (Array.isArray(option.exportRows)) return { columns, rows: option.exportRows as DataRow[] }
  const datasets = (Array.isArray(option.dataset) ? option.dataset : [option.dataset]) as (
    | { source?: unknown }
    | undefined
  )[]
  const series = (Array.isArray(option.series) ? option.series : [option.series]) as (
    | { name?: string; datasetIndex?: number }
    | undefined
  )[]
  const rows = datasets.flatMap((dataset, index) => {
    const source = Array.isArray(dataset?.source) ? (dataset.source as DataRow[]) : []
    if (datasets.length === 1) return source
    const name = series.find((s) => (s?.datasetIndex ?? 0) === index)?.name ?? String(index + 1)
    return source.map((row) => ({ series: name, ...row }))
  })
  return { columns, rows }
}

const generic = {
  zh: {
    year: '年度',
    division: '区划代码',
    month: '月份',
    date: '日期',
    code: '代码',
    name: '名称',
    series: '系列',
    rank: '排名',
    station: '站点',
    value: '数值',
  },
  en: {
    year: 'Year',
    division: 'Division code',
    month: 'Month',
    date: 'Date',
    code: 'Code',
    name: 'Name',
    series: 'Series',
    rank: 'Rank',
    station: 'Station',
    value: 'Value',
  },
}
const unitWords: Partial<Record<ColumnUnit, { zh: string; en: string }>> = {
  count: { zh: '数量', en: 'Count' },
  people: { zh: '人次', en: 'People' },
  rate: { zh: '比率', en: 'Rate' },
  yuan: { zh: '金额', en: 'Amount' },
  days: { zh: '天数', en: 'Days' },
}

/**
 * Headers for the columns a builder left unnamed: an area's name column is named as the region's areas are
 * (`areaWord`: 乡镇（街道）, 县（市、区）…), with the areas' codes beside it; months, stations and values by kind.
 * Yuan and days say their unit in the header.
 */
export function nameColumns(table: PanelData, lang: 'zh' | 'en', areaWord: string): PanelData {
  const w = generic[lang]
  const first = table.rows[0] ?? {}
  const columns: DataColumn[] = []
  for (const c of table.columns) {
    let label = c.label
    if (!label) {
      if (c.key === 'rank') label = w.rank
      else if (c.key === 'series') label = w.series
      else if (c.key === 'year') label = w.year
      else if (c.unit === 'month') label = w.month
      else if (c.unit === 'date') label = w.date
      else if (c.unit === 'code') label = c.key === 'area' ? w.division : w.code
      else if (c.unit === 'text') label = 'station' in first ? w.station : 'area' in first ? areaWord : w.name
      else label = unitWords[c.unit]?.[lang] ?? w.value
    }
    const suffix = headerUnits[c.unit]?.[lang] ?? ''
    columns.push({ ...c, label: suffix && !label.endsWith(suffix) ? `${label}${suffix}` : label })
    // An area's code beside its name, so the file joins with other registers.
    const isArea = 'area' in first && !('station' in first)
    if (c.unit === 'text' && !c.label && isArea && !table.columns.some((x) => x.key === 'area'))
      columns.push({ key: 'area', label: w.division, unit: 'code' })
  }
  return { columns, rows: table.rows }
}

/** The 口径 lines, as they head every exported file. */
export function basisLines(basis: DataBasis): string[] {
  const en = basis.lang === 'en'
  const sep = en ? ': ' : '：'
  // A period named by its dates (a custom range, a month's twelve-month trend) is not followed by the filter's dates:
  // they would name another span.
  const dates = basis.period.includes(basis.to)
    ? ''
    : en
      ? `, ${basis.from} to ${basis.to}`
      : `，${basis.from}至${basis.to}`
  const lines = [
    `${en ? 'Region' : '地区'}${sep}${basis.regionName}${en ? ` (${basis.regionCode})` : `（${basis.regionCode}）`}`,
    `${en ? 'Period' : '时段'}${sep}${basis.period}${dates}`,
    `${en ? 'Data as of' : '数据截至'}${sep}${basis.cutoff}`,
    `${en ? 'Source' : '数据来源'}${sep}${basis.source}${en ? ` | generated ${basis.generatedAt}` : `｜生成日期：${basis.generatedAt}`}`,
  ]
  if (basis.definitions.length)
    lines.push(`${en ? 'Definitions' : '指标口径'}${sep}${basis.definitions.join(en ? '; ' : '；')}`)
  if (basis.note) lines.push(`${en ? 'Note' : '说明'}${sep}${basis.note}`)
  return lines
}

const numberOf = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null
  const n = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(n) ? n : null
}

/** A cell as Excel should hold it: a number, a Date (UTC midnight), text, or empty. */
export function typedCell(value: unknown, unit: ColumnUnit): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null
  if (unit === 'month' || unit === 'date') {
    const text = String(value)
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(text)
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1))) : text
  }
  if (unit === 'text' || unit === 'code') return String(value)
  return numberOf(value)
}

const numFmt: Partial<Record<ColumnUnit, string>> = {
  count: '#,##0',
  people: '#,##0',
  yuan: '#,##0.00',
  rate: '0.0%',
  days: '0.0',
  month: 'yyyy-mm',
  date: 'yyyy-mm-dd',
}

const sheetName = (title: string) => title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Data'

/** The workbook: title, 口径 rows, a blank row, then the header (frozen, filterable) and the typed rows; the
 * 口径 again on a sheet of its own. */
export async function dataXlsx(table: PanelData, basis: DataBasis): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  book.creator = basis.source
  book.created = new Date(`${basis.generatedAt}T00:00:00Z`)
  const lines = basisLines(basis)
  const headerRow = lines.length + 3
  const sheet = book.addWorksheet(sheetName(basis.title), {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
  })
  sheet.addRow([basis.title]).font = { bold: true, size: 14 }
  for (const line of lines) sheet.addRow([line]).font = { color: { argb: 'FF52606D' } }
  sheet.addRow([])
  const header = sheet.addRow(table.columns.map((c) => c.label))
  header.font = { bold: true }
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F6' } }
    cell.border = { bottom: { style: 'thin' } }
  })
  for (const row of table.rows) sheet.addRow(table.columns.map((c) => typedCell(row[c.key], c.unit)))
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1)
    column.width = Math.max(10, Math.min(40, c.label.length * 2 + 2))
    const format = numFmt[c.unit]
    if (format)
      for (let r = headerRow + 1; r <= headerRow + table.rows.length; r++) {
        const cell = sheet.getCell(r, i + 1)
        // An average of counts (县均 31.7) keeps its decimal, as on screen.
        cell.numFmt = format === '#,##0' && !Number.isInteger(cell.value ?? 0) ? '#,##0.0' : format
      }
  })
  if (table.columns.length)
    sheet.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow, column: table.columns.length },
    }
  const notes = book.addWorksheet(basis.lang === 'en' ? 'Basis' : '口径')
  notes.getColumn(1).width = 100
  for (const line of [basis.title, ...lines]) notes.addRow([line])
  const bytes = await book.xlsx.writeBuffer()
  return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
}

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

function csvValue(value: unknown, unit: ColumnUnit): string {
  const cell = typedCell(value, unit)
  if (cell === null) return ''
  if (cell instanceof Date)
    return unit === 'month' ? cell.toISOString().slice(0, 7) : cell.toISOString().slice(0, 10)
  // "79.7%" is read back by Excel as the number 0.797 shown as a percentage.
  if (unit === 'rate' && typeof cell === 'number') return `${roundPercent(cell, 2)}%`
  // An average of counts or amounts to the decimals shown (31.7, not 31.653846153846153).
  if (typeof cell === 'number') return String(Number(cell.toFixed(unit === 'yuan' ? 2 : 1)))
  return String(cell)
}

/** The CSV text (without the BOM): title and 口径 lines, a blank line, the header and the rows. */
export function dataCsvText(table: PanelData, basis: DataBasis): string {
  const lines = [
    csvField(basis.title),
    ...basisLines(basis).map(csvField),
    '',
    table.columns.map((c) => csvField(c.label)).join(','),
    ...table.rows.map((r) => table.columns.map((c) => csvField(csvValue(r[c.key], c.unit))).join(',')),
  ]
  return `${lines.join('\r\n')}\r\n`
}

/** UTF-8 with a BOM, so Excel opens the Chinese correctly. */
export function dataCsv(table: PanelData, basis: DataBasis): Blob {
  return new Blob([`\uFEFF${dataCsvText(table, basis)}`], { type: 'text/csv;charset=utf-8' })
}

interface Definition {
  id: string
  label: { zh: string; en: string }
  formula: { zh: string; en: string }
}
type Catalogue = Map<string, Definition>
let catalogue: Promise<Catalogue> | null = null

/** The catalogue's definitions of the figures among `keys` ("办结率：已办结 ÷ 收集社情民意"), from
 * GET /metrics/catalog (asked once); none when it cannot be had. */
export async function definitionsOf(keys: string[], lang: 'zh' | 'en'): Promise<string[]> {
  catalogue ??= fetch('/api/v1/metrics/catalog', { credentials: 'same-origin' })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((body: { metrics: Definition[] }) => new Map(body.metrics.map((m) => [m.id, m])))
    .catch((): Catalogue => {
      catalogue = null
      return new Map()
    })
  const known = await catalogue
  return [...new Set(keys)]
    .map((key) => known.get(key))
    .filter((m) => m !== undefined)
    .map((m) => `${m.label[lang]}${lang === 'en' ? ': ' : '：'}${m.formula[lang]}`)
}
