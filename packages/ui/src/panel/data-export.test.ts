import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { buildComboOption } from '../charts/builders/combo.ts'
import { buildPieOption, buildRadarOption, buildSmallMultiplesOption } from '../charts/builders/shapes.ts'
import { framedOption } from './chart-export.ts'
import {
  basisLines,
  type DataBasis,
  dataCsv,
  dataCsvText,
  dataXlsx,
  nameColumns,
  tableFromOption,
  typedCell,
} from './data-export.ts'

const basis: DataBasis = {
  lang: 'zh',
  title: '各乡镇（街道）社情民意办结率',
  regionName: '金沙县',
  regionCode: '520523',
  period: '2023年',
  from: '2023-01-01',
  to: '2023-12-31',
  cutoff: '2023-12-31',
  source: '人大代表联络站履职数据驾驶舱',
  generatedAt: '2024-01-15',
  definitions: ['办结率：已办结 ÷ 收集社情民意'],
}

const areas = [
  {
    area: '520523001',
    area_name: '鼓场街道',
    name: '鼓场街道',
    opinions_collected: 120,
    resolution_rate: 0.8,
  },
  {
    area: '520523002',
    area_name: '民兴街道',
    name: '民兴街道',
    opinions_collected: 95,
    resolution_rate: null,
  },
]
const areaOption = buildComboOption(areas, 'light', {
  locale: 'zh-CN',
  category: 'name',
  series: [
    { key: 'opinions_collected', name: '收集社情民意', type: 'bar', unit: 'count' },
    { key: 'resolution_rate', name: '办结率', type: 'line', unit: 'rate', axis: 1 },
  ],
})

describe('the data behind a chart', () => {
  it('comes from the option: the dataset rows under the columns the builder declared', () => {
    const table = tableFromOption(areaOption)!
    expect(table.columns.map((c) => [c.key, c.unit])).toEqual([
      ['name', 'text'],
      ['opinions_collected', 'count'],
      ['resolution_rate', 'rate'],
    ])
    expect(table.rows).toHaveLength(2)
    // The area column is named as the region's areas are, with their codes beside it.
    const named = nameColumns(table, 'zh', '乡镇（街道）')
    expect(named.columns.map((c) => c.label)).toEqual(['乡镇（街道）', '区划代码', '收集社情民意', '办结率'])
  })

  it('covers every builder: pie, radar (no dataset) and small multiples (one dataset per group)', () => {
    const pie = tableFromOption(
      buildPieOption([{ name: '代表自行办理', value: 3 }], 'light', { locale: 'zh-CN', unit: 'count' }),
    )!
    expect(pie.rows).toEqual([{ name: '代表自行办理', value: 3 }])
    const radar = tableFromOption(
      buildRadarOption([{ station: 1, name: '甲站', receptions: 4, resolution_rate: 0.5 }], 'light', {
        locale: 'zh-CN',
        nameKey: 'name',
        indicators: [
          { key: 'receptions', name: '接待', max: 4 },
          { key: 'resolution_rate', name: '办结率', max: 1, unit: 'rate' },
        ],
      }),
    )!
    expect(radar.columns.map((c) => c.unit)).toEqual(['text', 'count', 'rate'])
    expect(nameColumns(radar, 'zh', '乡镇（街道）').columns[0]!.label).toBe('站点')
    const multiples = tableFromOption(
      buildSmallMultiplesOption(
        [
          { name: '甲站', rows: [{ month: '2023-01', receptions: 2 }] },
          { name: '乙站', rows: [{ month: '2023-01', receptions: 5 }] },
        ],
        'light',
        { locale: 'zh-CN', value: 'receptions', unit: 'count', valueLabel: '接待走访活动' },
      ),
    )!
    expect(multiples.rows).toEqual([
      { series: '甲站', month: '2023-01', receptions: 2 },
      { series: '乙站', month: '2023-01', receptions: 5 },
    ])
  })

  it('types cells: numbers, rates as fractions, months and dates as dates, codes as text', () => {
    expect(typedCell('1259', 'count')).toBe(1259)
    expect(typedCell(0.797, 'rate')).toBe(0.797)
    expect(typedCell('2023-06', 'month')).toEqual(new Date(Date.UTC(2023, 5, 1)))
    expect(typedCell('2023-06-14', 'date')).toEqual(new Date(Date.UTC(2023, 5, 14)))
    expect(typedCell('520523001', 'code')).toBe('520523001')
    expect(typedCell(null, 'count')).toBeNull()
  })
})

describe('the XLSX', () => {
  it('states the 口径 above a frozen header, with typed cells and rates in a % format', async () => {
    const table = nameColumns(
      {
        columns: [
          { key: 'month', label: '', unit: 'month' },
          ...tableFromOption(areaOption)!.columns.slice(1),
        ],
        rows: [
          { month: '2023-01', opinions_collected: 1259, resolution_rate: 0.797 },
          { month: '2023-02', opinions_collected: 0, resolution_rate: null },
        ],
      },
      'zh',
      '乡镇（街道）',
    )
    const blob = await dataXlsx(table, basis)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await blob.arrayBuffer())
    const sheet = book.worksheets[0]!
    expect(sheet.name).toBe(basis.title)
    const texts = [1, 2, 3, 4, 5, 6].map((r) => String(sheet.getCell(r, 1).value))
    expect(texts[0]).toBe(basis.title)
    expect(texts).toContain('地区：金沙县（520523）')
    expect(texts).toContain('时段：2023年，2023-01-01至2023-12-31')
    // A quarter's twelve-month trend names its own span, not followed by the quarter's dates.
    const trailing = { ...basis, period: '2024-07-01 至 2025-06-30', from: '2025-04-01', to: '2025-06-30' }
    expect(basisLines(trailing)[1]).toBe('时段：2024-07-01 至 2025-06-30')
    const english = { ...trailing, lang: 'en' as const, period: '2024-07-01 to 2025-06-30' }
    expect(basisLines(english)[1]).toBe('Period: 2024-07-01 to 2025-06-30')
    expect(texts).toContain('数据截至：2023-12-31')
    expect(texts.some((t) => t.startsWith('数据来源：人大代表联络站履职数据驾驶舱'))).toBe(true)
    expect(texts).toContain('指标口径：办结率：已办结 ÷ 收集社情民意')
    const headerRow = 8
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow })
    expect(sheet.getRow(headerRow).values).toEqual([undefined, '月份', '收集社情民意', '办结率'])
    const first = sheet.getRow(headerRow + 1)
    expect(first.getCell(1).value).toEqual(new Date(Date.UTC(2023, 0, 1)))
    expect(first.getCell(1).numFmt).toBe('yyyy-mm')
    expect(first.getCell(2).value).toBe(1259)
    expect(first.getCell(2).numFmt).toBe('#,##0')
    expect(first.getCell(3).value).toBe(0.797)
    expect(first.getCell(3).numFmt).toBe('0.0%')
    // No rate is an empty cell, not a zero.
    expect(sheet.getRow(headerRow + 2).getCell(3).value).toBeNull()
    expect(book.getWorksheet('口径')!.getCell(2, 1).value).toBe('地区：金沙县（520523）')
  })
})

describe('the CSV', () => {
  it('is UTF-8 with a BOM, the 口径 on top, rates as percentages', async () => {
    const table = nameColumns(tableFromOption(areaOption)!, 'zh', '乡镇（街道）')
    const bytes = new Uint8Array(await dataCsv(table, basis).arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = dataCsvText(table, basis).split('\r\n')
    expect(lines[0]).toBe(basis.title)
    expect(lines).toContain('地区：金沙县（520523）')
    expect(lines).toContain('指标口径：办结率：已办结 ÷ 收集社情民意')
    const header = lines.indexOf('乡镇（街道）,区划代码,收集社情民意,办结率')
    expect(header).toBeGreaterThan(0)
    expect(lines[header + 1]).toBe('鼓场街道,520523001,120,80%')
    expect(lines[header + 2]).toBe('民兴街道,520523002,95,')
  })
})

describe("a panel's note", () => {
  it('is written under the 口径 of the CSV and the XLSX, above the rows', async () => {
    const note = '各月办结率按期末的办理状态计算，近期收集的尚在办理中：12月收集的40件中有15件未办结。'
    const table = nameColumns(tableFromOption(areaOption)!, 'zh', '乡镇（街道）')
    const lines = dataCsvText(table, { ...basis, note }).split('\r\n')
    const header = lines.indexOf('乡镇（街道）,区划代码,收集社情民意,办结率')
    expect(lines.indexOf(`说明：${note}`)).toBeGreaterThan(0)
    expect(lines.indexOf(`说明：${note}`)).toBeLessThan(header)
    expect(dataCsvText(table, basis)).not.toContain('说明')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await (await dataXlsx(table, { ...basis, note })).arrayBuffer())
    const column = book.worksheets[0]!.getColumn(1).values.map(String)
    expect(column).toContain(`说明：${note}`)
    expect(column.indexOf(`说明：${note}`)).toBeLessThan(column.indexOf('乡镇（街道）'))
    const english = basisLines({ ...basis, lang: 'en', note: 'Recent months read lower.' })
    expect(english.at(-1)).toBe('Note: Recent months read lower.')
  })
})

describe("a ranking table's export", () => {
  const shown = {
    columns: [
      { key: 'rank', label: '', unit: 'count' as const },
      { key: 'name', label: '', unit: 'text' as const },
      { key: 'receptions', label: '接待走访活动', unit: 'count' as const },
      { key: 'funds_allocated', label: '安排资金', unit: 'yuan' as const },
    ],
    rows: [
      { rank: 1, area: '520523005', name: '民兴街道', receptions: 76, funds_allocated: 36000 },
      { rank: 2, area: '520523004', name: '鼓场街道', receptions: 66, funds_allocated: 0 },
      { name: '县均', receptions: 31.653846153846153, funds_allocated: 20000.004 },
    ],
  }

  it('names the rank and area columns, adds the codes, and writes averages to the decimals shown', async () => {
    const table = nameColumns(shown, 'zh', '乡镇（街道）')
    const lines = dataCsvText(table, basis).split('\r\n')
    const header = lines.indexOf('排名,乡镇（街道）,区划代码,接待走访活动,安排资金（元）')
    expect(header).toBeGreaterThan(0)
    expect(lines.slice(header + 1, header + 4)).toEqual([
      '1,民兴街道,520523005,76,36000',
      '2,鼓场街道,520523004,66,0',
      ',县均,,31.7,20000',
    ])
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await (await dataXlsx(table, basis)).arrayBuffer())
    const foot = book.worksheets[0]!.getRow(header + 4)
    expect(foot.getCell(4).value).toBeCloseTo(31.654, 3)
    expect(foot.getCell(4).numFmt).toBe('#,##0.0')
    expect(book.worksheets[0]!.getRow(header + 2).getCell(4).numFmt).toBe('#,##0')
  })
})

describe('the framed image', () => {
  it('carries the definitions in its footer and the watermark when one is chosen', () => {
    const frame = {
      title: 't',
      subtitle: 's',
      footer: ['口径：金沙县', '指标口径：办结率：已办结 ÷ 收集社情民意', '数据来源：…'],
      background: '#fff',
      textColour: '#000',
      mutedColour: '#666',
    }
    const plain = framedOption(areaOption, frame)
    const titles = (plain.title as { text: string }[]).map((t) => t.text)
    expect(titles).toContain('指标口径：办结率：已办结 ÷ 收集社情民意')
    expect(plain.graphic).toBeUndefined()
    const marked = framedOption(areaOption, { ...frame, watermark: '金沙县人大常委会' })
    const tiles = marked.graphic as { style: { text: string } }[]
    expect(tiles.length).toBeGreaterThan(1)
    expect(tiles.every((t) => t.style.text === '金沙县人大常委会')).toBe(true)
  })

  const frame = {
    title: 't',
    subtitle: 's',
    footer: ['口径', '来源'],
    background: '#fff',
    textColour: '#000',
    mutedColour: '#666',
  }
  // 960 × 540: a 64-px header, two footer lines (52 px).
  const [head, footer] = [64, 52]

  it('keeps a ring clear of its title and footer: the legend at the bottom above the footer, the ring between', () => {
    const pie = buildPieOption(
      [
        { name: '代表自行办理', value: 3 },
        { name: '部门联动解决', value: 2 },
      ],
      'light',
      { locale: 'zh-CN', unit: 'count' },
    )
    const framed = framedOption(pie, frame)
    const legend = framed.legend as { top?: unknown; bottom: number }
    expect(legend.top).toBeUndefined()
    expect(legend.bottom).toBe(footer)
    const ring = (framed.series as { center: [string, number]; radius: string[] }[])[0]!
    // Its centre halfway between the header and the legend's row, its outer radius (of 270 px) inside that band.
    const band = 540 - head - footer - 28
    expect(ring.center[1]).toBe(head + band / 2)
    expect((Number.parseFloat(ring.radius[1]!) / 100) * 270).toBeLessThan(band / 2)
  })

  it("keeps a small multiple's names over its cells, every cell in the band between header and footer", () => {
    const rows = [
      { month: '2025-01', receptions: 1 },
      { month: '2025-02', receptions: 2 },
    ]
    const multiples = buildSmallMultiplesOption(
      ['甲站', '乙站', '丙站'].map((name) => ({ name, rows })),
      'light',
      { locale: 'zh-CN', unit: 'count', value: 'receptions', columns: 3 },
    )
    const framed = framedOption(multiples, frame)
    const titles = (framed.title as { text: string; top: number }[]).filter((t) => t.text.endsWith('站'))
    expect(titles.map((t) => t.text)).toEqual(['甲站', '乙站', '丙站'])
    for (const cell of [...titles, ...(framed.grid as { top: number; height: number }[])]) {
      expect(cell.top).toBeGreaterThanOrEqual(head)
      expect(cell.top + ('height' in cell ? cell.height : 0)).toBeLessThanOrEqual(540 - footer)
    }
  })
})
