// Registers built in code the way township clerks fill them, imported on both engines.
import type { DbHandle } from '@liaison/db'
import { testEngines } from '@liaison/db/testing'
import { queryMetrics, rollupsCurrent } from '@liaison/metrics'
import { expectRollupsEqualFacts } from '@liaison/metrics/testing'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile, RollbackRefused, rollbackImport } from './index.ts'

const receptionHeader = [
  '* 接待日期',
  '联络站（室）',
  '活动类型',
  '参加代表人次',
  '接待人数（人次）',
  '记录编号',
  '填表人',
]

async function workbook(rows: unknown[][], options: { title?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('接待记录')
  if (options.title) {
    ws.addRow(['民兴街道人大代表联络站接待选民登记表'])
    ws.mergeCells('A1:F1')
    ws.addRow(['单位：人次'])
  }
  ws.addRow(receptionHeader)
  for (const row of rows) ws.addRow(row)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const year = { region: '520523', from: '2023-01-01', to: '2023-12-31', ids: ['receptions', 'visitors'] }
const today = '2024-06-01'

for (const engine of testEngines()) {
  describe(`importing receptions on ${engine.name}`, () => {
    let h: DbHandle
    const figures = async () => (await queryMetrics(h.db, year)).data[0]!
    // Imports and rollbacks rebuild the months they touch (Oct and Nov here), so the rollups stay exact.
    const expectRollupsCurrentAndEqual = async () => {
      expect(await rollupsCurrent(h.db, '520523')).toBe(true)
      await expectRollupsEqualFacts(h.db, '520523', '2023-01-01', '2023-12-31')
    }
    const run = (buffer: Buffer, fileName = 'receptions.xlsx', dryRun = false) =>
      importFile(h.db, { buffer, fileName, county: '金沙县', dryRun, user: null, source: 'cli', today })
    beforeAll(async () => {
      h = await engine.create()
      await h.exec(`insert into stations (county_code, township_code, code, name, kind, status, built_on) values
        ('520523', '520523005', 'JS-ZZ-001', '民兴街道人大代表联络站', 'station', 'built', '2020-01-01'),
        ('520523', '520523004', 'JS-ZZ-002', '鼓场街道人大代表联络站', 'station', 'built', '2020-01-01')`)
    })
    afterAll(() => h.close())

    it('reads a clerk-filled register: title rows, Chinese dates, a 合计 row, an extra column', async () => {
      const file = await workbook(
        [
          ['2023年6月14日', '民兴街道人大代表联络站', '进站接待', 2, '12人', 'MX-001', '张'],
          [new Date(Date.UTC(2023, 6, 1)), 'JS-ZZ-002', '走访', '１', '1,259', 'GC-001', '李'],
          [],
          ['2023/8/3', ' 民兴街道人大代表联络站 ', 'visit', 1, 3, '', '王'],
          ['合计', '', '', 4, 1274, '', ''],
        ],
        { title: true },
      )
      const before = await figures()
      const dry = await run(file, 'receptions.xlsx', true)
      expect(dry).toMatchObject({
        ok: true,
        counts: { receptions: { inserted: 3, updated: 0, unchanged: 0 } },
      })
      expect(await figures()).toEqual(before) // a dry run writes nothing

      const report = await run(file)
      expect(report.ok).toBe(true)
      if (!report.ok) return
      expect(report.counts.receptions).toEqual({ inserted: 3, updated: 0, unchanged: 0 })
      expect(report.warnings.map((w) => w.message.en)).toEqual([
        'Unknown column, ignored',
        'Total row, not imported',
      ])
      expect(report.warnings[1]!.row).toBe(8) // Excel's row number: 3 header rows, then rows 4–8
      const after = await figures()
      expect(Number(after.receptions) - Number(before.receptions)).toBe(3)
      expect(Number(after.visitors) - Number(before.visitors)).toBe(12 + 1259 + 3)

      // The same file again changes no figure.
      const again = await run(file)
      expect(again.ok && again.counts.receptions).toEqual({ inserted: 0, updated: 0, unchanged: 3 })
      expect(await figures()).toEqual(after)
    })

    it('rolls an import back exactly: inserted rows go, updated rows come back as they were', async () => {
      const first = await run(await workbook([['2023-10-01', 'JS-ZZ-001', '走访', 1, 10, 'RB-1']]))
      const before = await figures()
      // The second file changes RB-1 and adds RB-2; rolling it back must restore RB-1's 10 people.
      const second = await run(
        await workbook([
          ['2023-11-05', 'JS-ZZ-001', '走访', 1, 30, 'RB-1'], // moved to another month, too
          ['2023-10-02', 'JS-ZZ-002', '走访', 1, 5, 'RB-2'],
        ]),
      )
      expect(second.ok && second.counts.receptions).toEqual({ inserted: 1, updated: 1, unchanged: 0 })
      expect(Number((await figures()).visitors) - Number(before.visitors)).toBe(20 + 5)
      await expectRollupsCurrentAndEqual()
      expect(first.ok && second.ok).toBe(true)
      if (!first.ok || !second.ok) return
      await expect(rollbackImport(h.db, first.batchId!, null)).rejects.toThrow(RollbackRefused) // a later import touched RB-1
      expect(await rollbackImport(h.db, second.batchId!, null)).toMatchObject({ deleted: 1, restored: 1 })
      expect(await figures()).toEqual(before)
      await expectRollupsCurrentAndEqual()
      await expect(rollbackImport(h.db, second.batchId!, null)).rejects.toThrow('Already rolled back')
    })

    it('refuses a file with a bad date, an unknown station and a negative count, naming the rows', async () => {
      const before = await figures()
      const file = await workbook([
        ['2023-05-01', '民兴街道人大代表联络站', '进站接待', 1, 5, 'OK-1'],
        ['2023-02-30', '民兴街道人大代表联络站', '进站接待', 1, 5, 'BAD-1'],
        ['2023-05-02', '不存在的联络站', '进站接待', 1, 5, 'BAD-2'],
        ['2023-05-03', '民兴街道人大代表联络站', '进站接待', 1, -4, 'BAD-3'],
      ])
      const report = await run(file)
      expect(report.ok).toBe(false)
      expect(report.errors.map((e) => [e.row, e.column, e.message.en])).toEqual([
        [3, '* 接待日期', 'Not a date (write 2025-06-14, 2025/6/14 or 2025年6月14日)'],
        [4, '联络站（室）', 'Unknown station in this county'],
        [5, '接待人数（人次）', 'Negative count'],
      ])
      expect(await figures()).toEqual(before)
    })

    it('refuses a key repeated on another sheet and a count too large for its column, naming the rows', async () => {
      const before = await figures()
      const wb = new ExcelJS.Workbook()
      for (const [name, rows] of [
        ['接待记录2023', [['2023-05-01', '民兴街道人大代表联络站', '进站接待', 1, 5, 'TWICE-1']]],
        [
          '接待记录2024',
          [
            ['2023-06-01', '民兴街道人大代表联络站', '进站接待', 1, 6, 'TWICE-1'],
            ['2023-06-02', '民兴街道人大代表联络站', '进站接待', 1, 3_000_000_000, 'HUGE-1'],
          ],
        ],
      ] as const) {
        const ws = wb.addWorksheet(name)
        ws.addRow(receptionHeader)
        for (const row of rows) ws.addRow([...row])
      }
      // Both failed at the database before: a 500 with no row named.
      const report = await run(Buffer.from(await wb.xlsx.writeBuffer()))
      expect(report.ok).toBe(false)
      expect(report.errors.map((e) => [e.sheet, e.row, e.message.en])).toEqual([
        ['接待记录2024', 3, 'Too large (at most 2147483647)'],
        ['接待记录2024', 2, 'Duplicate key (same as sheet "接待记录2023", row 2)'],
      ])
      expect(await figures()).toEqual(before)
    })

    it('writes nothing when the only bad row is row 9,999', async () => {
      const before = await figures()
      const rows: unknown[][] = Array.from({ length: 9_997 }, (_, i) => [
        '2023-03-01',
        'JS-ZZ-001',
        '走访',
        1,
        1,
        `BULK-${i}`,
      ])
      rows[9_997] = ['2023-03-01', 'JS-ZZ-001', '走访', 1, 'many', 'BULK-LAST']
      const report = await run(await workbook(rows))
      expect(report.ok).toBe(false)
      expect(report.errors).toHaveLength(1)
      expect(report.errors[0]!.row).toBe(9_999)
      expect(await figures()).toEqual(before)
    })

    it('reads a GBK CSV as Excel in China writes it, and refuses a future date and a duplicate key', async () => {
      const csv = '接待日期,站点,接待群众,记录编号\r\n2023-09-09,民兴街道人大代表联络站,7,CSV-1\r\n'
      const report = await run(iconv.encode(csv, 'gbk'), 'receptions.csv')
      expect(report.ok && report.counts.receptions).toEqual({ inserted: 1, updated: 0, unchanged: 0 })
      const bad =
        '接待日期,站点,接待群众,记录编号\n2030-01-01,JS-ZZ-001,1,F-1\n2023-01-01,JS-ZZ-001,1,F-2\n2023-01-02,JS-ZZ-001,1,F-2\n'
      const refused = await run(Buffer.from(`\ufeff${bad}`), 'r.csv')
      expect(refused.ok).toBe(false)
      expect(refused.errors.map((e) => [e.row, e.message.en])).toEqual([
        [2, 'Date is in the future'],
        [4, 'Duplicate key (same as row 3)'],
      ])
    })

    it('imports identical receptions without 记录编号 as two, and says so', async () => {
      const csv =
        '接待日期,站点,活动类型,参加代表人次,接待群众人次\n2023-08-01,JS-ZZ-001,进站接待,2,6\n' +
        '2023-08-01,JS-ZZ-001,进站接待,2,6\n2023-08-02,JS-ZZ-001,进站接待,1,3\n'
      const report = await run(Buffer.from(csv), 'same.csv')
      expect(report.ok && report.counts.receptions).toEqual({ inserted: 3, updated: 0, unchanged: 0 })
      expect(report.warnings.map((w) => [w.row, w.message.en])).toEqual([
        [
          3,
          'Identical to row 2, imported as a record of its own; if it was entered twice, delete it or give each a record number',
        ],
      ])
      // The same file again changes nothing.
      const again = await run(Buffer.from(csv), 'same.csv')
      expect(again.ok && again.counts.receptions).toEqual({ inserted: 0, updated: 0, unchanged: 3 })
    })

    it('refuses an empty file and a header without rows, writing no batch', async () => {
      const batches = () => h.rows<{ n: number }>('select count(*)::int as n from import_batches')
      const before = await batches()
      for (const [content, en] of [
        ['', 'Empty: no records to import'],
        ['\n\n', 'Empty: no records to import'],
        ['接待日期,站点,接待群众人次\n', 'No data rows under the header: nothing to import'],
        ['接待日期,站点,接待群众人次\n合计,,12\n', 'No data rows under the header: nothing to import'],
      ] as const) {
        const report = await run(Buffer.from(content), 'empty.csv')
        expect(report.ok, content).toBe(false)
        expect(report.errors.map((e) => e.message.en)).toEqual([en])
      }
      expect(await batches()).toEqual(before)
    })

    it('refuses a missing required column and a file that is not a workbook', async () => {
      const missing = await run(Buffer.from('接待日期,站点\n2023-01-01,JS-ZZ-001\n'), 'm.csv')
      expect(missing.ok).toBe(false)
      expect(missing.errors[0]!.message.en).toBe('Required column missing: 接待群众人次')
      const broken = await run(Buffer.from('PK\u0003\u0004 not really a zip'), 'x.xlsx')
      expect(broken.ok).toBe(false)
      expect(broken.errors[0]!.message.en).toContain('Cannot read this workbook')
    })

    it('skips a row filled only in columns it ignores (序号, a formula showing 0), never one with a known column', async () => {
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet('接待记录')
      ws.addRow(['序号', '接待日期', '联络站', '接待群众人次', '记录编号', '小计'])
      ws.addRow([1, '2023-09-01', 'JS-ZZ-001', 5, 'SK-1', { formula: 'D2', result: 5 }])
      ws.addRow([2, '', '', '', '', { formula: 'D3', result: 0 }])
      ws.addRow([3, null, null, null, null, { formula: 'D4', result: 0 }])
      const file = async () => Buffer.from(await wb.xlsx.writeBuffer())
      const report = await run(await file(), 'numbered.xlsx', true)
      expect(report.ok, JSON.stringify(report.errors)).toBe(true)
      expect(report.ok && report.counts.receptions).toEqual({ inserted: 1, updated: 0, unchanged: 0 })
      // A row with any recognised column filled is a record, and its blanks are errors.
      ws.addRow([4, '', '', '', 'SK-4', { formula: 'D5', result: 0 }])
      const refused = await run(await file(), 'numbered.xlsx', true)
      expect(refused.errors.map((e) => [e.row, e.column])).toEqual([
        [5, '联络站'],
        [5, '接待日期'],
        [5, '接待群众人次'],
      ])
    })

    it('skips hidden sheets with a warning naming each: a hidden backup copy neither doubles rows nor clashes', async () => {
      const wb = new ExcelJS.Workbook()
      const rows = [
        ['2023-10-11', '民兴街道人大代表联络站', '进站接待', 1, 4, 'HID-1'],
        ['2023-10-12', '民兴街道人大代表联络站', '走访', 1, 6, ''],
      ]
      for (const [name, state] of [
        ['接待记录', 'visible'],
        ['接待记录 (备份)', 'hidden'],
        ['接待记录旧', 'veryHidden'],
      ] as const) {
        const ws = wb.addWorksheet(name, { state })
        ws.addRow(receptionHeader)
        for (const row of rows) ws.addRow(row)
      }
      // A hidden sheet of drop-down choices is no register: skipped without a word.
      wb.addWorksheet('lists', { state: 'hidden' }).addRows([['进站接待'], ['走访']])
      const report = await run(Buffer.from(await wb.xlsx.writeBuffer()), 'hidden.xlsx', true)
      expect(report.ok, JSON.stringify(report.errors)).toBe(true)
      expect(report.ok && report.counts.receptions).toEqual({ inserted: 2, updated: 0, unchanged: 0 })
      const hidden = report.warnings.filter((w) => w.row === null)
      expect(hidden.map((w) => [w.sheet, w.message.zh, w.message.en])).toEqual([
        [
          '接待记录 (备份)',
          '工作表“接待记录 (备份)”为隐藏工作表，未导入',
          'Hidden sheet "接待记录 (备份)" not imported',
        ],
        ['接待记录旧', '工作表“接待记录旧”为隐藏工作表，未导入', 'Hidden sheet "接待记录旧" not imported'],
      ])
    })

    it('names each sheet of another register it skips when a register is chosen', async () => {
      const wb = new ExcelJS.Workbook()
      const receptions = wb.addWorksheet('接待记录')
      receptions.addRow(receptionHeader)
      receptions.addRow(['2023-10-13', '民兴街道人大代表联络站', '进站接待', 1, 4, 'KIND-1'])
      const opinions = wb.addWorksheet('社情民意')
      opinions.addRow(['登记编号', '登记日期', '联络站', '反映内容'])
      opinions.addRow(['SQ-1', '2023-10-13', '民兴街道人大代表联络站', '路灯不亮'])
      const report = await importFile(h.db, {
        buffer: Buffer.from(await wb.xlsx.writeBuffer()),
        fileName: 'two.xlsx',
        county: '金沙县',
        kind: 'receptions',
        dryRun: true,
        user: null,
        source: 'cli',
        today,
      })
      expect(report.ok, JSON.stringify(report.errors)).toBe(true)
      expect(report.ok && Object.keys(report.counts)).toEqual(['receptions'])
      const sheets = report.warnings.filter((w) => w.row === null)
      expect(sheets.map((w) => [w.sheet, w.message.zh, w.message.en])).toEqual([
        [
          '社情民意',
          '工作表“社情民意”为社情民意台账，不是所选的接待记录，未导入',
          'Sheet "社情民意" holds Opinions, not the Receptions chosen: not imported',
        ],
      ])
    })

    it('warns of a 合计 row whose only text is in a column it ignores, and imports nothing from it', async () => {
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet('接待记录')
      ws.addRow(['序号', '接待日期', '联络站', '接待群众人次', '记录编号', '小计'])
      ws.addRow([1, '2023-09-05', 'JS-ZZ-001', 5, 'TOT-1', { formula: 'D2', result: 5 }])
      ws.addRow(['合计', null, null, null, null, { formula: 'SUM(F2:F2)', result: 5 }])
      const report = await run(Buffer.from(await wb.xlsx.writeBuffer()), 'total.xlsx', true)
      expect(report.ok, JSON.stringify(report.errors)).toBe(true)
      expect(report.ok && report.counts.receptions).toEqual({ inserted: 1, updated: 0, unchanged: 0 })
      expect(report.warnings.map((w) => [w.row, w.message.zh])).toEqual([
        [1, '未识别的列，已忽略'],
        [1, '未识别的列，已忽略'],
        [3, '合计行，未导入'],
      ])
    })
  })
}
