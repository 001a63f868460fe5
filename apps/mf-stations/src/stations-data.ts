// The stations module's data (one request to /modules/stations/data) and its charts as pure functions of it: the
// three-year plan, the region's areas, the kinds against the plan and the seven items one by one.
import type { ModuleData, StationRow } from '@liaison/contracts'
import { sevenItemRate } from '@liaison/contracts/figures'
import {
  buildComboOption,
  type ChartTheme,
  enumLabel,
  formatNumber,
  type Locale,
  listedSelf,
  type MetricRow,
  type PanelSpec,
} from '@liaison/ui'
import { sevenItems, stationKinds } from '@liaison/ui/enums'

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

/** The stations whose details the user may open: all, or a township head's own township's (meta.detailsWithin). */
export const openableStations = (stations: StationRow[], detailsWithin: string | null | undefined) =>
  new Set(
    stations.filter((s) => !detailsWithin || s.township_code.startsWith(detailsWithin)).map((s) => s.id),
  )

/** An online station has no premises to build: its status is 已开通 (live) once working, 未开通 before — not
 * 已建成 or 建设中. Null for any other station (its status as registered). */
export function onlineStatus(station: { kind?: unknown; status?: unknown }) {
  if (station.kind !== 'online') return null
  return station.status === 'built' || station.status === 'standardised' ? 'onlineLive' : 'onlineNotLive'
}

export const areaRows = (data: StationsData | null): MetricRow[] =>
  (data?.breakdowns.areas ?? []).map((r) => ({ ...r, name: String(r.area_name ?? r.area) }))

/**
 * The kinds with premises that are built, standardised or planned, in the registers' order. An online station has
 * no premises: it is never counted as built, and its row of zeros would read as a kind that lags.
 */
export function kindRows(data: StationsData, locale: Locale): MetricRow[] {
  const byKind = new Map(data.breakdowns.kinds.map((r) => [r.kind, r]))
  return stationKinds.flatMap(({ value }) => {
    const r = byKind.get(value)
    const any =
      r && (Number(r.stations_built) > 0 || Number(r.stations_standardised) > 0 || r.stations_planned != null)
    return value !== 'online' && any ? [{ ...r, name: enumLabel(stationKinds, value, locale) }] : []
  })
}

/** Compliance with each item of 七有 over the stations built, in the registers' order. */
export function itemRows(data: StationsData, locale: Locale): MetricRow[] {
  const items = data.breakdowns.items[0]
  if (!items || items.seven_standard_rate == null) return []
  return sevenItems.map((item) => ({
    name: enumLabel(sevenItems, item.value, locale),
    rate: items[sevenItemRate(item.value)] ?? null,
  }))
}

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
  const kinds = kindRows(data, locale)
  // The seven items, then all seven as a bar of its own: as a reference line its label, near 100 %, ran off the plot.
  const items = itemRows(data, locale)
  const allSeven = data.breakdowns.items[0]?.seven_standard_rate ?? null
  const itemBars = items.length ? [...items, { name: t('allSeven'), rate: allSeven }] : []
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
    {
      // Coverage per kind (domain.md): the plan sets 联络站 and 联络室 apart.
      id: 'stations-kinds',
      title: t('byKind'),
      empty: kinds.length === 0,
      option: buildComboOption(kinds, theme, {
        locale,
        category: 'name',
        categoryLabel: t('columns.kind'),
        series: [
          { key: 'stations_built', name: t('kindSeries.built'), type: 'bar', unit: 'count' },
          { key: 'stations_standardised', name: t('kindSeries.standardised'), type: 'bar', unit: 'count' },
          // A township has no plan of its own: no legend entry for bars and a line it cannot draw.
          ...(kinds.some((r) => r.stations_planned != null)
            ? [
                {
                  key: 'stations_planned',
                  name: t('kindSeries.planned'),
                  type: 'bar' as const,
                  unit: 'count' as const,
                },
                {
                  key: 'station_coverage_rate',
                  name: t('kindSeries.rate'),
                  type: 'line' as const,
                  unit: 'rate' as const,
                  axis: 1 as const,
                },
              ]
            : []),
        ],
      }),
    },
    {
      id: 'stations-items',
      title: t('items'),
      empty: itemBars.length === 0,
      rows: itemBars.length,
      option: buildComboOption(itemBars, theme, {
        locale,
        category: 'name',
        categoryLabel: t('columns.seven'),
        horizontal: true,
        series: [{ key: 'rate', name: t('itemSeries'), type: 'bar', unit: 'rate' }],
      }),
    },
  ]
}
