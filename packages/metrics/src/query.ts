// queryMetrics: any figures of the catalogue for a region and period, optionally broken down and compared.
import {
  type CompareMode,
  type Dimension,
  deputyCategories,
  deputyLevels,
  type EnumEntry,
  evaluations,
  type MetricRow,
  opinionCategories,
  opinionChannels,
  opinionRoutes,
  opinionStatuses,
  projectStatuses,
  receptionKinds,
  stationKinds,
  stationStatuses,
} from '@liaison/contracts'
import type { DbOrTx } from '@liaison/db'
import { sql } from 'drizzle-orm'
import { catalogById, type Metric, type Source } from './catalog.ts'
import { rowsOf } from './db.ts'
import { deriveMetric } from './derive.ts'
import { keyYearEarlier, monthsIn, previousPeriod, yearEarlier } from './period.ts'
import { rollupsCurrent } from './rollups.ts'
import { areaLength, countyRange, nextPrefix, regionPrefix } from './scope.ts'
import { type BaseRow, merge, type SourceSpec, sources } from './sources.ts'

export interface MetricsSpec {
  ids: string[]
  region: string
  from: string
  to: string
  by?: Dimension | undefined
  compare?: CompareMode | undefined
  /** false: straight from the facts (tests compare both). Otherwise the rollups serve whole months when current. */
  useRollups?: boolean | undefined
  /** Whether the region's rollups are current, when the caller has asked already (rollupsCurrent, dataState): an
   * answer made of several queries asks once instead of once per query. */
  rollupsReady?: boolean | undefined
  /** The language of the keys' names (`<by>_name`) where they are the catalogue's words (a category, a status…);
   * places and stations keep their names. Default Chinese. */
  lang?: 'zh' | 'en' | undefined
}

/** How a composite answer reads: from the facts only (`useRollups: false`), or from the rollups where they serve,
 * with their currency already known (`rollupsReady`) or asked once for the whole answer. */
export type RollupChoice = Pick<MetricsSpec, 'useRollups' | 'rollupsReady'>

/** The rollup choice of every query of a composite answer: the currency asked once, unless known or unneeded. */
export async function choiceFor(
  db: DbOrTx,
  region: string,
  choice: RollupChoice = {},
): Promise<RollupChoice> {
  if (choice.useRollups === false) return { useRollups: false, rollupsReady: false }
  return { useRollups: true, rollupsReady: choice.rollupsReady ?? (await rollupsCurrent(db, region)) }
}

export class MetricsError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message)
  }
}

/** Check ids and dimension against the catalogue; returns the metrics. */
export function resolveMetrics(ids: string[], by?: Dimension): Metric[] {
  const unknown = ids.filter((id) => !catalogById.has(id))
  if (unknown.length)
    throw new MetricsError(`未知指标 / Unknown metric: ${unknown.join(', ')}`, { ids: unknown })
  const metrics = ids.map((id) => catalogById.get(id)!)
  const unfit = by ? metrics.filter((m) => !m.dimensions.includes(by)) : []
  if (unfit.length) {
    throw new MetricsError(
      `指标不能按“${by}”分组 / Cannot break down by ${by}: ${unfit.map((m) => m.id).join(', ')}`,
      {
        by,
        ids: unfit.map((m) => m.id),
      },
    )
  }
  return metrics
}

async function baseRows(db: DbOrTx, needed: Set<Source>, spec: SourceSpec): Promise<BaseRow[]> {
  // Each source through an async function: one that throws before returning its promise must reject, not leave
  // the sources already started with nobody awaiting them (their rejections, unhandled, ended the process).
  const parts = await Promise.all([...needed].map(async (source) => sources[source](db, spec)))
  return parts.reduce(merge, [])
}

const enumLabels: Partial<Record<Dimension, readonly EnumEntry<string>[]>> = {
  category: opinionCategories,
  channel: opinionChannels,
  route: opinionRoutes,
  level: deputyLevels,
}
/** The names of a key without a value, where it has a meaning (an opinion not yet routed). */
const unnamed: Partial<Record<Dimension, { zh: string; en: string }>> = {
  route: { zh: '未分流', en: 'Not routed' },
}
const unfilled = { zh: '未填写', en: 'Not filled in' }
const statusLabels = [
  ...opinionStatuses,
  ...projectStatuses,
  ...stationStatuses,
  ...evaluations,
  ...deputyCategories,
]

/** The names of a breakdown's keys. The keys go as one array parameter: a nation's 234,000 stations as a list of
 * parameters overflowed the stack building the statement (and PostgreSQL takes at most 65,535). */
async function labels(
  db: DbOrTx,
  by: Dimension,
  keys: string[],
  sources: Set<Source>,
  lang: 'zh' | 'en',
): Promise<Map<string, string>> {
  if (by === 'township' || by === 'area') {
    const rows = await rowsOf<{ code: string; name: string }>(
      db,
      sql`select code, name from regions where code = any(${sql.param(keys)}::text[])`,
    )
    return new Map(rows.map((r) => [r.code, r.name]))
  }
  if (by === 'station') {
    const ids = keys.map(Number).filter(Number.isFinite)
    const rows = await rowsOf<{ id: number; name: string }>(
      db,
      sql`select id, name from stations where id = any(${sql.param(ids)}::int[])`,
    )
    return new Map(rows.map((r) => [String(r.id), r.name]))
  }
  // A kind is a reception's (进站接待, 网上接待…) or a station's (联络站, 网上联络站…): both have an 'online'.
  const kinds = sources.has('receptions') ? receptionKinds : stationKinds
  const list = by === 'status' ? statusLabels : by === 'kind' ? kinds : (enumLabels[by] ?? [])
  return new Map(list.map((e) => [e.value, e[lang]]))
}

/** Compute figures; rows carry `<id>`, `<id>__base` (a rate's denominator) and, with compare, `__previous`/`__change`. */
export async function queryMetrics(db: DbOrTx, spec: MetricsSpec) {
  const metrics = resolveMetrics(spec.ids, spec.by)
  const needed = new Set(metrics.flatMap((m) => [m.source, ...(m.requires ?? [])]))
  if (needed.has('plans') || metrics.some((m) => m.id === 'station_coverage_rate')) needed.add('stations')
  if (metrics.some((m) => m.id === 'fund_budget_share')) needed.add('projects')
  if (metrics.some((m) => m.id === 'station_coverage_rate')) needed.add('plans')
  const timeBy = spec.by === 'month' || spec.by === 'quarter' || spec.by === 'year'
  // Time buckets outside the period (the backlog's older months of receipt) are not part of the answer.
  const inPeriod = (row: BaseRow) =>
    !timeBy ||
    (row.key !== null && row.key >= bucket(spec.from, spec.by!) && row.key <= bucket(spec.to, spec.by!))
  const rollups = spec.useRollups !== false && (spec.rollupsReady ?? (await rollupsCurrent(db, spec.region)))
  const sourceSpec: SourceSpec = {
    region: spec.region,
    from: spec.from,
    to: spec.to,
    by: spec.by,
    rollups,
    ids: metrics.map((m) => m.id),
  }
  // By month, quarter or year, each bucket compares year on year with its own a year earlier, however long the
  // range: 2023-05 of 2022–2023 with 2022-05 (the range's previous period, 2020–2021, would not hold it).
  const previous = !spec.compare
    ? null
    : timeBy && spec.compare === 'yoy'
      ? yearEarlier(spec.from, spec.to)
      : previousPeriod(spec.from, spec.to, spec.compare)
  const areas = spec.by === 'township' || spec.by === 'area' ? spec.by : null
  // The period, the compared period and the list of areas do not depend on each other: asked at once.
  const [fetched, keys, before] = await Promise.all([
    baseRows(db, needed, sourceSpec),
    areas ? areaKeys(db, spec.region, areas) : null,
    previous ? baseRows(db, needed, { ...sourceSpec, ...previous }) : [],
  ])
  let current = fetched.filter(inPeriod)
  // Every area of the region has a row, with or without activity, so rankings show who lags.
  if (keys) {
    const listed = new Set(keys.map((k) => k.key))
    // Above a county only the areas with data (the townships' denominators would list every province).
    current = merge(keys, current).filter((row) => listed.has(row.key))
  }
  current.sort((a, b) => String(a.key).localeCompare(String(b.key)))
  const priorKey = (key: string | null) =>
    key && timeBy ? (spec.compare === 'yoy' ? keyYearEarlier(key) : null) : key
  // Figures per month divide by the months each period spans.
  for (const row of current) row.months = monthsIn(spec.from, spec.to)
  if (previous) for (const row of before) row.months = monthsIn(previous.from, previous.to)
  const beforeByKey = new Map(before.map((r) => [r.key, r]))
  if (!spec.by && current.length === 0) current.push({ key: null })
  const lang = spec.lang ?? 'zh'
  const names = spec.by
    ? await labels(
        db,
        spec.by,
        current.map((r) => String(r.key)),
        needed,
        lang,
      )
    : new Map()
  const data: MetricRow[] = current.map((row) => {
    const out: MetricRow = {}
    if (spec.by) {
      out[spec.by] = row.key
      if (names.size)
        out[`${spec.by}_name`] =
          row.key === null
            ? (unnamed[spec.by] ?? unfilled)[lang]
            : (names.get(String(row.key)) ?? String(row.key))
    }
    const prevRow = previous ? beforeByKey.get(priorKey(row.key) as string | null) : undefined
    for (const metric of metrics) {
      const [value, base] = deriveMetric(row, metric.id)
      out[metric.id] = value ?? zeroFor(metric)
      if (metric.unit === 'rate') out[`${metric.id}__base`] = base
      if (previous) {
        const old = prevRow ? (deriveMetric(prevRow, metric.id)[0] ?? zeroFor(metric)) : null
        out[`${metric.id}__previous`] = old
        out[`${metric.id}__change`] = change(metric, out[metric.id] as number | null, old)
      }
    }
    return out
  })
  return { data, previous, metrics }
}

/** Every township of the region; or every area of it: townships of a county, and above a county the areas
 * holding a county with data. */
async function areaKeys(db: DbOrTx, region: string, by: 'township' | 'area'): Promise<BaseRow[]> {
  const length = areaLength(region)
  if (by === 'township' || length === 9) {
    const prefix = regionPrefix(region)
    const within = prefix ? sql`code >= ${prefix} and code < ${nextPrefix(prefix)}` : sql`true`
    return rowsOf<BaseRow>(db, sql`select code as key from regions where level = 'township' and ${within}`)
  }
  return rowsOf<BaseRow>(
    db,
    sql`select distinct left(d.county_code, ${length}) as key from data_versions d where ${countyRange('d', region)}`,
  )
}

/** The bucket key a day falls in, as the SQL formats it. */
function bucket(day: string, by: Dimension): string {
  if (by === 'month') return day.slice(0, 7)
  if (by === 'quarter') return `${day.slice(0, 4)}Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`
  return day.slice(0, 4)
}

/** A count with no rows is 0; a rate, median or plan figure without data stays null. */
function zeroFor(metric: Metric): number | null {
  return metric.unit === 'rate' || metric.unit === 'days' || metric.source === 'plans' || metric.requires
    ? null
    : 0
}

/** Rates change in percentage points (as a fraction); counts relatively; a zero or missing base gives null. */
export function change(metric: Metric, value: number | null, previous: number | null): number | null {
  if (value === null || previous === null) return null
  if (metric.unit === 'rate') return value - previous
  return previous === 0 ? null : (value - previous) / previous
}
