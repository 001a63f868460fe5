// Any breakdown of the catalogue's figures as an export table: the data behind a dashboard chart or table, in the
// export's language, with the areas' division codes and, when compared, each figure's previous value and change.
import { areaLabel, type CompareMode, type Dimension } from '@liaison/contracts'
import { roundPercent } from '@liaison/contracts/percent'
import type { DbOrTx } from '@liaison/db'
import { catalogById, hasRecords, isEventFigure, queryMetrics, recordIds } from '@liaison/metrics'
import type { TableColumn, TableModel } from './model.ts'
import type { Lang } from './texts.ts'

const dimensionLabels: Record<Exclude<Dimension, 'area'>, { zh: string; en: string }> = {
  township: { zh: '乡镇（街道）', en: 'Township' },
  station: { zh: '联络站（室）', en: 'Station' },
  month: { zh: '月份', en: 'Month' },
  quarter: { zh: '季度', en: 'Quarter' },
  year: { zh: '年度', en: 'Year' },
  category: { zh: '类别', en: 'Category' },
  channel: { zh: '渠道', en: 'Channel' },
  route: { zh: '办理方式', en: 'Route' },
  kind: { zh: '类型', en: 'Kind' },
  level: { zh: '层级', en: 'Level' },
  status: { zh: '状态', en: 'Status' },
}

/** The breakdowns whose rows are divisions: their codes go beside their names, so the file joins other registers. */
const divisions = new Set<Dimension>(['area', 'township'])

const compared = {
  yoy: { previous: { zh: '上年同期', en: 'year before' }, change: { zh: '同比', en: 'YoY' } },
  mom: { previous: { zh: '上期', en: 'period before' }, change: { zh: '环比', en: 'PoP' } },
}

export async function buildMetricTable(
  db: DbOrTx,
  spec: {
    region: string
    from: string
    to: string
    by?: Dimension | undefined
    ids: string[]
    compare?: CompareMode | undefined
    lang?: Lang | undefined
  },
): Promise<TableModel> {
  const lang = spec.lang ?? 'zh'
  // As the cards: a period without any record in the event registers compares none of their figures (its zeros are
  // registers not yet imported, not a fall of 100 %).
  const [{ data }, recorded] = await Promise.all([
    queryMetrics(db, spec),
    spec.compare && spec.ids.some(isEventFigure)
      ? queryMetrics(db, { region: spec.region, from: spec.from, to: spec.to, ids: recordIds }).then((r) =>
          hasRecords(r.data[0] ?? {}),
        )
      : true,
  ])
  const by = spec.by
  const byLabel = !by ? null : by === 'area' ? areaLabel(spec.region)[lang] : dimensionLabels[by][lang]
  const words = spec.compare ? compared[spec.compare] : null
  const columns: TableColumn[] = [
    ...(by ? [{ key: by, label: byLabel!, unit: 'text' as const }] : []),
    ...(by && divisions.has(by)
      ? [{ key: `${by}__code`, label: lang === 'en' ? 'Division code' : '区划代码', unit: 'code' as const }]
      : []),
    ...spec.ids.flatMap((id) => {
      const metric = catalogById.get(id)!
      const label = metric.label[lang]
      if (!words) return [{ key: id, label, unit: metric.unit }]
      // A count's change is relative (12.3%); a rate's in percentage points, as on the cards.
      const change = metric.unit === 'rate' ? ('points' as const) : ('rate' as const)
      return [
        { key: id, label, unit: metric.unit },
        {
          key: `${id}__previous`,
          label: lang === 'en' ? `${label}, ${words.previous.en}` : `${label}（${words.previous.zh}）`,
          unit: metric.unit,
        },
        {
          key: `${id}__change`,
          label: lang === 'en' ? `${label}, ${words.change.en}` : `${label}（${words.change.zh}）`,
          unit: change,
        },
      ]
    }),
  ]
  const cell = (r: Record<string, unknown>, key: string) => {
    if (by && key === by) return String(r[`${by}_name`] ?? r[by])
    if (by && key === `${by}__code`) return String(r[by])
    const value = r[key]
    if (!recorded && /__(previous|change)$/.test(key) && isEventFigure(key.replace(/__\w+$/, ''))) return null
    if (value === null || value === undefined) return null
    // Points as numbers of points (3.2), not a fraction a spreadsheet would show as 3.2%.
    return key.endsWith('__change') && catalogById.get(key.slice(0, -'__change'.length))?.unit === 'rate'
      ? roundPercent(Number(value))
      : Number(value)
  }
  const rows = data.map((r) => Object.fromEntries(columns.map((c) => [c.key, cell(r, c.key)])))
  const title = by
    ? lang === 'en'
      ? `By ${byLabel!.toLowerCase()}`
      : `按${byLabel}分列`
    : lang === 'en'
      ? 'Totals'
      : '合计'
  return { title, columns, rows }
}
