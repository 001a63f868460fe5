import { type OverviewResponse, overviewFigures, scopeQuery } from '@liaison/contracts'
import { buildNarrative, queryMetrics } from '@liaison/metrics'
import { Hono } from 'hono'
import { assertInScope } from '../auth/middleware.ts'
import type { AppEnv } from '../types.ts'
import { validate } from '../validate.ts'
import { regionRef } from './metrics.ts'
import { kpiCards } from './module-data.ts'

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

/** GET /modules/overview/data: everything the 县域总览 module shows, in one request. */
export const overviewRoutes = new Hono<AppEnv>().get(
  '/modules/overview/data',
  validate('query', scopeQuery),
  async (c) => {
    const q = c.req.valid('query')
    assertInScope(c, q.region)
    const db = c.var.deps.handle.db
    const region = await regionRef(c, q.region)
    const spec = { region: q.region, from: q.from, to: q.to }
    const [cards, plan, trend, townships, narrative] = await Promise.all([
      kpiCards(db, { ...spec, compare: q.compare }, [...kpiIds], {
        reportback_rate: 'reportback_target_rate',
      }),
      queryMetrics(db, { ...spec, ids: [...tableIds, 'stations_target', 'stations_planned'] }),
      queryMetrics(db, { ...spec, by: 'month', ids: trendIds }),
      queryMetrics(db, { ...spec, by: 'township', ids: tableIds }),
      buildNarrative(db, spec),
    ])
    const row = plan.data[0]!
    const value = (id: string) => (row[id] ?? null) as number | null
    // Coverage is measured against the year's milestone of the three-year plan.
    const kpis = cards.kpis.map((k) =>
      k.id === 'station_coverage_rate'
        ? { ...k, target: ratio(value('stations_target'), value('stations_planned')) }
        : k,
    )
    const body: OverviewResponse = {
      meta: { region, from: q.from, to: q.to, compare: q.compare ?? null, previous: cards.previous },
      kpis,
      trend: trend.data.map((r) => ({
        month: String(r.month),
        receptions: r.receptions as number,
        visitors: r.visitors as number,
        opinions_collected: r.opinions_collected as number,
        opinions_resolved: r.opinions_resolved as number,
        resolution_rate: r.resolution_rate as number | null,
      })),
      townships: townships.data,
      county: Object.fromEntries(tableIds.map((id) => [id, value(id)])),
      narrative: { zh: narrative.zh, en: narrative.en },
    }
    return c.json(body)
  },
)

const ratio = (a: number | null, b: number | null) => (a === null || !b ? null : a / b)
