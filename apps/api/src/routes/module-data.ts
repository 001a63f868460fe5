// One request per dashboard module: its KPIs (with comparison and target) and the breakdowns its charts draw.
import {
  type CompareMode,
  type CompositeModule,
  type Dimension,
  type Kpi,
  type MetricRow,
  type ModuleDataResponse,
  type moduleBreakdowns,
  type ScopeQuery,
  scopeQuery,
  trendStart,
} from '@liaison/contracts'
import type { DbOrTx } from '@liaison/db'
import {
  cardsFor,
  catalogById,
  choiceFor,
  countyCoverage,
  covers,
  hasRecords,
  isEventFigure,
  listStations,
  type MetricsSpec,
  partialCoverageNote,
  queryMetrics,
  type RollupChoice,
  recordIds,
  regionLevel,
  sevenItemRates,
  stationsMonthly,
} from '@liaison/metrics'
import { Hono } from 'hono'
import { z } from 'zod'
import { assertInScope, readableRegion } from '../auth/middleware.ts'
import { answer, rollupChoice } from '../cache.ts'
import type { AppEnv } from '../types.ts'
import { validate } from '../validate.ts'
import { regionRef } from './metrics.ts'

/**
 * A breakdown: figures by one dimension (or, without `by`, the region's totals in one row; `within`: those of the
 * region whose areas are listed, the county for a township — the charts' reference line), by each of the three
 * calendar years ending with the period's, or the stations.
 */
type Breakdown =
  | { by?: Dimension; ids: string[]; within?: true }
  | { years: string[] }
  | { list: 'stations' }
  | { leaders: number }

interface ModuleSpec<N extends CompositeModule> {
  kpis: string[]
  /** KPI id → the figure that is its target. */
  targets?: Record<string, string>
  breakdowns: Record<(typeof moduleBreakdowns)[N][number], Breakdown>
}

/** What each module's charts draw, and nothing more: the ids below are the series its panels name. */
const modules: { [N in CompositeModule]: ModuleSpec<N> } = {
  stations: {
    kpis: [
      'stations_planned',
      'stations_standardised_planned',
      'station_coverage_rate',
      'townships_covered_rate',
      'seven_standard_rate',
      'deputy_coverage_rate',
      'deputies_per_station',
    ],
    breakdowns: {
      areas: {
        by: 'area',
        ids: ['stations_built', 'stations_standardised', 'station_coverage_rate', 'seven_standard_rate'],
      },
      kinds: {
        by: 'kind',
        ids: ['stations_built', 'stations_standardised', 'stations_planned', 'station_coverage_rate'],
      },
      items: { ids: [...sevenItemRates, 'seven_standard_rate'] },
      stations: {
        by: 'station',
        ids: ['receptions', 'visitors', 'opinions_collected', 'resolution_rate', 'satisfaction_rate'],
      },
      list: { list: 'stations' },
      years: { years: ['stations_standardised_planned', 'stations_target', 'stations_planned'] },
      monthly: { leaders: 3 },
    },
  },
  opinions: {
    kpis: [
      'opinions_collected',
      'opinions_resolved',
      'resolution_rate',
      'reply_rate',
      'timely_rate',
      'median_days_to_resolve',
      'backlog',
      'overdue',
      'satisfaction_rate',
      // Beside the satisfaction rate, how many of the resolved were evaluated (domain.md): a rate over few is weak.
      'evaluated_share',
    ],
    breakdowns: {
      // The funnel: of the opinions collected in the period, those replied, resolved and evaluated by its end — the
      // figures of the KPI cards, not the opinions' status today (which counts later replies for a past period).
      funnel: { ids: ['opinions_collected', 'opinions_replied', 'opinions_resolved', 'opinions_evaluated'] },
      categories: { by: 'category', ids: ['opinions_collected', 'resolution_rate'] },
      channels: { by: 'channel', ids: ['opinions_collected', 'opinions_replied', 'reply_rate'] },
      routes: { by: 'route', ids: ['opinions_collected'] },
      areas: {
        by: 'area',
        ids: [
          'opinions_collected',
          'resolution_rate',
          'timely_rate',
          'median_days_to_resolve',
          'p90_days_to_resolve',
          'backlog',
          'overdue',
          'satisfaction_rate',
          'strict_satisfaction_rate',
        ],
      },
      areasTotal: { ids: ['median_days_to_resolve', 'satisfaction_rate'], within: true },
      months: { by: 'month', ids: ['opinions_collected', 'opinions_resolved', 'satisfaction_rate'] },
    },
  },
  funding: {
    kpis: [
      'projects',
      'projects_completed',
      'project_completion_rate',
      'funds_budget',
      'funds_allocated',
      'funds_spent',
      'fund_execution_rate',
      'fund_budget_share',
    ],
    breakdowns: {
      areas: {
        by: 'area',
        ids: ['projects', 'funds_allocated', 'funds_spent', 'fund_execution_rate'],
      },
      categories: { by: 'category', ids: ['projects', 'funds_allocated', 'funds_spent'] },
      statuses: { by: 'status', ids: ['projects', 'funds_allocated'] },
      months: { by: 'month', ids: ['funds_allocated', 'funds_spent'] },
    },
  },
  reportback: {
    kpis: ['reportback_done', 'reportback_required', 'reportback_rate'],
    targets: { reportback_rate: 'reportback_target_rate' },
    breakdowns: {
      areas: { by: 'area', ids: ['reportback_done', 'reportback_required', 'reportback_rate'] },
      areasTotal: { ids: ['reportback_rate'], within: true },
      levels: { by: 'level', ids: ['reportback_done', 'reportback_required', 'reportback_rate'] },
      years: { years: ['reportback_rate', 'reportback_target_rate'] },
    },
  },
}

type Row = Record<string, string | number | null>
type Scope = Pick<MetricsSpec, 'region' | 'from' | 'to' | 'useRollups' | 'rollupsReady'>

/** Breakdowns of single stations answer for a county or a township (a province holds thousands). */
const stationLevel = (b: Breakdown) => 'list' in b || 'leaders' in b || ('by' in b && b.by === 'station')

/**
 * Monthly receptions of the stations with most receptions (from the `by: 'station'` rows) — the comparison's small
 * multiples open with them — among those of the station list whose details the user may open (`detailRegion`,
 * null = all).
 */
async function leadersMonthly(
  db: DbOrTx,
  scope: Scope,
  stations: Row[],
  list: Row[],
  count: number,
  detailRegion: string | null,
) {
  const mayOpen = new Set(
    list.filter((s) => covers(detailRegion, String(s.township_code))).map((s) => String(s.id)),
  )
  const leaders = stations
    .filter((r) => typeof r.receptions === 'number' && mayOpen.has(String(r.station)))
    .sort((a, b) => Number(b.receptions) - Number(a.receptions))
    .slice(0, count)
  const rank = new Map(leaders.map((r, i) => [String(r.station), i]))
  const rows = await stationsMonthly(db, [...rank.keys()].map(Number), scope.from, scope.to)
  return rows.sort((a, b) => rank.get(a.station)! - rank.get(b.station)! || a.month.localeCompare(b.month))
}

/** Where a user may read figures and open station details (null = anywhere): readableRegion's two answers. */
export interface Readable {
  figures: string | null
  detail: string | null
}
export const readsEverything: Readable = { figures: null, detail: null }

/**
 * The region whose areas the comparison lists. A township's only area is itself, and a bar against itself compares
 * nothing, so a township is compared among its county's townships — where the user may read the county's figures
 * (a township head may: readableRegion).
 */
export function comparedWithin(region: string, figures: string | null): string {
  if (regionLevel(region) !== 'township') return region
  const county = region.slice(0, 6)
  return covers(figures, county) ? county : region
}

/**
 * One breakdown's rows. Years: the calendar years (the plan's and the term's) ending with the period's, the last
 * one up to the period's end, as the cards are; a year before the plan (no plan figure) is left out. The station list:
 * each station's state at the period's end.
 */
async function breakdownRows(db: DbOrTx, scope: Scope, breakdown: Breakdown): Promise<Row[]> {
  if ('list' in breakdown) return (await listStations(db, scope.region, scope.to)) as unknown as Row[]
  // Months reach back twelve for a month or a quarter, as the overview's trend does (trendStart).
  if ('ids' in breakdown)
    return (
      await queryMetrics(db, {
        ...scope,
        ...breakdown,
        ...(breakdown.by === 'month' ? { from: trendStart(scope.from, scope.to) } : {}),
      })
    ).data as Row[]
  if ('leaders' in breakdown) return [] // from the station rows, after them
  const last = Number(scope.to.slice(0, 4))
  const planned = breakdown.years.filter((id) => catalogById.get(id)?.source === 'plans')
  const rows = await Promise.all(
    [last - 2, last - 1, last].map(async (year) => {
      const span = { ...scope, from: `${year}-01-01`, to: year === last ? scope.to : `${year}-12-31` }
      const { data } = await queryMetrics(db, { ...span, ids: breakdown.years })
      const values = Object.fromEntries(
        breakdown.years.map((id) => [id, (data[0]?.[id] ?? null) as Row[string]]),
      )
      return { year: String(year), ...values } as Row
    }),
  )
  // Years before the plan are left out (0 %, no target); a region without any plan (a township's stations) keeps its
  // three years.
  const inPlan = (r: Row) => planned.some((id) => r[id] != null)
  return rows.some(inPlan) ? rows.filter((r) => r.year === String(last) || inPlan(r)) : rows
}

/** KPI cards from a row of queryMetrics: value, previous and change (when compared) and target of each figure. */
export function kpiCardsFrom(
  row: MetricRow,
  compare: CompareMode | undefined,
  ids: string[],
  targets: Record<string, string> = {},
): Kpi[] {
  const value = (id: string) => (row[id] ?? null) as number | null
  // A period with no records at all (the overview's row tells): its zeros are missing registers, not a fall of 100 %.
  const unrecorded = !hasRecords(row)
  return ids.map((id) => {
    const metric = catalogById.get(id)!
    const compared = compare && !(unrecorded && isEventFigure(id))
    return {
      id,
      label: metric.label,
      formula: metric.formula,
      unit: metric.unit,
      value: value(id),
      previous: compared ? value(`${id}__previous`) : null,
      change: compared ? value(`${id}__change`) : null,
      higherIsBetter: metric.higherIsBetter,
      target: targets[id] ? value(targets[id]!) : null,
    }
  })
}

/** KPI cards from one query. */
export async function kpiCards(
  db: DbOrTx,
  spec: Scope & { compare?: CompareMode | undefined },
  ids: string[],
  targets: Record<string, string> = {},
) {
  // Compared event figures need the three registers' counts to tell a period without records (hasRecords).
  const recorded = spec.compare && ids.some(isEventFigure) ? recordIds : []
  const extra = [...new Set([...Object.values(targets), ...recorded])].filter((id) => !ids.includes(id))
  const { data, previous } = await queryMetrics(db, { ...spec, ids: [...ids, ...extra] })
  return { kpis: kpiCardsFrom(data[0]!, spec.compare, ids, targets), previous }
}

const moduleName = z.object({
  name: z.enum(['stations', 'opinions', 'funding', 'reportback'] as const satisfies CompositeModule[]),
})

/**
 * One module's composite answer for a user who may read `readable`; `{ useRollups: false }` computes it straight
 * from the facts (the bench). The `areas` breakdown lists the areas of `meta.areasOf` (comparedWithin).
 */
export async function moduleData(
  db: DbOrTx,
  name: z.infer<typeof moduleName>['name'],
  q: ScopeQuery,
  readable: Readable,
  choice?: RollupChoice,
): Promise<ModuleDataResponse> {
  const spec = modules[name]
  // The compared county is the township's own: one data version, so the township's rollup currency holds for it.
  const base = { region: q.region, from: q.from, to: q.to, ...(await choiceFor(db, q.region, choice)) }
  const within = comparedWithin(q.region, readable.figures)
  const scopeOf = (b: Breakdown) =>
    ('by' in b && b.by === 'area') || ('within' in b && b.within) ? { ...base, region: within } : base
  const stationsToo = regionLevel(q.region) === 'county' || regionLevel(q.region) === 'township'
  const entries = Object.entries<Breakdown>(spec.breakdowns)
  // The listed region's own figures: none where a township lists only itself (a reference line at its one bar would
  // say nothing), the cards' where the region lists its own areas (not asked twice), else asked of that region.
  const alone = regionLevel(within) === 'township'
  const ownTotals = (b: Breakdown) => 'within' in b && (alone || within === q.region)
  const [region, areasOf, coverage, cards, ...parts] = await Promise.all([
    regionRef(db, q.region),
    within === q.region ? null : regionRef(db, within),
    countyCoverage(db, q.region),
    kpiCards(db, { ...base, compare: q.compare }, cardsFor(spec.kpis, regionLevel(q.region)), spec.targets),
    ...entries.map(([, b]) =>
      ownTotals(b) || (!stationsToo && stationLevel(b)) ? [] : breakdownRows(db, scopeOf(b), b),
    ),
  ])
  for (const [i, [, b]] of entries.entries())
    if (ownTotals(b) && !alone && 'ids' in b)
      parts[i] = [
        Object.fromEntries(b.ids.map((id) => [id, cards.kpis.find((k) => k.id === id)?.value ?? null])),
      ]
  const at = (test: (b: Breakdown) => boolean) => entries.findIndex(([, b]) => test(b))
  const leaders = at((b) => 'leaders' in b)
  if (stationsToo && leaders >= 0) {
    const count = (entries[leaders]![1] as { leaders: number }).leaders
    const stations = parts[at((b) => 'by' in b && b.by === 'station')] ?? []
    const list = parts[at((b) => 'list' in b)] ?? []
    parts[leaders] = await leadersMonthly(db, base, stations, list, count, readable.detail)
  }
  return {
    meta: {
      region,
      areasOf: areasOf ?? region,
      from: q.from,
      to: q.to,
      compare: q.compare ?? null,
      previous: cards.previous,
      detailsWithin: readable.detail,
      partialCoverage: partialCoverageNote(coverage, region),
    },
    kpis: cards.kpis,
    breakdowns: Object.fromEntries(entries.map(([key], i) => [key, parts[i]!])),
  }
}

export const moduleDataRoutes = new Hono<AppEnv>().get(
  '/modules/:name/data',
  validate('param', moduleName),
  validate('query', scopeQuery),
  async (c) => {
    const { name } = c.req.valid('param')
    const q = c.req.valid('query')
    assertInScope(c, q.region)
    const user = c.get('user')
    const readable = { figures: readableRegion(user), detail: readableRegion(user, 'detail') }
    return answer(c, await moduleData(c.get('figures'), name, q, readable, rollupChoice(c, q.region)))
  },
)
