// CSV and TSV registers: UTF-8 with or without BOM, UTF-16 with a BOM, else GB18030 (what Excel in China writes).
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { collectSheet, type Sheet } from './read-xlsx.ts'

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030 (what Excel in China writes); UTF-16 by
 * its BOM (Excel's "Unicode text", tab-separated). */
export function decodeText(buffer: Buffer): string {
  // TextDecoder drops the BOM itself.
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer)
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder('utf-16be').decode(buffer)
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(buffer)
  const text = utf8.includes('\ufffd') ? iconv.decode(buffer, 'gb18030') : utf8
  return text.replace(/^\ufeff/, '')
}

export async function readCsv(buffer: Buffer, tab: boolean): Promise<Sheet[]> {
  const text = decodeText(buffer)
  // A ".csv" saved by Excel as "Unicode text" is tab-separated: the first lines tell.
  const head = text.split(/\r?\n/, 10).join('\n')
  const delimiter = tab || head.split('\t').length > head.split(',').length ? '\t' : ','
  const workbook = new ExcelJS.Workbook()
  const sheet = await workbook.csv.read(Readable.from([text]), {
    parserOptions: { delimiter },
    // Keep every cell as text: the importer parses dates and numbers itself, by the column's meaning.
    map: (value: unknown) => value,
  } as never)
  return [{ name: 'CSV', rows: collectSheet(sheet) }]
}
