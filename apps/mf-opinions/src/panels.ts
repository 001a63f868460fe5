// The opinions module's charts as pure functions of its data (no Vue here): one spec per panel.
import {
  buildComboOption,
  buildFunnelOption,
  buildPieOption,
  buildTrendOption,
  type ChartTheme,
  enumLabel,
  type Locale,
  type MetricRow,
  opinionCategories,
  opinionChannels,
  opinionRoutes,
} from '@liaison/ui'
import { funnelStages, type OpinionsData } from './load.ts'

export interface PanelSpec {
  id: string
  title: string
  option: Record<string, unknown>
  empty: boolean
  wide?: boolean
}

type T = (key: string) => string

const named = (rows: MetricRow[], key: string, label: (v: unknown) => string): MetricRow[] =>
  rows.map((r) => ({ ...r, name: label(r[key]) }))

export function opinionPanels(data: OpinionsData, theme: ChartTheme, locale: Locale, t: T): PanelSpec[] {
  const towns = named(data.byTownship, 'township', () => '').map(
    (r): MetricRow => ({ ...r, name: String(r.township_name) }),
  )
  const base = { locale }
  const stages = funnelStages(data.byStatus, data.totals.opinions_evaluated as number | null)
  const categories = named(data.byCategory, 'category', (v) => enumLabel(opinionCategories, v, locale)).sort(
    (a, b) => Number(b.opinions_collected) - Number(a.opinions_collected),
  )
  const channels = named(data.byChannel, 'channel', (v) => enumLabel(opinionChannels, v, locale))
  const routes = data.byRoute.map((r) => ({
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
        { ...base, unit: 'count' },
      ),
    },
    {
      id: 'opinions-categories',
      title: t('categories'),
      empty: categories.length === 0,
      option: buildComboOption(categories, theme, {
        ...base,
        category: 'name',
        horizontal: true,
        series: [{ key: 'opinions_collected', name: t('series.collected'), type: 'bar', unit: 'count' }],
      }),
    },
    {
      id: 'opinions-channels',
      title: t('channels'),
      empty: channels.length === 0,
      option: buildComboOption(channels, theme, {
        ...base,
        category: 'name',
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
      option: buildPieOption(routes, theme, { ...base, unit: 'count' }),
    },
    {
      id: 'opinions-timeliness',
      title: t('timeliness'),
      empty: towns.length === 0,
      wide: true,
      option: buildComboOption(towns, theme, {
        ...base,
        category: 'name',
        series: [
          { key: 'median_days_to_resolve', name: t('series.median'), type: 'bar', unit: 'days' },
          { key: 'p90_days_to_resolve', name: t('series.p90'), type: 'bar', unit: 'days' },
          { key: 'timely_rate', name: t('series.timely'), type: 'line', unit: 'rate', axis: 1 },
        ],
      }),
    },
    {
      id: 'opinions-backlog',
      title: t('backlog'),
      empty: towns.length === 0,
      wide: true,
      option: buildComboOption(
        [...towns].sort((a, b) => Number(b.backlog) - Number(a.backlog)),
        theme,
        {
          ...base,
          category: 'name',
          series: [
            { key: 'backlog', name: t('series.backlog'), type: 'bar', unit: 'count' },
            { key: 'overdue', name: t('series.overdue'), type: 'bar', unit: 'count' },
          ],
        },
      ),
    },
    {
      id: 'opinions-satisfaction',
      title: t('satisfaction'),
      empty: towns.length === 0,
      option: buildComboOption(
        [...towns].sort((a, b) => Number(b.satisfaction_rate ?? -1) - Number(a.satisfaction_rate ?? -1)),
        theme,
        {
          ...base,
          category: 'name',
          series: [
            { key: 'satisfaction_rate', name: t('series.satisfaction'), type: 'bar', unit: 'rate' },
            { key: 'strict_satisfaction_rate', name: t('series.strict'), type: 'line', unit: 'rate' },
          ],
        },
      ),
    },
    {
      id: 'opinions-satisfaction-trend',
      title: t('satisfactionTrend'),
      empty: data.byMonth.length === 0,
      option: buildTrendOption(data.byMonth, theme, {
        ...base,
        series: [
          { key: 'opinions_collected', name: t('series.collected'), type: 'bar', unit: 'count' },
          { key: 'satisfaction_rate', name: t('series.satisfaction'), type: 'line', unit: 'rate', axis: 1 },
        ],
      }),
    },
  ]
}

export const kpiSpecs = [
  { id: 'opinions_collected', unit: 'count', higherIsBetter: true },
  { id: 'opinions_resolved', unit: 'count', higherIsBetter: true },
  { id: 'resolution_rate', unit: 'rate', higherIsBetter: true },
  { id: 'timely_rate', unit: 'rate', higherIsBetter: true },
  { id: 'median_days_to_resolve', unit: 'days', higherIsBetter: false },
  { id: 'backlog', unit: 'count', higherIsBetter: false },
  { id: 'overdue', unit: 'count', higherIsBetter: false },
  { id: 'satisfaction_rate', unit: 'rate', higherIsBetter: true },
] as const
