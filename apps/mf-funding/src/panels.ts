// The funding module's charts as pure functions of its data: one spec per panel.
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
import { buildPieOption, hasValues, trendSpan } from '@liaison/ui/builders'
import { opinionCategories, projectStatuses } from '@liaison/ui/enums'

export function fundingPanels(
  data: ModuleData<'funding'>,
  theme: ChartTheme,
  locale: Locale,
  t: (k: string) => string,
) {
  const base = { locale }
  // A month or a quarter: its months in the twelve up to it, as the API reads them.
  const span = trendSpan(data.meta, locale)
  const b = data.breakdowns
  const current = listedSelf(data.meta)
  const total = (id: string) => data.kpis.find((k) => k.id === id)?.value ?? null
  const money = (key: string) => ({ key, unit: 'yuan' as const })
  // The budget is a county's plan: a township has none, and an empty row would read as a budget of nothing.
  const budgetRows: MetricRow[] = [
    ...(total('funds_budget') === null
      ? []
      : [{ name: t('budgetBars.budget'), amount: total('funds_budget') }]),
    { name: t('budgetBars.allocated'), amount: total('funds_allocated') },
    { name: t('budgetBars.spent'), amount: total('funds_spent') },
  ]
  const towns = b.areas
    .map((r): MetricRow => ({ ...r, name: String(r.area_name) }))
    .sort((a, b) => Number(b.funds_allocated) - Number(a.funds_allocated))
  const categories = b.categories
    .map((r): MetricRow => ({ ...r, name: enumLabel(opinionCategories, r.category, locale) }))
    .sort((a, b) => Number(b.funds_allocated) - Number(a.funds_allocated))
  const panels: PanelSpec[] = [
    {
      id: 'funding-budget',
      title: t('budget'),
      // No budget, nothing allocated, nothing spent (a township without projects): nothing to draw, not ¥0 bars.
      empty: budgetRows.every((r) => !r.amount),
      option: buildComboOption(budgetRows, theme, {
        ...base,
        category: 'name',
        categoryLabel: t('columns.item'),
        horizontal: true,
        series: [{ ...money('amount'), name: t('amount'), type: 'bar' }],
      }),
    },
    {
      id: 'funding-status',
      title: t('byStatus'),
      empty: b.statuses.length === 0,
      option: buildPieOption(
        b.statuses.map((r) => ({
          name: enumLabel(projectStatuses, r.status, locale),
          value: r.projects as number | null,
        })),
        theme,
        { ...base, unit: 'count', nameLabel: t('columns.status'), valueLabel: t('columns.projects') },
      ),
    },
    {
      id: 'funding-townships',
      areas: true,
      table: { ids: ['funds_allocated', 'funds_spent', 'fund_execution_rate'], by: 'area' },
      title: t('byTownship'),
      empty: !hasValues(towns, ['funds_allocated', 'funds_spent']),
      wide: true,
      option: buildComboOption(towns, theme, {
        ...base,
        category: 'name',
        current,
        series: [
          { ...money('funds_allocated'), name: t('series.allocated'), type: 'bar' },
          { ...money('funds_spent'), name: t('series.spent'), type: 'bar' },
          { key: 'fund_execution_rate', unit: 'rate', name: t('series.execution'), type: 'line', axis: 1 },
        ],
      }),
    },
    {
      id: 'funding-categories',
      table: { ids: ['projects', 'funds_allocated', 'funds_spent'], by: 'category' },
      title: t('byCategory'),
      empty: categories.length === 0,
      rows: categories.length,
      option: buildComboOption(categories, theme, {
        ...base,
        category: 'name',
        categoryLabel: t('columns.category'),
        horizontal: true,
        series: [
          { ...money('funds_allocated'), name: t('series.allocated'), type: 'bar' },
          { ...money('funds_spent'), name: t('series.spent'), type: 'bar' },
        ],
      }),
    },
    {
      id: 'funding-months',
      period: span.label,
      table: { ids: ['funds_allocated', 'funds_spent'], by: 'month' },
      title: t('byMonth'),
      empty: b.months.length === 0,
      option: buildTrendOption(b.months, theme, {
        ...base,
        period: span.period,
        series: [
          { ...money('funds_allocated'), name: t('series.allocated'), type: 'bar' },
          { ...money('funds_spent'), name: t('series.spent'), type: 'bar' },
        ],
      }),
    },
  ]
  return panels
}
