// The stations module's data in one object. Until the API has GET /modules/stations/data, it is assembled here
// from the generic endpoints (the figures themselves are still computed by the API, never here).
import type { MetricsResponse, RegionRef } from '@liaison/contracts'
import { fetchJson } from '@liaison/ui'

export interface StationRow {
  id: number
  code: string
  name: string
  kind: string
  status: string
  township_code: string
  township_name: string
  built_on: string | null
  standardised_on: string | null
  seven_items: number
  deputies: number
}

type Row = Record<string, string | number | null>

export interface StationsData {
  region: RegionRef
  stations: StationRow[]
  /** Per township: built, standardised, coverage and seven-standard rates. */
  townships: Row[]
  /** Per year of the plan: standardised by the year's end against the cumulative target. */
  plan: {
    year: string
    stations_standardised: number | null
    stations_target: number | null
    stations_planned: number | null
  }[]
  /** Per station: the figures the comparison can rank by. */
  comparison: Row[]
}

export const comparisonIds = [
  'receptions',
  'visitors',
  'opinions_collected',
  'resolution_rate',
  'satisfaction_rate',
] as const
const townshipIds = [
  'stations_built',
  'stations_standardised',
  'station_coverage_rate',
  'seven_standard_rate',
]
const planIds = ['stations_standardised', 'stations_target', 'stations_planned']

export async function loadStations(
  query: Record<string, string>,
  signal: AbortSignal,
): Promise<StationsData> {
  const scope = { region: query.region!, from: query.from!, to: query.to! }
  const lastYear = Number(scope.to.slice(0, 4))
  const years = [lastYear - 2, lastYear - 1, lastYear]
  const metrics = (q: Record<string, string>) => fetchJson<MetricsResponse>('/metrics', q, signal)
  const [list, townships, comparison, ...plan] = await Promise.all([
    fetchJson<{ stations: StationRow[] }>('/stations', scope, signal),
    metrics({ ...scope, ids: townshipIds.join(','), by: 'township' }),
    metrics({ ...scope, ids: comparisonIds.join(','), by: 'station' }),
    ...years.map((y) =>
      metrics({ region: scope.region, from: `${y}-01-01`, to: `${y}-12-31`, ids: planIds.join(',') }),
    ),
  ])
  return {
    region: townships.meta.region,
    stations: list.stations,
    townships: townships.data,
    comparison: comparison.data,
    plan: plan.map((p, i) => ({
      year: String(years[i]),
      stations_standardised: (p.data[0]?.stations_standardised ?? null) as number | null,
      stations_target: (p.data[0]?.stations_target ?? null) as number | null,
      stations_planned: (p.data[0]?.stations_planned ?? null) as number | null,
    })),
  }
}
