// Every register from a workbook built in code: aliases, units, enums, keys, errors, rollback, all-or-nothing.
import type { DbHandle } from '@liaison/db'
import { testEngines } from '@liaison/db/testing'
import { queryMetrics } from '@liaison/metrics'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile, ingestRecords, rollbackImport, templateFor } from './index.ts'
import { parseDate, parseMoney, parseNumber, parseShare } from './values.ts'

type Rows = unknown[][]
async function book(sheets: Record<string, Rows>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name)
    for (const row of rows) ws.addRow(row)
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
const today = '2024-06-01'

describe('values', () => {
  it('reads every listed date and number form', () => {
    for (const d of [
      '2023-06-14',
      '2023/6/14',
      '2023.6.14',
      '2023年6月14日',
      '20230614',
      '2023-06-14 09:30',
      45091,
    ])
      expect(parseDate(d)).toBe('2023-06-14')
    expect(parseDate('2023-02-30')).toBeNull()
    expect(parseNumber('１２')).toBe(12)
    expect(parseNumber('1,259')).toBe(1259)
    expect(parseNumber('12人')).toBe(12)
    expect(parseMoney('5', '万元')).toBe(50_000)
    expect(parseMoney('1,200', '元')).toBe(1200)
    expect(parseMoney('1,234,567.5', '元')).toBe(1_234_567.5)
    // A comma out of place is refused, not read as a number ten times too large or small.
    for (const typo of ['1,2', '12,34', '1,2345', ',123'])
      expect([typo, parseNumber(typo)]).toEqual([typo, Number.NaN])
    expect(parseMoney('1,2', '万元')).toBeNaN()
    // A cell's own unit wins over its column's.
    expect(parseMoney('8000元', '万元')).toBe(8000)
    expect(parseMoney('1.5万', '元')).toBe(15_000)
    // An Excel date-time serial is its day, whatever the hour (46101.75 is 2026-03-20 18:00).
    expect(parseDate(46101.75)).toBe('2026-03-20')
    expect(parseDate('46101.75')).toBe('2026-03-20')
    expect(parseShare('30%')).toBe(0.3)
    expect(parseShare(0.3)).toBe(0.3)
  })

  it('reads the units clerks write after a figure, and rounds money as PostgreSQL stores it', () => {
    for (const text of [
      '120㎡',
      '120平方米',
      '120m²',
      '120 m2',
      '120名',
      '120条',
      '120项',
      '120户',
      '120场',
      '120期',
    ])
      expect([text, parseNumber(text)]).toEqual([text, 120])
    expect(parseNumber('12x')).toBeNaN()
    // A cell's 万元 still scales in a money column.
    expect(parseMoney('1.5万元', '元')).toBe(15_000)
    // Half away from zero on the decimal written, not on the nearest binary fraction (1.005 is 1.00499… in binary).
    expect(parseMoney('1.005', '元')).toBe(1.01)
    expect(parseMoney('0.0000135', '万元')).toBe(0.14)
  })
})

for (const engine of testEngines()) {
  describe(`every register on ${engine.name}`, () => {
    let h: DbHandle
    const run = (buffer: Buffer, fileName = 'registers.xlsx', kind?: string) =>
      importFile(h.db, {
        buffer,
        fileName,
        county: '520523',
        kind,
        dryRun: false,
        user: null,
        source: 'cli',
        today,
      })
    const count = async (table: string) =>
      Number((await h.rows<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n)
    beforeAll(async () => {
      h = await engine.create()
    })
    afterAll(() => h.close())

    const workbook = () =>
      book({
        联络站: [
          ['金沙县人大代表联络站一览表'],
          [
            '* 站点名称',
            '站点编码',
            '所属乡镇（街道）',
            '类型',
            '状态',
            '建成日期',
            '面积（平方米）',
            '七有',
            '备用',
          ],
          [
            '民兴街道人大代表联络站',
            'JS-ZZ-001',
            '民兴街道',
            '联络站',
            '已建成',
            '2021/6/30',
            '120',
            '场所,标识,设备',
            'x',
          ],
          ['鼓场街道人大代表联络站', 'JS-ZZ-002', '520523004', 'Station', 'standardised', 45000, 80, 7, ''],
        ],
        代表名册: [
          ['姓名', '代表编码', '层级', '类别', '进站站点'],
          ['李四', 'JS-DB-1', '县/区', '农村代表', 'JS-ZZ-001'],
          ['王五', 'JS-DB-2', 'township', '企业代表', '鼓场街道人大代表联络站'],
          // Levels and categories as clerks write them; an unknown category is 其他 with a warning.
          ['赵六', 'JS-DB-3', '县级', '专业技术人员', 'JS-ZZ-001'],
          ['钱七', 'JS-DB-4', '乡镇级', '退休人员', 'JS-ZZ-001'],
        ],
      })
    const second = () =>
      book({
        社情民意: [
          [
            '登记编号',
            '收集日期',
            '联络站',
            '收集渠道',
            '问题类别',
            '办理状态',
            '答复日期',
            '办结日期',
            '满意度',
            '跨区域',
          ],
          [
            'SQ-1',
            '2023年6月14日',
            'JS-ZZ-001',
            '进站',
            '道路交通',
            '已办结',
            '2023-06-20',
            '2023-06-28',
            '满意',
            '否',
          ],
          ['SQ-2', '2023-07-01', 'JS-ZZ-002', 'wechat', '火星移民', '办理中', '', '', '', '是'],
        ],
        微项目: [
          [
            '项目编号',
            '项目名称',
            '所属乡镇',
            '安排资金（万元）',
            '已支出（万元）',
            '状态',
            '立项日期',
            '来源意见编号',
          ],
          ['XM-1', '组组通', '民兴街道', '5', '2.5', '实施中', '2023-03-01', 'SQ-1'],
        ],
        代表述职: [
          ['代表姓名', '述职日期', '满意（票）', '基本满意（票）', '不满意（票）'],
          ['李四', '2023-09-10', 40, 5, 0],
        ],
        目标: [
          ['年度', '规划联络站（个）', '述职目标比例', '专项资金预算（万元）'],
          [2024, 26, '30%', 200],
        ],
      })

    it('imports stations and deputies, then the registers that name them; twice changes nothing', async () => {
      const first = await run(await workbook())
      expect(first.ok, JSON.stringify(first)).toBe(true)
      expect(first.warnings.map((w) => w.column)).toContain('备用')
      expect(first.warnings.filter((w) => w.sheet === '代表名册').map((w) => [w.row, w.value])).toEqual([
        [5, '退休人员'],
      ])
      expect(
        await h.rows(
          `select code, level, category from deputies where code in ('JS-DB-3', 'JS-DB-4') order by code`,
        ),
      ).toEqual([
        { code: 'JS-DB-3', level: 'county', category: 'professional' },
        { code: 'JS-DB-4', level: 'township', category: 'other' },
      ])
      const station = (
        await h.rows<Record<string, unknown>>(`select * from stations where code = 'JS-ZZ-001'`)
      )[0]!
      expect([station.has_venue, station.has_signage, station.has_rules, station.built_on]).toEqual([
        true,
        true,
        false,
        '2021-06-30',
      ])
      const rest = await run(await second())
      expect(rest.ok, JSON.stringify(rest)).toBe(true)
      expect(rest.warnings.some((w) => w.message.en.includes('Other'))).toBe(true)
      const project = (
        await h.rows<{ allocated: string; source_opinion_id: number | null }>(
          `select allocated::text, source_opinion_id from micro_projects`,
        )
      )[0]!
      expect(Number(project.allocated)).toBe(50_000)
      expect(project.source_opinion_id).not.toBeNull()
      const events = await h.rows<{ status: string }>(
        `select e.status from opinion_events e join opinions o on o.id = e.opinion_id where o.register_no = 'SQ-1' order by e.id`,
      )
      expect(events.map((e) => e.status)).toEqual([
        'collected',
        'reported',
        'handling',
        'replied',
        'resolved',
      ])
      expect(
        Number((await h.rows<{ s: string }>(`select reportback_share::text as s from plans`))[0]!.s),
      ).toBe(0.3)
      const again = await run(await second())
      expect(
        again.ok &&
          Object.values(again.counts).every((c) => 'unchanged' in c && c.inserted + c.updated === 0),
        JSON.stringify(again),
      ).toBe(true)
    })

    it('updates by key and rolls the update back exactly (with the status history)', async () => {
      const before = await h.rows(`select * from opinions order by id`)
      const eventsBefore = await h.rows(
        `select opinion_id, status, occurred_on from opinion_events order by 1, 2`,
      )
      const file = await book({
        社情民意: [
          ['登记编号', '登记日期', '联络站', '办理状态', '办结日期', '群众评价'],
          ['SQ-2', '2023-07-01', 'JS-ZZ-002', '已办结', '2023-07-09', '基本满意'],
          ['SQ-3', '2023-07-02', 'JS-ZZ-002', '', '', ''],
        ],
      })
      const done = await run(file)
      expect(done.ok && done.counts.opinions).toEqual({ inserted: 1, updated: 1, unchanged: 0 })
      await rollbackImport(h.db, done.ok ? done.batchId! : 0, null)
      expect(await h.rows(`select * from opinions order by id`)).toEqual(before)
      expect(
        await h.rows(`select opinion_id, status, occurred_on from opinion_events order by 1, 2`),
      ).toEqual(eventsBefore)
    })

    it('dates a reply the register gives no date on the receipt, in the history as in the figures', async () => {
      const file = await book({
        社情民意: [
          ['登记编号', '登记日期', '联络站', '办理状态'],
          ['SQ-9', '2023-08-01', 'JS-ZZ-002', '已答复'],
        ],
      })
      const done = await run(file)
      expect(done.ok, JSON.stringify(done)).toBe(true)
      try {
        const events = await h.rows<{ status: string; day: string }>(
          `select e.status, e.occurred_on::text as day from opinion_events e join opinions o on o.id = e.opinion_id
           where o.register_no = 'SQ-9' order by e.id`,
        )
        expect(events.map((e) => [e.status, e.day])).toEqual(
          ['collected', 'reported', 'handling', 'replied'].map((status) => [status, '2023-08-01']),
        )
      } finally {
        await rollbackImport(h.db, done.ok ? done.batchId! : 0, null)
      }
    })

    it('refuses to roll back stations or deputies that later registers still name, and changes nothing', async () => {
      const [first] = await h.rows<{ id: number }>(`select min(id)::int as id from import_batches`)
      const count = async () =>
        (
          await h.rows<{ n: number }>(
            `select (select count(*) from stations) + (select count(*) from receptions) as n`,
          )
        )[0]!.n
      const before = await count()
      await expect(rollbackImport(h.db, first!.id, null)).rejects.toThrow(
        /Later records still refer to (stations|deputies)/,
      )
      expect(await count()).toBe(before)
      const [batch] = await h.rows<{ status: string }>(
        `select status from import_batches where id = ${first!.id}`,
      )
      expect(batch!.status).toBe('applied')
    })

    it('places a project without 立项日期 by its completion date, and refuses one with neither', async () => {
      const header = ['项目编号', '项目名称', '所属乡镇', '安排资金（元）', '状态', '立项日期', '完工日期']
      const refused = await run(
        await book({
          微项目: [
            header,
            ['XM-7', '路灯', '民兴街道', 8000, '已完工', '', '2023-11-30'],
            ['XM-8', '水池', '民兴街道', 9000, '立项', '', ''],
          ],
        }),
      )
      expect(refused.ok).toBe(false)
      expect(refused.errors.map((e) => [e.row, e.column])).toEqual([[3, '立项日期']])
      const done = await run(
        await book({ 微项目: [header, ['XM-7', '路灯', '民兴街道', 8000, '已完工', '', '2023-11-30']] }),
      )
      expect(done.ok, JSON.stringify(done)).toBe(true)
      expect(done.warnings.map((w) => w.column)).toContain('立项日期')
      const [row] = await h.rows<{ approved_on: string }>(
        `select approved_on from micro_projects where code = 'XM-7'`,
      )
      expect(row!.approved_on).toBe('2023-11-30')
    })

    it('lists a duplicate of a row that has another error in the same trial, not one problem per round', async () => {
      const header = ['项目编号', '项目名称', '所属乡镇', '安排资金（元）', '状态', '立项日期', '完工日期']
      const result = await run(
        await book({
          微项目: [
            header,
            ['XM-D1', '路灯', '民兴街道', 8000, '已完工', '2023-06-01', '2023-05-01'],
            ['XM-D1', '水池', '民兴街道', 9000, '立项', '2023-06-01', ''],
          ],
        }),
      )
      expect(result.ok).toBe(false)
      expect(result.errors.map((e) => [e.row, e.column, e.message.zh])).toEqual([
        [2, '完工日期', '完工日期早于立项日期'],
        [3, '项目编号', '与第2行重复'],
      ])
    })

    it('names the columns a register needs when the file has no header it knows', async () => {
      const result = await run(Buffer.from('甲,乙\n1,2\n'), 'receptions.csv', 'receptions')
      expect(result.ok).toBe(false)
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]!.message.zh).toMatch(/^未找到表头：.*“接待日期”/)
      expect(result.errors[0]!.message.en).toMatch(/^No header row: .*接待日期/)
    })

    it('warns of a project that spent more than it was allocated, and imports it', async () => {
      const header = [
        '项目编号',
        '项目名称',
        '所属乡镇',
        '安排资金（万元）',
        '已支出（万元）',
        '状态',
        '立项日期',
      ]
      const result = await run(
        await book({
          微项目: [
            header,
            ['XM-S1', '护栏', '民兴街道', 2, 9, '实施中', '2023-05-01'],
            ['XM-S2', '路灯', '民兴街道', 2, 1.5, '实施中', '2023-05-01'],
          ],
        }),
      )
      expect(result.ok, JSON.stringify(result)).toBe(true)
      const spent = result.warnings.filter((w) => w.column === '已支出（万元）')
      expect(spent.map((w) => [w.row, w.message.zh])).toEqual([[2, '已支出大于安排资金，请核对金额和单位']])
    })

    it('warns of a built or standardised station without the dates it is counted by, and imports it', async () => {
      const result = await run(
        await book({
          联络站: [
            ['站点名称', '站点编码', '所属乡镇', '状态', '建成日期', '规范化日期'],
            ['甲站', 'JS-W-1', '民兴街道', '已建成', '', ''],
            ['乙站', 'JS-W-2', '民兴街道', '已规范化', '2021-03-01', ''],
            ['丙站', 'JS-W-3', '民兴街道', '', '', ''], // a blank status reads 已建成
            ['丁站', 'JS-W-4', '民兴街道', '已建成', '2021-03-01', ''],
            ['戊站', 'JS-W-5', '民兴街道', '规划', '', ''],
          ],
          // A sheet without the date columns names them as the template does.
          联络站二: [
            ['站点名称', '站点编码', '所属乡镇', '状态', '类型'],
            ['己站', 'JS-W-6', '民兴街道', '已规范化', '联络站'],
            // An online station is never counted as built: it lacks no date.
            ['庚站', 'JS-W-7', '民兴街道', '已建成', '网上联络站'],
          ],
        }),
      )
      expect(result.ok, JSON.stringify(result)).toBe(true)
      expect(result.warnings.map((w) => [w.sheet, w.row, w.column, w.message.en])).toEqual([
        ['联络站', 2, '建成日期', expect.stringMatching(/^No built date/)],
        ['联络站', 3, '规范化日期', expect.stringMatching(/^Standardised with no standardised date/)],
        ['联络站', 4, '建成日期', expect.stringMatching(/^No built date/)],
        ['联络站二', 2, '建成日期', expect.stringMatching(/^No built date/)],
        ['联络站二', 2, '规范化日期', expect.stringMatching(/^Standardised with no standardised date/)],
      ])
      expect(await count(`stations where code like 'JS-W-%'`)).toBe(7)
    })

    it('imports a figure far above the usual with a warning, and refuses one that cannot be true', async () => {
      const sheets = (visitors: number) => ({
        接待记录: [
          ['接待日期', '联络站', '参加代表人次', '接待群众人次', '记录编号'],
          ['2023-05-06', 'JS-ZZ-001', 2, visitors, 'HUGE-1'],
          ['2023-05-07', 'JS-ZZ-001', 2, 10_000, 'HUGE-2'], // at the usual limit: no warning
        ],
        微项目: [
          ['项目编号', '项目名称', '所属乡镇', '安排资金（万元）', '立项日期'],
          ['XM-BIG', '护坡', '民兴街道', 50_000, '2023-05-01'], // 5亿元: 元 typed in a 万元 column
          ['XM-OK', '护坡二期', '民兴街道', 461, '2023-05-01'],
        ],
      })
      const before = await count('receptions')
      const refused = await run(await book(sheets(2_000_000_000)))
      expect(refused.ok).toBe(false)
      expect(!refused.ok && refused.errors.map((e) => [e.sheet, e.row, e.column, e.message.zh])).toEqual([
        ['接待记录', 2, '接待群众人次', '超过1,000,000，不可能属实，请核对位数'],
      ])
      expect(await count('receptions')).toBe(before)

      const result = await run(await book(sheets(50_000)))
      expect(result.ok, JSON.stringify(result)).toBe(true)
      expect(result.warnings.map((w) => [w.sheet, w.row, w.column, w.message.zh])).toEqual([
        ['接待记录', 2, '接待群众人次', '超过10,000，远大于常见值，请核对位数'],
        ['微项目', 2, '安排资金（万元）', '超过5,000万元，远大于常见值，请核对位数和单位（元或万元）'],
      ])
      expect(await count(`receptions where record_no like 'HUGE-%'`)).toBe(2)
    })

    it('names every error class with its sheet, row and column', async () => {
      const file = await book({
        社情民意: [
          ['登记编号', '登记日期', '联络站', '办理状态', '办结日期', '群众评价'],
          ['E-1', '2023-07-05', 'JS-ZZ-001', '已办结', '2023-07-01', ''],
          ['E-2', '2023-07-05', 'JS-ZZ-001', '办理中', '', '满意'],
          ['E-2', '2023-07-05', 'JS-ZZ-001', '', '', ''],
          ['E-4', '2025-01-01', '不存在站', '', '', ''],
          ['E-5', '2023-07-05', 'JS-ZZ-001', '', '', ''],
          ['E-5', '2023-07-06', 'JS-ZZ-001', '', '', ''],
        ],
        代表述职: [
          ['代表姓名', '述职日期', '满意（票）'],
          ['李四', '明天', '1.5'],
          ['张三', '2023-01-01', -1],
        ],
        微项目: [
          ['项目编号', '项目名称', '安排资金（元）'],
          ['X', 'Y', 1],
        ],
      })
      const report = await run(file)
      expect(report.ok).toBe(false)
      const seen = report.errors.map((e) => `${e.sheet}:${e.row ?? ''}:${e.column}:${e.message.en}`)
      expect(seen).toEqual(
        expect.arrayContaining([
          '社情民意:2:办结日期:Resolved before it was received',
          '社情民意:3:群众评价:Evaluation on an unresolved opinion',
          '社情民意:7:登记编号:Duplicate key (same as row 6)',
          '社情民意:5:登记日期:Date is in the future',
          '社情民意:5:联络站:Unknown station in this county',
          '代表述职:2:述职日期:Not a date (write 2025-06-14, 2025/6/14 or 2025年6月14日)',
          '代表述职:2:满意（票）:Not a whole number (e.g. 12 or 1,259)',
          '代表述职:3:代表姓名:Unknown deputy in this county',
          '代表述职:3:满意（票）:Negative count',
          '微项目:1:所属乡镇:Required column missing: 所属乡镇',
        ]),
      )
      await h.exec(
        `insert into deputies (county_code, code, name, level) values ('520523', 'JS-DB-9', '李四', 'county')`,
      )
      const ambiguous = await run(
        await book({
          代表述职: [
            ['代表姓名', '述职日期'],
            ['李四', '2023-05-05'],
          ],
        }),
      )
      expect(!ambiguous.ok && ambiguous.errors[0]!.message.en).toContain('share this name')
    })

    it('reads a GBK CSV of opinions, and JSON records, with the same keys', async () => {
      const csv = iconv.encode(
        '登记编号\t登记日期\t联络站\r\nGBK-1\t2023.8.1\t民兴街道人大代表联络站\r\n',
        'gbk',
      )
      const report = await run(csv, 'opinions.txt', 'opinions')
      expect(report.ok && report.counts.opinions).toEqual({ inserted: 1, updated: 0, unchanged: 0 })
      const ingest = await ingestRecords(
        h.db,
        'opinions',
        [{ register_no: 'GBK-1', received_on: '2023-08-01', station: 'JS-ZZ-001' }],
        { county: '金沙县', dryRun: false, user: null, today },
      )
      expect(ingest.ok && ingest.counts.opinions).toEqual({ inserted: 0, updated: 0, unchanged: 1 })
    })

    it('imports a filled template of each kind, and never the example row it comes with', async () => {
      for (const kind of [
        'stations',
        'deputies',
        'receptions',
        'opinions',
        'projects',
        'reportbacks',
        'plans',
      ]) {
        const template = await templateFor(kind)
        const upload = async (buffer: Buffer) =>
          importFile(h.db, {
            buffer,
            fileName: `${kind}.xlsx`,
            county: '520523',
            dryRun: false,
            user: null,
            source: 'cli',
            today,
          })
        // As it comes, the template holds no record: its example sheet is skipped, with a warning, and an upload of
        // it is refused as having no rows.
        const unfilled = await upload(template!)
        const written = (r: typeof unfilled) =>
          r.ok ? Object.values(r.counts).reduce((n, c) => n + c.inserted + c.updated, 0) : -1
        expect(
          unfilled.errors.map((e) => e.message.en),
          kind,
        ).toEqual(['No data rows under the header: nothing to import'])
        expect(unfilled.warnings.map((w) => w.sheet)).toContain('填写示例')
        // Filled in with the example's values (copied from the example sheet into the register), it imports.
        const wb = new ExcelJS.Workbook()
        await wb.xlsx.load(template as unknown as ArrayBuffer)
        const [register, example] = wb.worksheets
        expect(register!.getRow(1).cellCount, kind).toBeGreaterThan(3)
        expect(example!.name).toBe('填写示例')
        register!.addRow(example!.getRow(3).values as unknown[])
        const filled = await upload(Buffer.from(await wb.xlsx.writeBuffer()))
        expect(filled.ok, `${kind}: ${JSON.stringify(filled.ok ? '' : filled.errors)}`).toBe(true)
        expect(written(filled), kind).toBeGreaterThan(0)
        expect(filled.warnings.map((w) => w.sheet)).toContain('填写示例')
      }
    })

    it('writes nothing when row 9,999 is wrong, and takes a 100,000-row workbook', {
      timeout: 240_000,
    }, async () => {
      const year = { region: '520523', from: '2022-01-01', to: '2022-12-31', ids: ['receptions', 'visitors'] }
      const before = (await queryMetrics(h.db, year)).data[0]
      const rows = (n: number, bad?: number): Rows => [
        ['接待日期', '联络站', '接待群众人次', '记录编号'],
        ...Array.from({ length: n }, (_, i) => [
          `2022-${String((i % 12) + 1).padStart(2, '0')}-10`,
          'JS-ZZ-001',
          i + 2 === bad ? -3 : 2,
          `BIG-${i}`,
        ]),
      ]
      const refused = await run(await book({ 接待记录: rows(10_000, 9_999) }))
      expect(!refused.ok && refused.errors.map((e) => e.row)).toEqual([9_999])
      expect((await queryMetrics(h.db, year)).data[0]).toEqual(before)
      const receptionsBefore = await count('receptions')
      const big = await run(await book({ 接待记录: rows(100_000) }))
      expect(big.ok && big.counts.receptions).toEqual({ inserted: 100_000, updated: 0, unchanged: 0 })
      expect(await count('receptions')).toBe(receptionsBefore + 100_000)
    })
  })
}
