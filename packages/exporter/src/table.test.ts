import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { fixtureModel } from './fixture.ts'
import type { TableModel } from './model.ts'
import { tableCsv, tableXlsx } from './table.ts'

const { basis, table } = fixtureModel()
const withDates: TableModel = {
  ...table,
  columns: [...table.columns, { key: 'day', label: '最近活动', unit: 'date' }],
  rows: table.rows.map((r) => ({ ...r, day: '2023-12-20' })),
}

describe('tables', () => {
  it('writes typed cells under a frozen, filterable header, and the 口径', async () => {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await tableXlsx(withDates, basis)) as never)
    const sheet = book.worksheets[0]!
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    // The filter spans the header and the rows (A1:G<last>), not the 口径 lines below them.
    expect(sheet.autoFilter).toBe(`A1:G${1 + withDates.rows.length}`)
    expect(sheet.getCell('A1').value).toBe('乡镇（街道）')
    expect(sheet.getCell('B2').value).toBe(96)
    expect(sheet.getCell('E2').value).toBe(0.85)
    expect(sheet.getCell('E2').numFmt).toBe('0.0%')
    expect(sheet.getCell('G2').value).toBeInstanceOf(Date)
    expect(sheet.getCell('G2').numFmt).toBe('yyyy-mm-dd')
    expect(String(sheet.getCell(`A${table.rows.length + 3}`).value)).toContain('口径：金沙县')
    expect(book.getWorksheet('口径')).toBeDefined()
  })

  it('writes CSV in UTF-8 with a BOM, rates as percentages Excel reads back as numbers', () => {
    const csv = tableCsv(table, basis)
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = csv.toString('utf8').slice(1).split('\r\n')
    expect(lines[0]).toBe('乡镇（街道）,接待走访活动,接待群众,收集社情民意,办结率,安排资金（元）')
    expect(lines[1]).toBe('民兴街道,96,180,120,85%,60000')
    expect(lines.some((l) => l.startsWith('口径：金沙县'))).toBe(true)
  })
})
