// A small export model with 金沙县's published 2023 figures, for tests and previews without a database.
import { categoryPieOption, fundingOption, townshipBarOption, trendOption } from './charts/options.ts'
import type { ChartSpec, ExportModel } from './model.ts'

const townships = [
  {
    name: '民兴街道',
    receptions: 96,
    visitors: 180,
    opinions: 120,
    rate: 0.85,
    allocated: 60_000,
    spent: 52_000,
  },
  {
    name: '鼓场街道',
    receptions: 88,
    visitors: 161,
    opinions: 111,
    rate: 0.81,
    allocated: 50_000,
    spent: 30_000,
  },
  {
    name: '平坝镇',
    receptions: 75,
    visitors: 140,
    opinions: 95,
    rate: 0.76,
    allocated: 40_000,
    spent: 40_000,
  },
  {
    name: '后山镇',
    receptions: 70,
    visitors: 128,
    opinions: 90,
    rate: 0.8,
    allocated: 30_000,
    spent: 12_000,
  },
]

const months = Array.from({ length: 12 }, (_, i) => ({
  month: `2023-${String(i + 1).padStart(2, '0')}`,
  receptions: 50 + ((i * 7) % 13),
  opinions_collected: 65 + ((i * 5) % 11),
  resolution_rate: 0.7 + (i % 4) * 0.05,
}))

export function fixtureCharts(): ChartSpec[] {
  return [
    {
      id: 'trend',
      title: '各月接待走访与社情民意办理情况',
      takeaway: '全年开展接待走访活动685次，收集社情民意853件。',
      definitions: ['办结率：已办结 ÷ 收集社情民意'],
      option: trendOption(months),
    },
    {
      id: 'townships',
      title: '各乡镇（街道）社情民意办结率',
      takeaway: '办结率最高的是民兴街道（85%），最低的是平坝镇（76%）。',
      definitions: ['办结率：已办结 ÷ 收集社情民意'],
      option: townshipBarOption(
        townships.map((t) => ({ name: t.name, value: t.rate })),
        { unit: 'rate', seriesName: '办结率', regionValue: 680 / 853, regionName: '县均' },
      ),
    },
    {
      id: 'categories',
      title: '社情民意分类构成',
      takeaway: '道路交通类最多，占28.1%。',
      definitions: ['按登记日期统计'],
      option: categoryPieOption([
        { name: '道路交通', value: 240 },
        { name: '农村饮水', value: 160 },
        { name: '环境卫生', value: 120 },
        { name: '医疗卫生', value: 90 },
        { name: '其他', value: 243 },
      ]),
    },
    {
      id: 'funding',
      title: '各乡镇（街道）民生实事微项目资金',
      takeaway: '安排资金18万元，已支出13.4万元。',
      definitions: ['资金执行率：已支出 ÷ 安排资金'],
      option: fundingOption(townships.map((t) => ({ name: t.name, allocated: t.allocated, spent: t.spent }))),
    },
  ]
}

export function fixtureModel(withTownships = false): ExportModel {
  const basis = {
    lang: 'zh' as const,
    regionCode: '520523',
    regionName: '金沙县',
    from: '2023-01-01',
    to: '2023-12-31',
    period: '2023年',
    cutoff: '2023-12-31',
    source: '人大代表联络站履职数据驾驶舱（演示数据）',
    generatedAt: '2024-01-15',
    definitions: ['办结率：已办结 ÷ 收集社情民意', '满意率：（满意+基本满意）÷ 已评价'],
  }
  const model: ExportModel = {
    title: '金沙县人大代表联络站履职工作情况（2023年）',
    basis,
    keyFigures: [
      { id: 'receptions', label: '接待走访活动', unit: 'count', value: 685, text: '685' },
      { id: 'visitors', label: '接待群众', unit: 'people', value: 1259, text: '1,259' },
      { id: 'opinions_collected', label: '收集社情民意', unit: 'count', value: 853, text: '853' },
      { id: 'resolution_rate', label: '办结率', unit: 'rate', value: 680 / 853, text: '79.7%' },
      { id: 'funds_allocated', label: '安排资金', unit: 'yuan', value: 370_000, text: '37万元' },
    ],
    sections: [
      {
        id: 'receptions',
        heading: '接待走访与社情民意办理',
        paragraphs: [
          '2023年，全县人大代表联络站（室）共开展接待走访活动685次，接待群众1,259人次，收集社情民意853件，办结680件，办结率79.7%。',
        ],
      },
      { id: 'satisfaction', heading: '群众满意度', paragraphs: ['已评价的505件中，群众满意率100%。'] },
    ],
    charts: fixtureCharts(),
    table: {
      title: '各乡镇（街道）主要指标',
      columns: [
        { key: 'name', label: '乡镇（街道）', unit: 'text' },
        { key: 'receptions', label: '接待走访活动', unit: 'count' },
        { key: 'visitors', label: '接待群众', unit: 'people' },
        { key: 'opinions', label: '收集社情民意', unit: 'count' },
        { key: 'rate', label: '办结率', unit: 'rate' },
        { key: 'allocated', label: '安排资金', unit: 'yuan' },
      ],
      rows: townships.map(({ name, receptions, visitors, opinions, rate, allocated }) => ({
        name,
        receptions,
        visitors,
        opinions,
        rate,
        allocated,
      })),
    },
    watermark: null,
    townships: [],
  }
  if (withTownships)
    model.townships = townships.slice(0, 2).map((t) => ({
      ...model,
      title: t.name,
      basis: { ...basis, regionName: t.name },
      charts: model.charts.slice(0, 1),
      table: { ...model.table, rows: [] },
      sections: [
        {
          id: 'receptions',
          heading: '工作情况',
          paragraphs: [`${t.name}开展接待走访活动${t.receptions}次。`],
        },
      ],
      townships: [],
    }))
  return model
}
