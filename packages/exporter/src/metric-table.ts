// Any breakdown of the catalogue's figures as an export table: the data behind a dashboard chart or table.
import { areaLabel, type Dimension } from '@liaison/contracts'
import type { DbOrTx } from '@liaison/db'
import { catalogById, queryMetrics } from '@liaison/metrics'
import type { TableColumn, TableModel } from './model.ts'

const dimensionLabels: Record<Exclude<Dimension, 'area'>, string> = {
  township: '乡镇（街道）',
  station: '联络站（室）',
  month: '月份',
  quarter: '季度',
  year: '年度',
  category: '类别',
  channel: '渠道',
  route: '办理方式',
  kind: '类型',
  level: '层级',
  status: '状态',
}

export async function buildMetricTable(
  db: DbOrTx,
  spec: { region: string; from: string; to: string; by?: Dimension | undefined; ids: string[] },
): Promise<TableModel> {
  const { data } = await queryMetrics(db, spec)
  const by = spec.by
  const byLabel = !by ? null : by === 'area' ? areaLabel(spec.region).zh : dimensionLabels[by]
  const columns: TableColumn[] = [
    ...(by ? [{ key: by, label: byLabel!, unit: 'text' as const }] : []),
    ...spec.ids.map((id) => ({
      key: id,
      label: catalogById.get(id)!.label.zh,
      unit: catalogById.get(id)!.unit,
    })),
  ]
  const rows = data.map((r) =>
    Object.fromEntries(
      columns.map((c) => [
        c.key,
        c.key === by ? String(r[`${by}_name`] ?? r[by]) : r[c.key] === null ? null : Number(r[c.key]),
      ]),
    ),
  )
  const title = by ? `按${byLabel}分列` : '合计'
  return { title, columns, rows }
}
