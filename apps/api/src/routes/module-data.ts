// One request per dashboard module: its KPIs (with comparison and target) and the breakdowns its charts draw.
import { type Dimension, type Kpi, type ModuleDataResponse, scopeQuery } from '@liaison/contracts'
import type { DbOrTx } from '@liaison/db'
import { catalogById, queryMetrics } from '@liaison/metrics'
import { Hono } from 'hono'
import { z } from 'zod'
import { assertInScope } from '../auth/middleware.ts'
import type { AppEnv } from '../types.ts'
import { validate } from '../validate.ts'
import { regionRef } from './metrics.ts'

interface ModuleSpec {
  kpis: string[]
  /** KPI id → the figure that is its target. */
  targets?: Record<string, string>
  breakdowns: Record<string, { by: Dimension; ids: string[] }>
}

const modules: Record<'stations' | 'opinions' | 'funding' | 'reportback', ModuleSpec> = {
  stations: {
    kpis: [
      'stations_planned',
      'stations_standardised',
      'station_coverage_rate',
      'townships_covered_rate',
      'seven_standard_rate',
      'deputy_coverage_rate',
    ],
    breakdowns: {
      townships: {
        by: 'township',
        ids: [
          'stations_built',
          'stations_standardised',
          'seven_standard_rate',
          'deputies_total',
          'deputy_coverage_rate',
          'receptions',
          'receptions_per_station',
        ],
      },
      kinds: { by: 'kind', ids: ['stations_built', 'stations_standardised'] },
      stations: { by: 'station', ids: ['receptions', 'visitors', 'opinions_collected', 'resolution_rate'] },
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
    ],
    breakdowns: {
      months: { by: 'month', ids: ['opinions_collected', 'opinions_resolved', 'resolution_rate', 'backlog'] },
      categories: { by: 'category', ids: ['opinions_collected', 'resolution_rate', 'satisfaction_rate'] },
      channels: { by: 'channel', ids: ['opinions_collected', 'opinions_replied', 'reply_rate'] },
      routes: { by: 'route', ids: ['opinions_collected', 'opinions_resolved'] },
      townships: {
        by: 'township',
        ids: [
          'opinions_collected',
          'resolution_rate',
          'timely_rate',
          'satisfaction_rate',
          'backlog',
          'overdue',
          'opinions_per_10k',
        ],
      },
    },
  },
  funding: {
    kpis: [
      'projects',
      'funds_allocated',
      'funds_spent',
      'fund_execution_rate',
      'funds_budget',
      'fund_budget_share',
    ],
    breakdowns: {
      townships: {
        by: 'township',
        ids: ['projects', 'funds_allocated', 'funds_spent', 'fund_execution_rate'],
      },
      categories: { by: 'category', ids: ['projects', 'funds_allocated'] },
      statuses: { by: 'status', ids: ['projects', 'funds_allocated', 'funds_spent'] },
      months: { by: 'month', ids: ['projects', 'funds_allocated'] },
    },
  },
  reportback: {
    kpis: ['reportback_done', 'reportback_required', 'reportback_rate'],
    targets: { reportback_rate: 'reportback_target_rate' },
    breakdowns: {
      townships: { by: 'township', ids: ['reportback_done', 'reportback_required', 'reportback_rate'] },
      levels: { by: 'level', ids: ['reportback_done', 'reportback_required', 'reportback_rate'] },
    },
  },
}

/** KPI cards from one query: value, previous, change and target of each figure. */
export async function kpiCards(
  db: DbOrTx,
  spec: { region: string; from: string; to: string; compare?: 'yoy' | 'mom' | undefined },
  ids: string[],
  targets: Record<string, string> = {},
) {
  const extra = [...new Set(Object.values(targets))]
  const { data, previous } = await queryMetrics(db, { ...spec, ids: [...ids, ...extra] })
  const row = data[0]!
  const value = (id: string) => (row[id] ?? null) as number | null
  const kpis: Kpi[] = ids.map((id) => {
    const metric = catalogById.get(id)!
    return {
      id,
      label: metric.label,
      unit: metric.unit,
      value: value(id),
      previous: spec.compare ? value(`${id}__previous`) : null,
      change: spec.compare ? value(`${id}__change`) : null,
      higherIsBetter: metric.higherIsBetter,
      target: targets[id] ? value(targets[id]!) : null,
    }
  })
  return { kpis, previous }
}

const moduleName = z.object({ name: z.enum(['stations', 'opinions', 'funding', 'reportback']) })

export const moduleDataRoutes = new Hono<AppEnv>().get(
  '/modules/:name/data',
  validate('param', moduleName),
  validate('query', scopeQuery),
  async (c) => {
    const { name } = c.req.valid('param')
    const q = c.req.valid('query')
    assertInScope(c, q.region)
    const db = c.var.deps.handle.db
    const spec = modules[name]
    const region = await regionRef(c, q.region)
    const base = { region: q.region, from: q.from, to: q.to }
    const entries = Object.entries(spec.breakdowns)
    const [cards, ...parts] = await Promise.all([
      kpiCards(db, { ...base, compare: q.compare }, spec.kpis, spec.targets),
      ...entries.map(([, b]) => queryMetrics(db, { ...base, by: b.by, ids: b.ids })),
    ])
    const body: ModuleDataResponse = {
      meta: { region, from: q.from, to: q.to, compare: q.compare ?? null, previous: cards.previous },
      kpis: cards.kpis,
      breakdowns: Object.fromEntries(entries.map(([key], i) => [key, parts[i]!.data])),
    }
    return c.json(body)
  },
)
