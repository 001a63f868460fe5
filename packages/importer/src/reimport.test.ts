// Re-importing registers: a column the file lacks keeps its stored value, and a value stored at the column's scale
// compares equal to the file's, so the same file twice changes nothing.
import type { DbHandle } from '@liaison/db'
import { testEngines } from '@liaison/db/testing'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile, ingestRecords, rollbackImport } from './index.ts'

async function book(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name)
    for (const row of rows) ws.addRow(row)
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const station = '民兴街道人大代表联络站'

for (const engine of testEngines()) {
  describe(`re-importing on ${engine.name}`, () => {
    let h: DbHandle
    const run = async (sheets: Record<string, unknown[][]>) => {
      const report = await importFile(h.db, {
        buffer: await book(sheets),
        fileName: 'registers.xlsx',
        county: '520523',
        dryRun: false,
        user: null,
        source: 'cli',
        today: '2024-06-01',
      })
      return report
    }
    const stationRow = async () =>
      (
        await h.rows(
          `select kind, status, built_on, standardised_on, area_m2::text as area, staff_heads, staff_liaisons,
            has_venue, has_signage, has_equipment, has_info, has_rules, has_archives, has_records
           from stations where code = 'JS-ZZ-001'`,
        )
      )[0]
    const opinionRow = async () =>
      (
        await h.rows(
          `select channel, category, content, status, route, replied_on, resolved_on, evaluation, cross_region
           from opinions where register_no = 'SQ-1'`,
        )
      )[0]
    const events = () =>
      h.rows(
        `select e.status, e.occurred_on from opinion_events e join opinions o on o.id = e.opinion_id
         where o.register_no = 'SQ-1' order by e.occurred_on, e.status`,
      )
    beforeAll(async () => {
      h = await engine.create()
    })
    afterAll(() => h.close())

    it('keeps what a stations file with fewer columns lacks, and updates only the columns it has', async () => {
      const full = await run({
        联络站: [
          [
            '站点名称',
            '站点编码',
            '所属乡镇',
            '类型',
            '状态',
            '建成日期',
            '规范化日期',
            '面积（平方米）',
            '站长',
            '联络员人数',
            '七有',
          ],
          [
            station,
            'JS-ZZ-001',
            '民兴街道',
            '联络室',
            '已规范化',
            '2021-06-30',
            '2022-03-01',
            120,
            '张三',
            3,
            '场所,标识,设备,信息,制度,档案,记录',
          ],
        ],
      })
      expect(full.ok, JSON.stringify(full)).toBe(true)
      const before = await stationRow()
      expect(before).toMatchObject({ status: 'standardised', built_on: '2021-06-30', has_records: true })

      const twoColumns = await run({
        联络站: [
          ['站点名称', '所属乡镇'],
          [station, '民兴街道'],
        ],
      })
      expect(twoColumns.ok && twoColumns.counts.stations).toEqual({ inserted: 0, updated: 0, unchanged: 1 })
      expect(await stationRow()).toEqual(before)

      // A column the file has is updated; the rest stay, and rolling back restores the whole row.
      const area = await run({
        联络站: [
          ['站点名称', '所属乡镇', '面积'],
          [station, '民兴街道', '130'],
        ],
      })
      expect(area.ok && area.counts.stations).toEqual({ inserted: 0, updated: 1, unchanged: 0 })
      expect(await stationRow()).toEqual({ ...before, area: '130.0' })
      await rollbackImport(h.db, area.ok ? area.batchId! : 0, null)
      expect(await stationRow()).toEqual(before)

      // A date the file changes is checked against the stored one it does not carry.
      const late = await run({
        联络站: [
          ['站点名称', '所属乡镇', '建成日期'],
          [station, '民兴街道', '2023-01-01'],
        ],
      })
      expect(!late.ok && late.errors.map((e) => [e.row, e.column, e.message.en])).toEqual([
        [2, '建成日期', 'Built after the standardised date stored (2022-03-01)'],
      ])
      expect(await stationRow()).toEqual(before)
    })

    it("keeps an opinion's progress when the file carries only its registration, and its history", async () => {
      const full = await run({
        社情民意: [
          [
            '登记编号',
            '登记日期',
            '联络站',
            '收集渠道',
            '问题类别',
            '反映内容',
            '办理状态',
            '办理方式',
            '答复日期',
            '办结日期',
            '群众评价',
            '跨区域',
          ],
          [
            'SQ-1',
            '2023-06-14',
            'JS-ZZ-001',
            '微信',
            '道路交通',
            '路灯坏了',
            '已办结',
            '代表自行解决',
            '2023-06-20',
            '2023-06-28',
            '满意',
            '是',
          ],
        ],
      })
      expect(full.ok, JSON.stringify(full)).toBe(true)
      const before = await opinionRow()
      const eventsBefore = await events()
      expect(eventsBefore).toHaveLength(5)

      const partial = await run({
        社情民意: [
          ['登记编号', '登记日期', '联络站', '反映内容'],
          ['SQ-1', '2023-06-14', 'JS-ZZ-001', '路灯坏了，已修好'],
        ],
      })
      expect(partial.ok && partial.counts.opinions).toEqual({ inserted: 0, updated: 1, unchanged: 0 })
      expect(await opinionRow()).toEqual({ ...before, content: '路灯坏了，已修好' })
      expect(await events()).toEqual(eventsBefore)
      await rollbackImport(h.db, partial.ok ? partial.batchId! : 0, null)
      expect(await opinionRow()).toEqual(before)
      expect(await events()).toEqual(eventsBefore)

      // Without 办理状态 the status follows the dates the file has, with the stored ones.
      const reopened = await run({
        社情民意: [
          ['登记编号', '登记日期', '联络站', '办结日期'],
          ['SQ-1', '2023-06-14', 'JS-ZZ-001', ''],
        ],
      })
      // …but an evaluation stays only on a resolved opinion: the file must say what becomes of it.
      expect(!reopened.ok && reopened.errors.map((e) => [e.row, e.column])).toEqual([[2, '群众评价']])
      const status = await run({
        社情民意: [
          ['登记编号', '登记日期', '联络站', '办理状态'],
          ['SQ-1', '2023-06-14', 'JS-ZZ-001', '办理中'],
        ],
      })
      expect(!status.ok && status.errors.map((e) => [e.row, e.column])).toEqual([[2, '办理状态']])
      expect(await opinionRow()).toEqual(before)

      // A file of resolution dates resolves the opinions it dates and leaves the others' progress alone.
      const opinion = (no: string, status: string) => [no, '2023-07-01', 'JS-ZZ-001', status]
      await run({
        社情民意: [
          ['登记编号', '登记日期', '联络站', '办理状态'],
          opinion('SQ-2', '办理中'),
          opinion('SQ-3', '办理中'),
        ],
      })
      const resolved = await run({
        社情民意: [
          ['登记编号', '登记日期', '联络站', '办结日期'],
          ['SQ-2', '2023-07-01', 'JS-ZZ-001', '2023-07-09'],
          ['SQ-3', '2023-07-01', 'JS-ZZ-001', ''],
        ],
      })
      expect(resolved.ok && resolved.counts.opinions).toEqual({ inserted: 0, updated: 1, unchanged: 1 })
      expect(
        await h.rows(
          `select register_no, status from opinions where register_no in ('SQ-2', 'SQ-3') order by 1`,
        ),
      ).toEqual([
        { register_no: 'SQ-2', status: 'resolved' },
        { register_no: 'SQ-3', status: 'handling' },
      ])
    })

    it('keeps what a JSON record leaves out, though another record of the batch gives it', async () => {
      const before = await opinionRow()
      const ingest = await ingestRecords(
        h.db,
        'opinions',
        [
          { register_no: 'SQ-2', received_on: '2023-07-01', station: 'JS-ZZ-001', resolved_on: '2023-07-10' },
          // SQ-1 (resolved, evaluated) says nothing of its resolution: it stays resolved.
          { register_no: 'SQ-1', received_on: '2023-06-14', station: 'JS-ZZ-001' },
        ],
        { county: '520523', dryRun: false, user: null, today: '2024-06-01' },
      )
      expect(ingest.ok && ingest.counts.opinions, JSON.stringify(ingest)).toEqual({
        inserted: 0,
        updated: 1,
        unchanged: 1,
      })
      expect(await opinionRow()).toEqual(before)
    })

    it('compares values at the scale they are stored: the same file twice is unchanged, and rolls back', async () => {
      const sheets = {
        联络站: [
          ['站点名称', '站点编码', '所属乡镇', '建成日期', '面积（平方米）'],
          ['鼓场街道人大代表联络站', 'JS-ZZ-002', '鼓场街道', '2020-01-01', '85.65'],
        ],
        目标: [
          ['年度', '述职目标比例', '专项资金预算（元）'],
          [2024, '12.345%', '1.005'],
        ],
      }
      const first = await run(sheets)
      expect(first.ok, JSON.stringify(first)).toBe(true)
      expect(
        await h.rows(
          `select (select area_m2::text from stations where code = 'JS-ZZ-002') as area,
            reportback_share::text as share, fund_budget::text as budget from plans where year = 2024`,
        ),
      ).toEqual([{ area: '85.7', share: '0.1235', budget: '1.01' }])
      const again = await run(sheets)
      expect(again.ok && again.counts).toEqual({
        stations: { inserted: 0, updated: 0, unchanged: 1 },
        plans: { inserted: 0, updated: 0, unchanged: 1 },
      })
      // The second import changed nothing, so nothing stands in the way of undoing the first.
      await expect(rollbackImport(h.db, first.ok ? first.batchId! : 0, null)).resolves.toMatchObject({
        deleted: 2,
      })
    })
  })
}
