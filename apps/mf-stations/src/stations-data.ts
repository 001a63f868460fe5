// The stations module's data (one request to /modules/stations/data) and its two overview charts as pure
// functions of it: the three-year plan and the region's areas.
import type { ModuleData, StationRow } from '@liaison/contracts'
import {
  buildComboOption,
  type ChartTheme,
  formatNumber,
  type Locale,
  listedSelf,
  type MetricRow,
  type PanelSpec,
} from '@liaison/ui'

export type StationsData = ModuleData<'stations'>

/** One row of the `list` breakdown (the API's station list). */
export type { StationRow }

/** The figures the comparison can rank stations by: the ids of the `stations` breakdown. */
export const comparisonIds = [
  'receptions',
  'visitors',
  'opinions_collected',
  'resolution_rate',
  'satisfaction_rate',
] as const

export const stationList = (data: StationsData | null) =>
  (data?.breakdowns.list ?? []) as unknown as StationRow[]

export const areaRows = (data: StationsData | null): MetricRow[] =>
  (data?.breakdowns.areas ?? []).map((r) => ({ ...r, name: String(r.area_name ?? r.area) }))

export function stationPanels(
  data: StationsData,
  theme: ChartTheme,
  locale: Locale,
  t: (key: string) => string,
): PanelSpec[] {
  const plan = data.breakdowns.years
  const planned = plan.at(-1)?.stations_planned
  // Plans are a county's: a township has no target, and a legend entry for a line not drawn would mislead.
  const targeted = plan.some((p) => p.stations_target != null)
  const towns = areaRows(data)
  const current = listedSelf(data.meta)
  return [
    {
      id: 'stations-plan',
      title: t('plan'),
      empty: plan.every((p) => p.stations_target == null && p.stations_standardised_planned == null),
      option: buildComboOption(plan, theme, {
        locale,
        category: 'year',
        series: [
          { key: 'stations_standardised_planned', name: t('planSeries.done'), type: 'bar', unit: 'count' },
          ...(targeted
            ? [
                {
                  key: 'stations_target',
                  name: t('planSeries.target'),
                  type: 'line' as const,
                  unit: 'count' as const,
                },
              ]
            : []),
        ],
        references:
          typeof planned === 'number'
            ? [{ name: `${t('planSeries.planned')} ${formatNumber(planned, locale)}`, value: planned }]
            : [],
      }),
    },
    {
      id: 'stations-townships',
      areas: true,
      title: t('byTownship'),
      empty: towns.length === 0,
      option: buildComboOption(towns, theme, {
        locale,
        category: 'name',
        current,
        series: [
          { key: 'stations_built', name: t('townshipSeries.built'), type: 'bar', unit: 'count' },
          {
            key: 'stations_standardised',
            name: t('townshipSeries.standardised'),
            type: 'bar',
            unit: 'count',
          },
          { key: 'seven_standard_rate', name: t('townshipSeries.rate'), type: 'line', unit: 'rate', axis: 1 },
        ],
      }),
    },
  ]
}
