// Workbooks (and, through read-csv.ts, CSV files) into plain rows of cell values, with exceljs (nothing hand-rolled).
import ExcelJS from 'exceljs'
import { readCsv } from './read-csv.ts'

export interface Sheet {
  name: string
  /** rows[i] is Excel's row i + 1; cells are raw values (Date, number, string, formula objects). */
  rows: unknown[][]
}

export const MAX_BYTES = 20 * 1024 * 1024
export const MAX_ROWS = 200_000

export class FileRefused extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`)
  }
}

function collect(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = []
  if (sheet.rowCount > MAX_ROWS)
    throw new FileRefused(`行数超过上限${MAX_ROWS}行`, `More than ${MAX_ROWS} rows`)
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: unknown[] = []
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      // A merged cell reads its master's value, so a merged title or station name fills every cell it spans.
      cells[col - 1] = cell.isMerged ? cell.master.value : cell.value
    })
    rows[number - 1] = cells
  })
  return Array.from(rows, (r) => r ?? [])
}

export function collectSheet(sheet: ExcelJS.Worksheet) {
  return collect(sheet)
}

export async function readFile(buffer: Buffer, fileName: string): Promise<Sheet[]> {
  if (buffer.length > MAX_BYTES) throw new FileRefused('文件超过20MB上限', 'The file is larger than 20 MB')
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.csv')) return readCsv(buffer, false)
  if (lower.endsWith('.tsv') || lower.endsWith('.txt')) return readCsv(buffer, true)
  if (!lower.endsWith('.xlsx'))
    throw new FileRefused('仅支持 .xlsx、.csv、.tsv 文件', 'Only .xlsx, .csv and .tsv files are accepted')
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  } catch {
    throw new FileRefused(
      '无法读取该 Excel 文件（文件损坏或不是 .xlsx）',
      'Cannot read this workbook (damaged or not .xlsx)',
    )
  }
  return workbook.worksheets.map((ws) => ({ name: ws.name, rows: collect(ws) }))
}
