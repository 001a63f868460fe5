// The export model from the metrics layer: figures, breakdowns and paragraphs all come from @liaison/metrics;
// nothing is computed here but chart takeaways (which pick the highest and lowest of a breakdown).
import type { DbOrTx } from '@liaison/db'
import {
  buildNarrative,
  catalogById,
  percent,
  periodZh,
  queryMetrics,
  rowsOf,
  yuanZh,
} from '@liaison/metrics'
import { sql } from 'drizzle-orm'
import { categoryPieOption, fundingOption, townshipBarOption, trendOption } from './charts/options.ts'
import { showValue } from './format.ts'
import type { ChartSpec, ExportModel, TableColumn } from './model.ts'
import { sectionsOf } from './sections.ts'

export interface ExportSpec {
  region: string
  from: string
  to: string
  watermark?: string | null | undefined
  /** Add one part per township of the region. */
  townships?: boolean | undefined
  /** Fixed in tests; today otherwise. */
  today?: string | undefined
}

const keyIds = [
  'receptions',
  'visitors',
  'opinions_collected',
  'opinions_resolved',
  'resolution_rate',
  'satisfaction_rate',
  'projects',
  'funds_allocated',
  'station_coverage_rate',
  'reportback_rate',
]
const tableIds = [
  'receptions',
  'visitors',
  'opinions_collected',
  'resolution_rate',
  'satisfaction_rate',
  'funds_allocated',
]
const definitionIds = ['resolution_rate', 'satisfaction_rate', 'station_coverage_rate', 'reportback_rate']

const label = (id: string) => catalogById.get(id)!.label.zh
const unitOf = (id: string) => catalogById.get(id)!.unit
const definition = (id: string) => `${label(id)}：${catalogById.get(id)!.formula.zh}`
const numberOr = (v: unknown) =>
  typeof v === 'number' ? v : v === null || v === undefined ? null : Number(v)

/** "最高的是A（85%），最低的是B（76%）"; ties are named together. */
function extremes(rows: { name: string; value: number | null }[], unit: 'rate' | 'count' | 'yuan') {
  const known = rows.filter((r) => r.value !== null) as { name: string; value: number }[]
  if (known.length < 2) return ''
  const values = known.map((r) => r.value)
  const names = (v: number) =>
    known
      .filter((r) => r.value === v)
      .map((r) => r.name)
      .join('、')
  const [hi, lo] = [Math.max(...values), Math.min(...values)]
  if (hi === lo) return `各乡镇（街道）均为${showValue(hi, unit)}`
  return `最高的是${names(hi)}（${showValue(hi, unit)}），最低的是${names(lo)}（${showValue(lo, unit)}）`
}

export async function buildExportModel(db: DbOrTx, spec: ExportSpec): Promise<ExportModel> {
  const [region] = await rowsOf<{ name: string; level: string }>(
    db,
    sql`select name, level from regions where code = ${spec.region}`,
  )
  const regionName = region?.name ?? spec.region
  const isTownship = region?.level === 'township'
  const today = spec.today ?? new Date().toISOString().slice(0, 10)
  const base = { region: spec.region, from: spec.from, to: spec.to }
  const [totals, trend, townships, categories, narrative] = await Promise.all([
    queryMetrics(db, { ...base, ids: keyIds }),
    queryMetrics(db, { ...base, by: 'month', ids: ['receptions', 'opinions_collected', 'resolution_rate'] }),
    queryMetrics(db, { ...base, by: 'township', ids: [...tableIds, 'funds_spent'] }),
    queryMetrics(db, { ...base, by: 'category', ids: ['opinions_collected'] }),
    buildNarrative(db, base),
  ])
  const row = totals.data[0]!
  const period = periodZh(spec.from, spec.to)
  const towns: (Record<string, unknown> & { name: string })[] = townships.data.map((r) => ({
    ...r,
    name: String(r.township_name),
  }))
  const rateDef = [definition('resolution_rate')]
  const cats = categories.data.map((r) => ({
    name: String(r.category_name),
    value: numberOr(r.opinions_collected),
  }))
  const catTotal = cats.reduce((n, c) => n + (c.value ?? 0), 0)
  const topCat = [...cats].sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0]
  const charts: ChartSpec[] = [
    {
      id: 'trend',
      title: '各月接待走访与社情民意办理情况',
      takeaway: `${period}开展接待走访活动${showValue(numberOr(row.receptions), 'count')}次，收集社情民意${showValue(numberOr(row.opinions_collected), 'count')}件`,
      definitions: rateDef,
      option: trendOption(trend.data),
    },
    {
      id: 'categories',
      title: '社情民意分类构成',
      takeaway:
        topCat && catTotal > 0
          ? `${topCat.name}类最多，占${percent((topCat.value ?? 0) / catTotal)}`
          : '本期未收集社情民意',
      definitions: ['社情民意按登记日期统计'],
      option: categoryPieOption(cats),
    },
  ]
  if (!isTownship) {
    const rates = towns.map((t) => ({ name: t.name, value: numberOr(t.resolution_rate) }))
    const money = towns.map((t) => ({
      name: t.name,
      allocated: numberOr(t.funds_allocated),
      spent: numberOr(t.funds_spent),
    }))
    const allocated = money.reduce((n, t) => n + (t.allocated ?? 0), 0)
    const spent = money.reduce((n, t) => n + (t.spent ?? 0), 0)
    charts.push(
      {
        id: 'townships',
        title: '各乡镇（街道）社情民意办结率',
        takeaway: `办结率${extremes(rates, 'rate') || `为${showValue(numberOr(row.resolution_rate), 'rate')}`}`,
        definitions: rateDef,
        option: townshipBarOption(rates, {
          unit: 'rate',
          seriesName: '办结率',
          regionValue: numberOr(row.resolution_rate),
        }),
      },
      {
        id: 'funding',
        title: '各乡镇（街道）民生实事微项目资金',
        takeaway: `安排资金${yuanZh(allocated)}，已支出${yuanZh(spent)}`,
        definitions: [definition('fund_execution_rate')],
        option: fundingOption(money),
      },
    )
  }
  const columns: TableColumn[] = [
    { key: 'name', label: '乡镇（街道）', unit: 'text' },
    ...tableIds.map((id) => ({ key: id, label: label(id), unit: unitOf(id) })),
  ]
  const model: ExportModel = {
    title: isTownship ? regionName : `${regionName}人大代表联络站履职工作情况（${period}）`,
    basis: {
      regionCode: spec.region,
      regionName,
      from: spec.from,
      to: spec.to,
      period,
      cutoff: [spec.to, today].sort()[0]!,
      source: '人大代表联络站履职数据驾驶舱',
      generatedAt: today,
      definitions: definitionIds.map(definition),
    },
    keyFigures: keyIds.map((id) => ({
      id,
      label: label(id),
      unit: unitOf(id),
      value: numberOr(row[id]),
      text: showValue(numberOr(row[id]), unitOf(id)),
    })),
    sections: sectionsOf(narrative.zh),
    charts,
    table: {
      title: '各乡镇（街道）主要指标',
      columns,
      rows: isTownship
        ? []
        : towns.map((t) =>
            Object.fromEntries(columns.map((c) => [c.key, c.key === 'name' ? t.name : numberOr(t[c.key])])),
          ),
    },
    watermark: spec.watermark ?? null,
    townships: [],
  }
  if (spec.townships && !isTownship)
    for (const t of townships.data)
      model.townships.push(
        await buildExportModel(db, { ...spec, region: String(t.township), townships: false, today }),
      )
  return model
}
