// Workbooks (and, through read-csv.ts, CSV files) into plain rows of cell values, with exceljs (nothing hand-rolled).
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { MAX_BYTES } from './limits.ts'
import { readCsv } from './read-csv.ts'

export interface Sheet {
  name: string
  /** rows[i] is Excel's row i + 1; cells are raw values (Date, number, string, formula objects). */
  rows: unknown[][]
  /** Added to every row number a problem names: -1 numbers JSON records from 1 under their made-up header. */
  rowOffset?: number
  /** Hidden or very hidden in the workbook: not shown to the clerk, so never imported (sheets.ts). */
  hidden?: boolean
  /** JSON records: per row (by index in `rows`), the columns its record left out, which an update keeps as stored
   * (a blank cell in a sheet is a value given; a key left out of a record is not). */
  absent?: ReadonlyMap<number, ReadonlySet<number>>
}

/** Excel's sheet states (workbook.xml's <sheet state>); absent or 'visible' is shown. */
const isHidden = (state: unknown) => state === 'hidden' || state === 'veryHidden'

export const MAX_ROWS = 200_000
/** Unpacked size of one worksheet's XML beyond which a workbook is refused (a zip bomb within 20 MB). */
const MAX_SHEET_XML = 400 * 1024 * 1024
/** Registers' XML deflates 9–15×; a part that unpacks more than this much larger than it is packed, and past
 * BOMB_FLOOR, is a zip bomb: 40 MB of empty elements packed into 50 KB took 17 s of parsing to refuse. */
const MAX_RATIO = 200
const BOMB_FLOOR = 16 * 1024 * 1024

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

const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04])
/** The compound-file header every .xls starts with, and every workbook saved with a password. */
const oleSignature = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

export async function readFile(buffer: Buffer, fileName: string): Promise<Sheet[]> {
  if (buffer.length > MAX_BYTES) throw new FileRefused('文件超过20MB上限', 'The file is larger than 20 MB')
  const lower = fileName.toLowerCase()
  // What the bytes are decides, not the name: a workbook renamed .csv (a clerk fixing "the wrong format") is a
  // workbook, and a legacy .xls is told apart from a broken file.
  if (buffer.subarray(0, 8).equals(oleSignature))
    throw new FileRefused(
      '这是旧版 Excel 文件（.xls）或设有密码的 Excel 文件：请取消密码，在 Excel 中“另存为” Excel 工作簿（.xlsx）后再导入',
      'This is a legacy Excel file (.xls) or a password-protected one: remove the password and save it as an Excel workbook (.xlsx), then import it',
    )
  const zip = buffer.subarray(0, 4).equals(zipSignature)
  if (!zip && (lower.endsWith('.csv') || lower.endsWith('.tsv') || lower.endsWith('.txt'))) {
    try {
      return await readCsv(buffer, !lower.endsWith('.csv'))
    } catch (error) {
      if (error instanceof FileRefused) throw error
      // The CSV parser throws on a stray quote ("a"b) or an unclosed one, and on a row of more than Excel's
      // 16,384 columns: the file's fault, not the server's (these answered 500).
      if (/out of bounds/.test((error as Error)?.message ?? ''))
        throw new FileRefused('列数超过上限16384列', 'More than 16,384 columns')
      throw new FileRefused(
        '无法读取该 CSV 文件（格式错误，常见原因是引号不成对）',
        'Cannot read this CSV file (malformed, often an unmatched quote)',
      )
    }
  }
  if (!zip && !lower.endsWith('.xlsx'))
    throw new FileRefused('仅支持 .xlsx、.csv、.tsv 文件', 'Only .xlsx, .csv and .tsv files are accepted')
  try {
    return await streamWorkbook(buffer)
  } catch (error) {
    if (error instanceof FileRefused) throw error
    throw new FileRefused(
      '无法读取该 Excel 文件（文件损坏或不是 .xlsx）',
      'Cannot read this workbook (damaged or not .xlsx)',
    )
  }
}

/**
 * exceljs's streaming reader: rows become plain arrays as they are parsed, never a workbook of Cell objects
 * (a 100,000-row register took ~350 MB more through `xlsx.load`). The streaming reader skips merged ranges,
 * so they are read from each sheet's <mergeCells> and filled in afterwards.
 */
async function streamWorkbook(buffer: Buffer): Promise<Sheet[]> {
  // Sizes checked first (zip bombs refused here), so the fallback below can afford to read the workbook whole.
  const parts = await sheetParts(buffer)
  try {
    return await streamSheets(buffer, parts)
  } catch (error) {
    if (error instanceof FileRefused) throw error
    // exceljs's streaming reader failed once on a valid test workbook in ~20 runs (not reproduced since): read it
    // whole before calling the file damaged, and leave the reason in the log.
    console.warn('streaming workbook reader failed, reading the workbook whole:', (error as Error)?.message)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
    return workbook.worksheets.map((sheet) => ({
      name: sheet.name,
      rows: collect(sheet),
      hidden: isHidden(sheet.state),
    }))
  }
}

async function streamSheets(buffer: Buffer, parts: Map<string, SheetPart>): Promise<Sheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell dates from numbers
    hyperlinks: 'ignore',
    entries: 'emit', // to learn each worksheet's part, below
  })
  // The reader announces a worksheet's part (xl/worksheets/sheetN.xml) just before it yields the worksheet. Its own
  // name and state (untyped) are workbook.xml's only when the rels name the part relatively: with the absolute paths
  // openpyxl writes, sheets came as Sheet1, Sheet2…, hidden ones shown, merges lost (exceljs issue #2663).
  let part: string | undefined
  const announced = new Set<string>()
  ;(reader as unknown as NodeJS.EventEmitter).on('entry', (entry: { type?: string; id?: unknown }) => {
    if (entry.type !== 'worksheet') return
    part = `xl/worksheets/sheet${entry.id}.xml`
    announced.add(part)
  })
  const sheets: Sheet[] = []
  for await (const worksheet of reader) {
    const own = worksheet as unknown as { name: string; state?: string }
    const known = part === undefined ? undefined : parts.get(part)
    const name = known?.name ?? own.name
    const rows: unknown[][] = []
    let count = 0
    for await (const row of worksheet) {
      // Counted as read, not by the row's number: rows without an `r` attribute (or all claiming the same one)
      // would otherwise slip past the limit, and millions of them kept the server busy for minutes.
      if (row.number > MAX_ROWS || ++count > MAX_ROWS)
        throw new FileRefused(`行数超过上限${MAX_ROWS}行`, `More than ${MAX_ROWS} rows`)
      rows[row.number - 1] = (row.values as unknown[]).slice(1)
    }
    for (const range of known?.merges ?? []) fillMerge(rows, range)
    sheets.push({
      name,
      rows: Array.from(rows, (r) => r ?? []),
      hidden: known?.hidden ?? isHidden(own.state),
    })
  }
  // The streaming reader can pass a worksheet by without a word (a stored zip whose workbook.xml comes last): an
  // import of the other sheets alone would lose its rows. Read whole instead (streamWorkbook's fallback).
  const missed = [...parts.keys()].filter((path) => !announced.has(path))
  if (missed.length) throw new Error(`the streaming reader skipped ${missed.join(', ')}`)
  return sheets
}

interface Range {
  top: number
  left: number
  bottom: number
  right: number
}

/** A merged cell reads its master's value, so a merged title or station name fills every cell it spans. */
function fillMerge(rows: unknown[][], { top, left, bottom, right }: Range) {
  const value = rows[top]?.[left]
  if (bottom - top > MAX_ROWS || right - left > 16_384) return
  for (let r = top; r <= bottom; r++) {
    rows[r] ??= []
    for (let c = left; c <= right; c++) rows[r]![c] = value
  }
}

const columnIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`)
    .exec(tag)?.[1]
    ?.replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")

/** Unpack one part as a stream without keeping it; refuse it as soon as it grows past its stated size. */
function unpackedWithin(entry: JSZip.JSZipObject, declared: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0
    const stream = entry.nodeStream('nodebuffer')
    stream
      .on('data', (chunk: Buffer) => {
        seen += chunk.length
        if (seen > declared) {
          stream.pause()
          reject(
            new FileRefused(
              '工作簿内容与其声明的大小不符（疑似压缩炸弹）',
              'A part of the workbook is larger than it claims',
            ),
          )
        }
      })
      .on('error', reject)
      .on('end', () => resolve())
  })
}

/** A worksheet as workbook.xml names it, with its merged ranges (0-based). */
interface SheetPart {
  name: string
  hidden: boolean
  merges: Range[]
}

/** Each worksheet by its part's path (xl/worksheets/sheet1.xml), from workbook.xml and its rels. */
async function sheetParts(buffer: Buffer): Promise<Map<string, SheetPart>> {
  const zip = await JSZip.loadAsync(buffer)
  // Sizes as the zip states them, for every part (exceljs reads more than the sheets): refused, not unpacked.
  let total = 0
  for (const entry of Object.values(zip.files)) {
    const data = (entry as unknown as { _data?: { uncompressedSize?: number; compressedSize?: number } })
      ._data
    const size = data?.uncompressedSize ?? 0
    total += size
    if (total > MAX_SHEET_XML || (size > BOMB_FLOOR && size > MAX_RATIO * (data?.compressedSize ?? 0)))
      throw new FileRefused('工作簿解压后过大（疑似压缩炸弹）', 'The workbook is far too large once unpacked')
  }
  // …and the sizes are true: a zip that understates them (1 KB claimed for a shared-strings part of 50 MB) passed
  // the check above and was parsed whole by exceljs. Each part is unpacked as a stream, counted, and dropped.
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue
    const declared =
      (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0
    await unpackedWithin(entry, declared)
  }
  const text = (path: string) => zip.file(path)?.async('string') ?? Promise.resolve('')
  const [workbook, rels] = await Promise.all([text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels')])
  const targets = new Map(
    (rels.match(/<Relationship\b[^>]*>/g) ?? []).map((tag) => [
      attribute(tag, 'Id'),
      attribute(tag, 'Target'),
    ]),
  )
  const result = new Map<string, SheetPart>()
  for (const tag of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
    const name = attribute(tag, 'name')
    const target = targets.get(attribute(tag, 'r:id'))
    if (!name || !target) continue
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`
    const file = zip.file(path)
    // Size as the zip states it: a sheet that would inflate past the limit is refused, not unpacked.
    const size =
      (file as unknown as { _data?: { uncompressedSize?: number } } | null)?._data?.uncompressedSize ?? 0
    if (!file) continue
    if (size > MAX_SHEET_XML)
      throw new FileRefused('工作表过大（解压后超过上限）', 'A worksheet is too large once unpacked')
    const ranges: Range[] = []
    result.set(path, { name, hidden: isHidden(attribute(tag, 'state')), merges: ranges })
    const xml = await file.async('string')
    const at = xml.lastIndexOf('<mergeCells')
    if (at < 0) continue
    for (const m of xml.slice(at).matchAll(/<mergeCell\b[^>]*\sref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g))
      ranges.push({
        top: Number(m[2]) - 1,
        left: columnIndex(m[1]!),
        bottom: Number(m[4]) - 1,
        right: columnIndex(m[3]!),
      })
  }
  return result
}
