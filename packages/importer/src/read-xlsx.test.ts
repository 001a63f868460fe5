// The streaming workbook reader: plain rows, dates as dates, formulas with their results, and merged ranges
// filled from their first cell (the streaming reader itself skips merges).
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { FileRefused, readFile } from './read-xlsx.ts'

describe('readFile (.xlsx)', () => {
  it('fills merged titles and merged station cells, keeps dates and formula results, names each sheet', async () => {
    const book = new ExcelJS.Workbook()
    const ws = book.addWorksheet('接待记录 & 走访')
    ws.addRow(['民兴街道人大代表联络站接待选民登记表'])
    ws.mergeCells('A1:C1')
    ws.addRow(['接待日期', '联络站', '接待群众人次'])
    ws.addRow([new Date(Date.UTC(2023, 5, 14)), '民兴街道人大代表联络站', 3])
    ws.addRow([new Date(Date.UTC(2023, 5, 15)), null, { formula: '1+1', result: 2 }])
    ws.mergeCells('B3:B4')
    book.addWorksheet('代表').addRow(['姓名'])
    const sheets = await readFile(Buffer.from(await book.xlsx.writeBuffer()), 'r.xlsx')
    expect(sheets.map((s) => s.name)).toEqual(['接待记录 & 走访', '代表'])
    const rows = sheets[0]!.rows
    expect(rows[0]).toEqual(Array(3).fill('民兴街道人大代表联络站接待选民登记表'))
    expect(rows[2]![0]).toEqual(new Date(Date.UTC(2023, 5, 14)))
    expect(rows[3]![1]).toBe('民兴街道人大代表联络站')
    expect(rows[3]![2]).toMatchObject({ result: 2 })
  })

  it('marks hidden and very hidden sheets, which Excel does not show the clerk', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('接待记录').addRow(['接待日期', '联络站', '接待群众人次'])
    book.addWorksheet('备份', { state: 'hidden' }).addRow(['接待日期', '联络站', '接待群众人次'])
    book.addWorksheet('lists', { state: 'veryHidden' }).addRow(['进站接待'])
    const sheets = await readFile(Buffer.from(await book.xlsx.writeBuffer()), 'r.xlsx')
    expect(sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ['接待记录', false],
      ['备份', true],
      ['lists', true],
    ])
  })

  it("reads names and hidden states from workbook.xml when its rels name sheets by absolute paths (openpyxl's)", async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('接待记录').addRow(['接待日期', '联络站', '接待群众人次'])
    const backup = book.addWorksheet('接待记录备份', { state: 'hidden' })
    backup.addRow(['接待日期', '联络站', '接待群众人次'])
    backup.addRow(['合并', null, null])
    backup.mergeCells('A2:C2')
    const zip = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()))
    const part = 'xl/_rels/workbook.xml.rels'
    const rels = await zip.file(part)!.async('string')
    zip.file(part, rels.replaceAll('Target="worksheets/', 'Target="/xl/worksheets/'))
    // Deflated, as Excel and openpyxl write parts: exceljs's streaming reader dropped a sheet now and then from this
    // stored (uncompressed) zip, whose workbook.xml comes last (as it did before this test's change too).
    const bytes = Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
    const sheets = await readFile(bytes, 'py.xlsx')
    // exceljs's streaming reader named these Sheet1 and Sheet2, both shown (exceljs issue #2663).
    expect(sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ['接待记录', false],
      ['接待记录备份', true],
    ])
    expect(sheets[1]!.rows[1]).toEqual(['合并', '合并', '合并'])
  })

  it('reads every sheet of a stored (uncompressed) zip, which the streaming reader passed by now and then', async () => {
    const book = new ExcelJS.Workbook()
    for (const name of ['接待记录', '社情民意', '代表']) book.addWorksheet(name).addRow([name, 1, 2])
    const zip = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()))
    // The worksheets first, workbook.xml after them, and none compressed.
    const stored = new JSZip()
    const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir)
    const first = (name: string) => (name.startsWith('xl/worksheets/') ? 0 : 1)
    for (const name of names.sort((a, b) => first(a) - first(b)))
      stored.file(name, await zip.file(name)!.async('nodebuffer'))
    const bytes = Buffer.from(await stored.generateAsync({ type: 'nodebuffer', compression: 'STORE' }))
    for (let i = 0; i < 25; i++)
      expect(
        (await readFile(bytes, 'stored.xlsx')).map((s) => s.name),
        `read ${i + 1}`,
      ).toEqual(['接待记录', '社情民意', '代表'])
  })

  it('refuses what is not a workbook with one clear message', async () => {
    await expect(readFile(Buffer.from('PK\x03\x04 not really'), 'x.xlsx')).rejects.toBeInstanceOf(FileRefused)
    await expect(readFile(Buffer.from('hello'), 'x.pdf')).rejects.toThrow('Only .xlsx, .csv and .tsv')
  })

  it('goes by the bytes, not the name: a workbook renamed .csv is read, a legacy or locked one is named as such', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('接待记录').addRow(['接待日期', '联络站', '接待群众人次'])
    const bytes = Buffer.from(await book.xlsx.writeBuffer())
    expect((await readFile(bytes, '接待记录.csv')).map((s) => s.name)).toEqual(['接待记录'])
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ])
    for (const name of ['台账.xls', '台账.csv', '台账.xlsx'])
      await expect(readFile(xls, name)).rejects.toThrow(
        'legacy Excel file (.xls) or a password-protected one',
      )
  })

  // Found by tests/reliability/fuzz-import.test.ts: these answered 500 (the CSV parser's own errors) or kept the
  // server parsing for 17 s (a zip bomb of empty rows within the size limits).
  it('reads Excel\'s "Unicode text" (UTF-16 with a BOM, tab-separated), little- and big-endian', async () => {
    const text = '接待日期\t联络站\t接待群众人次\r\n2023-06-14\t民兴街道人大代表联络站\t12\r\n'
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const be = Buffer.from(le)
    be.swap16() // FE FF and every unit big-endian
    for (const buffer of [le, be])
      expect((await readFile(buffer, '接待记录.txt'))[0]!.rows).toEqual([
        ['接待日期', '联络站', '接待群众人次'],
        ['2023-06-14', '民兴街道人大代表联络站', '12'],
      ])
  })

  it("refuses a malformed CSV as the file's fault, not a crash", async () => {
    for (const text of ['a,b\n"1,2\n', 'a,b\n"1"x,2\n'])
      await expect(readFile(Buffer.from(text), 'r.csv')).rejects.toThrow('Cannot read this CSV file')
    await expect(readFile(Buffer.from(','.repeat(20_000)), 'r.csv')).rejects.toThrow(
      'More than 16,384 columns',
    )
  })

  it("refuses zip bombs quickly: a high ratio from the zip's header, rows without numbers by their count", async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('接待记录').addRow(['接待日期'])
    const good = Buffer.from(await book.xlsx.writeBuffer())
    const bomb = async (sheetData: string) => {
      const zip = await JSZip.loadAsync(good)
      zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${sheetData}</sheetData></worksheet>`)
      return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
    }
    const t0 = performance.now()
    await expect(readFile(await bomb('<row/>'.repeat(7_000_000)), 'b.xlsx')).rejects.toThrow('far too large')
    await expect(readFile(await bomb('<row/>'.repeat(210_000)), 'b.xlsx')).rejects.toThrow(
      'More than 200000 rows',
    )
    expect(performance.now() - t0).toBeLessThan(10_000)
  }, 30_000)

  it("refuses a zip that understates a part's size (the ratio check alone trusted it)", async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('接待记录').addRow(['接待日期'])
    const zip = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()))
    const part = 'xl/sharedStrings.xml'
    zip.file(part, `<sst>${'<si><t>x</t></si>'.repeat(3_000_000)}</sst>`)
    const bytes = Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
    // Claim 1 KB in the local header and the central directory.
    const name = Buffer.from(part)
    for (let i = 0; i < bytes.length - 46; i++) {
      const sig = bytes.readUInt32LE(i)
      if (sig === 0x04034b50 && bytes.subarray(i + 30, i + 30 + name.length).equals(name))
        bytes.writeUInt32LE(1024, i + 22)
      if (sig === 0x02014b50 && bytes.subarray(i + 46, i + 46 + name.length).equals(name))
        bytes.writeUInt32LE(1024, i + 24)
    }
    await expect(readFile(bytes, 'b.xlsx')).rejects.toThrow('larger than it claims')
  }, 30_000)
})
