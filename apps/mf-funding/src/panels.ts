// The funding module's charts as pure functions of its data: one spec per panel.
import {
  buildComboOption,
  buildPieOption,
  buildTrendOption,
  type ChartTheme,
  enumLabel,
  type Locale,
  type MetricRow,
  opinionCategories,
  projectStatuses,
} from '@liaison/ui'
import type { FundingData } from './load.ts'

export interface PanelSpec {
  id: string
  title: string
  option: Record<string, unknown>
  empty: boolean
  wide?: boolean
}

export function fundingPanels(
  data: FundingData,
  theme: ChartTheme,
  locale: Locale,
  t: (k: string) => string,
) {
  const base = { locale }
  const money = (key: string) => ({ key, unit: 'yuan' as const })
  const budgetRows: MetricRow[] = [
    { name: t('budgetBars.budget'), amount: data.totals.funds_budget ?? null },
    { name: t('budgetBars.allocated'), amount: data.totals.funds_allocated ?? null },
    { name: t('budgetBars.spent'), amount: data.totals.funds_spent ?? null },
  ]
  const towns = data.byTownship
    .map((r): MetricRow => ({ ...r, name: String(r.township_name) }))
    .sort((a, b) => Number(b.funds_allocated) - Number(a.funds_allocated))
  const categories = data.byCategory
    .map((r): MetricRow => ({ ...r, name: enumLabel(opinionCategories, r.category, locale) }))
    .sort((a, b) => Number(b.funds_allocated) - Number(a.funds_allocated))
  const panels: PanelSpec[] = [
    {
      id: 'funding-budget',
      title: t('budget'),
      empty: budgetRows.every((r) => r.amount == null),
      option: buildComboOption(budgetRows, theme, {
        ...base,
        category: 'name',
        horizontal: true,
        series: [{ ...money('amount'), name: t('amount'), type: 'bar' }],
      }),
    },
    {
      id: 'funding-status',
      title: t('byStatus'),
      empty: data.byStatus.length === 0,
      option: buildPieOption(
        data.byStatus.map((r) => ({
          name: enumLabel(projectStatuses, r.status, locale),
          value: r.projects as number | null,
        })),
        theme,
        { ...base, unit: 'count' },
      ),
    },
    {
      id: 'funding-townships',
      title: t('byTownship'),
      empty: towns.length === 0,
      wide: true,
      option: buildComboOption(towns, theme, {
        ...base,
        category: 'name',
        series: [
          { ...money('funds_allocated'), name: t('series.allocated'), type: 'bar' },
          { ...money('funds_spent'), name: t('series.spent'), type: 'bar' },
          { key: 'fund_execution_rate', unit: 'rate', name: t('series.execution'), type: 'line', axis: 1 },
        ],
      }),
    },
    {
      id: 'funding-categories',
      title: t('byCategory'),
      empty: categories.length === 0,
      option: buildComboOption(categories, theme, {
        ...base,
        category: 'name',
        horizontal: true,
        series: [
          { ...money('funds_allocated'), name: t('series.allocated'), type: 'bar' },
          { ...money('funds_spent'), name: t('series.spent'), type: 'bar' },
        ],
      }),
    },
    {
      id: 'funding-months',
      title: t('byMonth'),
      empty: data.byMonth.length === 0,
      option: buildTrendOption(data.byMonth, theme, {
        ...base,
        series: [
          { ...money('funds_allocated'), name: t('series.allocated'), type: 'bar' },
          { ...money('funds_spent'), name: t('series.spent'), type: 'bar' },
        ],
      }),
    },
  ]
  return panels
}

export const kpiSpecs = [
  { id: 'projects', unit: 'count', higherIsBetter: true },
  { id: 'projects_completed', unit: 'count', higherIsBetter: true },
  { id: 'funds_budget', unit: 'yuan', higherIsBetter: null },
  { id: 'funds_allocated', unit: 'yuan', higherIsBetter: true },
  { id: 'funds_spent', unit: 'yuan', higherIsBetter: true },
  { id: 'fund_execution_rate', unit: 'rate', higherIsBetter: true },
  { id: 'fund_budget_share', unit: 'rate', higherIsBetter: true },
] as const
