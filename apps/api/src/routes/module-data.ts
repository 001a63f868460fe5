// One request per dashboard module: its KPIs (with comparison and target) and the breakdowns its charts draw.
import {
  type CompositeModule,
  type Dimension,
  type Kpi,
  type ModuleDataResponse,
  type moduleBreakdowns,
  scopeQuery,
} from '@liaison/contracts'
import type { DbOrTx } from '@liaison/db'
import { catalogById, covers, listStations, queryMetrics, stationDetail } from '@liaison/metrics'
import { Hono } from 'hono'
import { z } from 'zod'
import { assertInScope, readableRegion } from '../auth/middleware.ts'
import type { AppEnv } from '../types.ts'
import { validate } from '../validate.ts'
import { regionRef } from './metrics.ts'

/** A breakdown: figures by one dimension, by each of the three calendar years ending with the period's, or the stations. */
type Breakdown =
  | { by: Dimension; ids: string[] }
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
      'stations_standardised',
      'station_coverage_rate',
      'townships_covered_rate',
      'seven_standard_rate',
      'deputy_coverage_rate',
    ],
    breakdowns: {
      townships: {
        by: 'township',
        ids: ['stations_built', 'stations_standardised', 'station_coverage_rate', 'seven_standard_rate'],
      },
      kinds: { by: 'kind', ids: ['stations_built', 'stations_standardised'] },
      stations: {
        by: 'station',
        ids: ['receptions', 'visitors', 'opinions_collected', 'resolution_rate', 'satisfaction_rate'],
      },
      list: { list: 'stations' },
      years: { years: ['stations_standardised', 'stations_target', 'stations_planned'] },
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
    ],
    breakdowns: {
      // The funnel: opinions by current status, and how many of them were evaluated.
      statuses: { by: 'status', ids: ['opinions_collected', 'opinions_evaluated'] },
      categories: { by: 'category', ids: ['opinions_collected', 'resolution_rate'] },
      channels: { by: 'channel', ids: ['opinions_collected', 'opinions_replied', 'reply_rate'] },
      routes: { by: 'route', ids: ['opinions_collected'] },
      townships: {
        by: 'township',
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
      months: { by: 'month', ids: ['opinions_collected', 'opinions_resolved', 'satisfaction_rate'] },
    },
  },
  funding: {
    kpis: [
      'projects',
      'projects_completed',
      'funds_budget',
      'funds_allocated',
      'funds_spent',
      'fund_execution_rate',
      'fund_budget_share',
    ],
    breakdowns: {
      townships: {
        by: 'township',
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
      townships: { by: 'township', ids: ['reportback_done', 'reportback_required', 'reportback_rate'] },
      levels: { by: 'level', ids: ['reportback_done', 'reportback_required', 'reportback_rate'] },
      years: { years: ['reportback_rate', 'reportback_target_rate'] },
    },
  },
}

type Row = Record<string, string | number | null>
type Scope = { region: string; from: string; to: string }

/**
 * Monthly receptions of the stations with most receptions — the comparison's small multiples open with them —
 * for those whose details the user may see (`detailRegion`, null = all).
 */
async function leadersMonthly(db: DbOrTx, scope: Scope, count: number, detailRegion: string | null) {
  const { data } = await queryMetrics(db, { ...scope, by: 'station', ids: ['receptions'] })
  const leaders = data
    .filter((r) => typeof r.receptions === 'number')
    .sort((a, b) => Number(b.receptions) - Number(a.receptions))
    .slice(0, count)
  const details = await Promise.all(
    leaders.map((r) => stationDetail(db, Number(r.station), scope.from, scope.to, false)),
  )
  return details.flatMap((detail, i) =>
    detail && covers(detailRegion, String(detail.station.township_code))
      ? detail.monthly.map((m): Row => ({ station: leaders[i]!.station as Row[string], ...m }))
      : [],
  )
}

/** One breakdown's rows. Years: the whole calendar years (the plan's and the term's) ending with the period's. */
async function breakdownRows(
  db: DbOrTx,
  scope: Scope,
  breakdown: Breakdown,
  detailRegion: string | null,
): Promise<Row[]> {
  if ('list' in breakdown) return (await listStations(db, scope.region)) as unknown as Row[]
  if ('leaders' in breakdown) return leadersMonthly(db, scope, breakdown.leaders, detailRegion)
  if ('by' in breakdown) return (await queryMetrics(db, { ...scope, ...breakdown })).data as Row[]
  const last = Number(scope.to.slice(0, 4))
  const years = [last - 2, last - 1, last]
  return Promise.all(
    years.map(async (year) => {
      const span = { region: scope.region, from: `${year}-01-01`, to: `${year}-12-31` }
      const { data } = await queryMetrics(db, { ...span, ids: breakdown.years })
      const values = Object.fromEntries(
        breakdown.years.map((id) => [id, (data[0]?.[id] ?? null) as Row[string]]),
      )
      return { year: String(year), ...values }
    }),
  )
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

const moduleName = z.object({
  name: z.enum(['stations', 'opinions', 'funding', 'reportback'] as const satisfies CompositeModule[]),
})

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
    const entries = Object.entries<Breakdown>(spec.breakdowns)
    const detailRegion = readableRegion(c.var.user, 'detail')
    const [cards, ...parts] = await Promise.all([
      kpiCards(db, { ...base, compare: q.compare }, spec.kpis, spec.targets),
      ...entries.map(([, b]) => breakdownRows(db, base, b, detailRegion)),
    ])
    const body: ModuleDataResponse = {
      meta: { region, from: q.from, to: q.to, compare: q.compare ?? null, previous: cards.previous },
      kpis: cards.kpis,
      breakdowns: Object.fromEntries(entries.map(([key], i) => [key, parts[i]!])),
    }
    return c.json(body)
  },
)
