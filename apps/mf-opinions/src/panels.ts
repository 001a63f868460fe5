// The opinions module's charts as pure functions of its data (no Vue here): one spec per panel.
import type { ModuleData } from '@liaison/contracts'
import {
  buildComboOption,
  buildTrendOption,
  type ChartTheme,
  enumLabel,
  type Locale,
  listedSelf,
  type MetricRow,
  type PanelSpec,
} from '@liaison/ui'
import {
  areaReference,
  buildFunnelOption,
  buildPieOption,
  hasValues,
  legibleReferences,
  trendSpan,
} from '@liaison/ui/builders'
import { opinionCategories, opinionChannels, opinionRoutes } from '@liaison/ui/enums'

type OpinionsData = ModuleData<'opinions'>

/** The funnel's stages and the figure each shows (metric ids of the catalogue, all as at the period's end). */
const stageFigures = [
  ['collected', 'opinions_collected'],
  ['replied', 'opinions_replied'],
  ['resolved', 'opinions_resolved'],
  ['evaluated', 'opinions_evaluated'],
] as const

/**
 * The funnel 收集 → 答复 → 办结 → 评价: the opinions collected in the period and, of them, those replied, resolved and
 * evaluated by its end — the figures of the KPI cards above it. 上报 and 办理 are register steps that no
 * figure in the catalogue defines.
 */
export function funnelStages(totals: MetricRow | undefined) {
  return stageFigures.map(([status, id]) => ({ status, value: Number(totals?.[id] ?? 0) }))
}

type T = (key: string) => string

const named = (rows: MetricRow[], key: string, label: (v: unknown) => string): MetricRow[] =>
  rows.map((r) => ({ ...r, name: label(r[key]) }))

export function opinionPanels(data: OpinionsData, theme: ChartTheme, locale: Locale, t: T): PanelSpec[] {
  const b = data.breakdowns
  const current = listedSelf(data.meta)
  const towns = b.areas.map((r): MetricRow => ({ ...r, name: String(r.area_name) }))
  const base = { locale }
  // A month or a quarter: its months in the twelve up to it, as the API reads them.
  const span = trendSpan(data.meta, locale)
  const stages = funnelStages(b.funnel[0])
  const categories = named(b.categories, 'category', (v) => enumLabel(opinionCategories, v, locale)).sort(
    (a, b) => Number(b.opinions_collected) - Number(a.opinions_collected),
  )
  const channels = named(b.channels, 'channel', (v) => enumLabel(opinionChannels, v, locale))
  const routes = b.routes.map((r) => ({
    name: r.route ? enumLabel(opinionRoutes, r.route, locale) : t('unassigned'),
    value: r.opinions_collected as number | null,
  }))
  return [
    {
      id: 'opinions-funnel',
      title: t('funnel'),
      empty: stages[0]!.value === 0,
      option: buildFunnelOption(
        stages.map((s) => ({ name: t(`stages.${s.status}`), value: s.value })),
        theme,
        { ...base, unit: 'count', nameLabel: t('columns.stage'), valueLabel: t('columns.opinions') },
      ),
    },
    {
      id: 'opinions-categories',
      table: { ids: ['opinions_collected'], by: 'category' },
      title: t('categories'),
      empty: categories.length === 0,
      rows: categories.length,
      option: buildComboOption(categories, theme, {
        ...base,
        category: 'name',
        categoryLabel: t('columns.category'),
        horizontal: true,
        series: [{ key: 'opinions_collected', name: t('series.collected'), type: 'bar', unit: 'count' }],
      }),
    },
    {
      id: 'opinions-channels',
      table: { ids: ['opinions_collected', 'opinions_replied'], by: 'channel' },
      title: t('channels'),
      empty: channels.length === 0,
      option: buildComboOption(channels, theme, {
        ...base,
        category: 'name',
        categoryLabel: t('columns.channel'),
        series: [
          { key: 'opinions_collected', name: t('series.collected'), type: 'bar', unit: 'count' },
          { key: 'opinions_replied', name: t('series.replied'), type: 'bar', unit: 'count' },
        ],
      }),
    },
    {
      id: 'opinions-routes',
      title: t('routes'),
      empty: routes.length === 0,
      option: buildPieOption(routes, theme, {
        ...base,
        unit: 'count',
        nameLabel: t('columns.route'),
        valueLabel: t('columns.opinions'),
      }),
    },
    {
      id: 'opinions-timeliness',
      areas: true,
      table: { ids: ['median_days_to_resolve', 'timely_rate'], by: 'area' },
      title: t('timeliness'),
      empty: !hasValues(towns, ['median_days_to_resolve', 'timely_rate']),
      wide: true,
      option: buildComboOption(towns, theme, {
        ...base,
        category: 'name',
        current,
        series: [
          { key: 'median_days_to_resolve', name: t('series.median'), type: 'bar', unit: 'days' },
          { key: 'p90_days_to_resolve', name: t('series.p90'), type: 'bar', unit: 'days' },
          { key: 'timely_rate', name: t('series.timely'), type: 'line', unit: 'rate', axis: 1 },
        ],
        // The median of the county's opinions, not an average of the townships' medians: 全县, not 县均.
        references: legibleReferences(
          areaReference(
            data.meta.areasOf,
            b.areasTotal[0],
            'median_days_to_resolve',
            'days',
            locale,
            'whole',
          ),
          theme,
        ),
      }),
    },
    {
      id: 'opinions-backlog',
      areas: true,
      table: { ids: ['backlog', 'overdue'], by: 'area' },
      title: t('backlog'),
      empty: !hasValues(towns, ['backlog', 'overdue']),
      wide: true,
      option: buildComboOption(
        [...towns].sort((a, b) => Number(b.backlog) - Number(a.backlog)),
        theme,
        {
          ...base,
          category: 'name',
          current,
          series: [
            { key: 'backlog', name: t('series.backlog'), type: 'bar', unit: 'count' },
            { key: 'overdue', name: t('series.overdue'), type: 'bar', unit: 'count' },
          ],
        },
      ),
    },
    {
      id: 'opinions-satisfaction',
      areas: true,
      table: { ids: ['opinions_evaluated', 'satisfaction_rate'], by: 'area' },
      title: t('satisfaction'),
      empty: !hasValues(towns, ['satisfaction_rate']),
      option: buildComboOption(
        [...towns].sort((a, b) => Number(b.satisfaction_rate ?? -1) - Number(a.satisfaction_rate ?? -1)),
        theme,
        {
          ...base,
          category: 'name',
          current,
          series: [
            { key: 'satisfaction_rate', name: t('series.satisfaction'), type: 'bar', unit: 'rate' },
            { key: 'strict_satisfaction_rate', name: t('series.strict'), type: 'line', unit: 'rate' },
          ],
          references: legibleReferences(
            areaReference(data.meta.areasOf, b.areasTotal[0], 'satisfaction_rate', 'rate', locale),
            theme,
          ),
        },
      ),
    },
    {
      id: 'opinions-satisfaction-trend',
      period: span.label,
      table: { ids: ['opinions_collected', 'satisfaction_rate'], by: 'month' },
      title: t('satisfactionTrend'),
      empty: b.months.length === 0,
      option: buildTrendOption(b.months, theme, {
        ...base,
        period: span.period,
        series: [
          { key: 'opinions_collected', name: t('series.collected'), type: 'bar', unit: 'count' },
          { key: 'satisfaction_rate', name: t('series.satisfaction'), type: 'line', unit: 'rate', axis: 1 },
        ],
      }),
    },
  ]
}
