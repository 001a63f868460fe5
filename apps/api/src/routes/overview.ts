import {
  type OverviewResponse,
  overviewFigures,
  type ScopeQuery,
  scopeQuery,
  trendStart,
} from '@liaison/contracts'
import type { DbOrTx } from '@liaison/db'
import {
  buildNarrative,
  cardsFor,
  choiceFor,
  countyCoverage,
  narrativeIds,
  notImportedNote,
  plannedKinds,
  queryMetrics,
  type RollupChoice,
  regionLevel,
  stationCompleteness,
  trendNote,
} from '@liaison/metrics'
import { Hono } from 'hono'
import { assertInScope, readableRegion } from '../auth/middleware.ts'
import { answer, rollupChoice } from '../cache.ts'
import type { AppEnv } from '../types.ts'
import { validate } from '../validate.ts'
import { regionRef } from './metrics.ts'
import { comparedWithin, kpiCardsFrom } from './module-data.ts'

const kpiIds = [...overviewFigures, 'station_coverage_rate'] as const
const tableIds = [
  'receptions',
  'visitors',
  'opinions_collected',
  'resolution_rate',
  'satisfaction_rate',
  'funds_allocated',
  'reportback_rate',
]
const trendIds = ['receptions', 'visitors', 'opinions_collected', 'opinions_resolved', 'resolution_rate']
/** The region's own figures, read once: the cards, the table's total row, the plan and the narrative. */
const regionIds = [
  ...new Set([
    ...kpiIds,
    ...tableIds,
    ...narrativeIds,
    'reportback_target_rate',
    'stations_target',
    'stations_planned',
  ]),
]

/**
 * Everything the 县域总览 module shows, for a user who may read figures in `figureRegion` (null = anywhere). The area
 * table lists the areas of `meta.areasOf` (comparedWithin) against that region's total. `useRollups: false`
 * computes it straight from the facts (the bench).
 */
export async function overviewData(
  db: DbOrTx,
  q: ScopeQuery,
  figureRegion: string | null,
  choice?: RollupChoice,
): Promise<OverviewResponse> {
  const spec = { region: q.region, from: q.from, to: q.to, ...(await choiceFor(db, q.region, choice)) }
  const within = comparedWithin(q.region, figureRegion)
  const trendFrom = trendStart(q.from, q.to)
  const compared = within === q.region ? null : { ...spec, region: within }
  // The cards and the narrative compare as asked: year on year, month on month (the previous period) or not at all.
  const [region, areasOf, comparedTotal, totals, trend, areas, completeness, coverage, kinds] =
    await Promise.all([
      regionRef(db, q.region),
      compared ? regionRef(db, within) : null,
      compared ? queryMetrics(db, { ...compared, ids: tableIds }) : null,
      queryMetrics(db, { ...spec, ids: regionIds, compare: q.compare }),
      queryMetrics(db, { ...spec, from: trendFrom, by: 'month', ids: trendIds }),
      queryMetrics(db, { ...(compared ?? spec), by: 'area', ids: tableIds }),
      stationCompleteness(db, q.region, q.from, q.to),
      countyCoverage(db, q.region),
      plannedKinds(db, spec),
    ])
  const row = totals.data[0]!
  const cards = kpiCardsFrom(row, q.compare, cardsFor(kpiIds, regionLevel(q.region)), {
    reportback_rate: 'reportback_target_rate',
  })
  const value = (id: string) => (row[id] ?? null) as number | null
  // Coverage is measured against the year's milestone of the three-year plan.
  const kpis = cards.map((k) =>
    k.id === 'station_coverage_rate'
      ? { ...k, target: ratio(value('stations_target'), value('stations_planned')) }
      : k,
  )
  const narrative = await buildNarrative(
    db,
    { ...spec, compare: q.compare ?? 'none' },
    { figures: row, coverage, kinds },
  )
  const months = trend.data.map((r) => ({
    month: String(r.month),
    receptions: r.receptions as number,
    visitors: r.visitors as number,
    opinions_collected: r.opinions_collected as number,
    opinions_resolved: r.opinions_resolved as number,
    resolution_rate: r.resolution_rate as number | null,
  }))
  return {
    meta: {
      region,
      areasOf: areasOf ?? region,
      from: q.from,
      to: q.to,
      compare: q.compare ?? null,
      previous: q.compare ? totals.previous : null,
    },
    kpis,
    trend: months,
    trendFrom,
    areas: areas.data,
    total: Object.fromEntries(
      tableIds.map((id) => [id, comparedTotal ? (comparedTotal.data[0]?.[id] ?? null) : value(id)]),
    ),
    narrative: { zh: narrative.zh, en: narrative.en },
    trendNote: trendNote(months, q),
    notImported: notImportedNote(coverage),
    completeness,
  }
}

/** GET /modules/overview/data: the overview in one request. */
export const overviewRoutes = new Hono<AppEnv>().get(
  '/modules/overview/data',
  validate('query', scopeQuery),
  async (c) => {
    const q = c.req.valid('query')
    assertInScope(c, q.region)
    const figures = readableRegion(c.get('user'))
    return answer(c, await overviewData(c.get('figures'), q, figures, rollupChoice(c, q.region)))
  },
)

const ratio = (a: number | null, b: number | null) => (a === null || !b ? null : a / b)
