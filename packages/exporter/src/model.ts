// What a work-conference report holds, assembled from the metrics layer (no figure is computed here).
import type { DbOrTx } from '@liaison/db'
import {
  buildNarrative,
  catalogById,
  count,
  percent,
  periodZh,
  queryMetrics,
  rowsOf,
  yuanZh,
} from '@liaison/metrics'
import { sql } from 'drizzle-orm'
import { renderSvg, svgToPng, townshipRateOption, trendOption } from './charts.ts'

export interface ReportModel {
  title: string
  regionName: string
  period: string
  /** 口径: region, period, cut-off date and the definitions used, printed with every figure. */
  basis: string
  keyFigures: { label: string; value: string }[]
  paragraphs: string[]
  charts: { caption: string; png: Buffer; width: number; height: number }[]
  table: { header: string[]; rows: string[][] }
  watermark: string | null
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

function show(id: string, value: unknown): string {
  if (value === null || value === undefined) return '—'
  const unit = catalogById.get(id)?.unit
  const n = Number(value)
  if (unit === 'rate') return percent(n)
  if (unit === 'yuan') return yuanZh(n)
  return count(n)
}

export async function buildReportModel(
  db: DbOrTx,
  spec: { region: string; from: string; to: string; watermark?: string | null },
): Promise<ReportModel> {
  const [region] = await rowsOf<{ name: string }>(
    db,
    sql`select name from regions where code = ${spec.region}`,
  )
  const regionName = region?.name ?? spec.region
  const period = periodZh(spec.from, spec.to)
  const base = { region: spec.region, from: spec.from, to: spec.to }
  const [totals, trend, townships, narrative] = await Promise.all([
    queryMetrics(db, { ...base, ids: keyIds }),
    queryMetrics(db, { ...base, by: 'month', ids: ['receptions', 'opinions_collected', 'resolution_rate'] }),
    queryMetrics(db, { ...base, by: 'township', ids: tableIds }),
    buildNarrative(db, base),
  ])
  const row = totals.data[0]!
  const subtitle = `${regionName} · ${period} · 数据来源：人大代表联络站履职平台`
  const chart = (caption: string, option: Parameters<typeof renderSvg>[0]) => ({
    caption,
    png: svgToPng(renderSvg(option, 800, 420), 2),
    width: 800,
    height: 420,
  })
  return {
    title: `${regionName}人大代表联络站履职工作情况（${period}）`,
    regionName,
    period,
    basis: `口径：${regionName}，${spec.from}至${spec.to}，数据截至${spec.to}。社情民意按登记日期统计，办结指期末前办结；办结率=办结÷收集；满意率=（满意+基本满意）÷已评价；资金单位为元。演示数据仅供示意。`,
    keyFigures: keyIds.map((id) => ({ label: catalogById.get(id)!.label.zh, value: show(id, row[id]) })),
    paragraphs: narrative.zh.split(/(?<=。)/).filter(Boolean),
    charts: [
      chart(
        '各月接待走访与社情民意办理情况',
        trendOption(trend.data as never, '各月接待走访与社情民意办理', subtitle),
      ),
      chart(
        '各乡镇（街道）社情民意办结率',
        townshipRateOption(
          townships.data.map((r) => ({
            name: String(r.township_name),
            value: r.resolution_rate as number | null,
          })),
          '各乡镇（街道）办结率',
          subtitle,
          row.resolution_rate as number | null,
        ),
      ),
    ],
    table: {
      header: ['乡镇（街道）', ...tableIds.map((id) => catalogById.get(id)!.label.zh)],
      rows: townships.data.map((r) => [String(r.township_name), ...tableIds.map((id) => show(id, r[id]))]),
    },
    watermark: spec.watermark ?? null,
  }
}
