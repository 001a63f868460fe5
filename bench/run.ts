// pnpm bench [--scale county|province|nation] [--samples 25] [--warm-up 0] [--raw-samples 5] [--raw-warmups 1]
//            [--raw-budget 0] [--duration 10]   (at nation: --samples 50 --warm-up 3 --raw-samples 1 --raw-budget 3)
//            [--workers n]
//            [--runs 5] [--no-browser] [--smoke] [--out file]
// pnpm bench --frontend-only [--runs 5] [--waterfall] [--database-url URL] [--out file]: only the front-end
// figures, on the demo (PGlite) unless a database is named; bench/results/<date>-frontend-<demo|postgres>.json.
// Against PostgreSQL: DATABASE_URL, or liaison_bench_<scale> on the local server (created and loaded when empty).
// Starts the API as a child process and measures, at every scope from a station to the nation: each module's
// composite endpoint and a set of /metrics queries over HTTP, computed (Cache-Control: no-cache) and answered
// from the cache; the same answers straight from the facts (useRollups: false, in this process), their timings and
// whether they are equal; autocannon on the overview; the API's peak RSS; and the front end in Chromium.
// Writes bench/results/<date>-<scale>.json (or --out).
import { existsSync, readFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import type { CompareMode, CompositeModule, Dimension } from '@liaison/contracts'
import { createDb } from '@liaison/db'
import { queryMetrics } from '@liaison/metrics'
import autocannon from 'autocannon'
import { moduleData, readsEverything } from '../apps/api/src/routes/module-data.ts'
import { overviewData } from '../apps/api/src/routes/overview.ts'
import { memoryKb, startApi } from './api-process.ts'
import {
  type EndpointResult,
  endpointResult,
  endpointTimers,
  type HttpTiming,
  type RawTiming,
  same,
} from './endpoints.ts'
import { appSizes, runFrontEndOnly } from './frontend.ts'
import { keptAliveClient } from './http.ts'
import { benchDatabase, ensureLoaded, parseArgs } from './load.ts'
import {
  type BenchReport,
  type FrontEndFigures,
  loadAverage,
  printReport,
  reportFailures,
  type Throughput,
  writeReport,
} from './report.ts'

const argv = process.argv.slice(2)
const root = new URL('..', import.meta.url).pathname
if (argv.includes('--frontend-only')) {
  // Only an explicit --database-url: a DATABASE_URL in the environment is not a bench database.
  const at = argv.indexOf('--database-url')
  const databaseUrl = at >= 0 ? argv[at + 1] : undefined
  const frontend = await runFrontEndOnly(argv, root, databaseUrl)
  const target = databaseUrl ? 'postgres' : 'demo'
  const outAt = argv.indexOf('--out')
  const out =
    outAt >= 0
      ? argv[outAt + 1]!
      : join(root, `bench/results/${new Date().toISOString().slice(0, 10)}-frontend-${target}.json`)
  const { first_view_waterfall: _waterfall, ...figures } = frontend
  writeReport(out, {
    target: databaseUrl ? 'PostgreSQL' : 'demo (PGlite)',
    date: new Date().toISOString(),
    load_average: loadAverage(),
    frontend: figures,
  })
  process.exit(0)
}
const { scale, databaseUrl, get } = parseArgs(argv)
const smoke = argv.includes('--smoke')
// At nation scale the defaults are the options of the runs the README quotes: `pnpm bench --scale nation` is the
// acceptance command of issue 7 and should measure what it states.
const nation = scale === 'nation'
const samples = Number(get('samples') ?? (smoke ? 3 : nation ? 50 : 25))
// A raw national answer takes up to a minute: one timed sample of those, more of the cheap ones (`--raw-budget`).
const rawSamples = Number(get('raw-samples') ?? (smoke || nation ? 1 : 5))
// `--raw-warmups 0` skips the untimed first run.
const rawWarmups = Number(get('raw-warmups') ?? 1)
// With `--raw-budget s`, a raw answer cheap enough is timed as often as the HTTP one (`--samples`), while its
// samples stay under s seconds in all: both sides' p95 then come from as many samples. A single sample is the
// typical time, not the 95th percentile, so the ratio of the cheap endpoints depended on one draw.
const rawBudgetMs = Number(get('raw-budget') ?? (nation ? 3 : 0)) * 1000
// With `--warm-up s`, each endpoint's HTTP samples follow s seconds of the same request (at least two), not two
// requests only. The API sits idle while a raw answer runs, for up to a minute at nation scale; after such a pause
// the machine answers a one-millisecond request more slowly for two or three seconds (docs/scaling.md, ninth pass).
// Issue 7's goals are for a warm API, so at nation scale, where those pauses happen, the default is three seconds.
const warmUpMs = Number(get('warm-up') ?? (nation ? 3 : 0)) * 1000
const duration = Number(get('duration') ?? (smoke ? 2 : 10))
const workers = Number(get('workers') ?? 1)
const browser = !argv.includes('--no-browser') && !smoke
const runs = Number(get('runs') ?? 5)
const url = databaseUrl || (await benchDatabase(scale))
if (!url.startsWith('postgres'))
  throw new Error('pnpm bench needs PostgreSQL (DATABASE_URL or --database-url)')
const from = '2025-01-01'
const to = '2025-12-31'
const period = { from, to }

const log = (line: string) => console.log(line)
log(`bench ${scale} on ${url.replace(/\/\/[^@]*@/, '//')}${workers > 1 ? `, ${workers} workers` : ''}`)
const load = await ensureLoaded(url, scale)

const handle = await createDb({ url })
const [place] = await handle.rows<{ township: string; station: number }>(
  `select township_code as township, min(id) as station from stations where county_code = '520523'
   group by 1 order by count(*) desc, 1 limit 1`,
)
const scopes: { scope: string; region: string }[] = [
  { scope: 'township', region: place!.township },
  { scope: 'county', region: '520523' },
  { scope: 'city', region: '5205' },
  { scope: 'province', region: '52' },
  { scope: 'nation', region: 'CN' },
]
const modules: ('overview' | CompositeModule)[] = [
  'overview',
  'stations',
  'opinions',
  'funding',
  'reportback',
]

/** The /metrics queries the dashboard issues, one per chart kind, and an analyst's breakdown by status. */
const metricQueries: { name: string; ids: string[]; by?: Dimension; compare?: CompareMode }[] = [
  {
    name: 'metrics:kpis',
    ids: ['receptions', 'visitors', 'opinions_collected', 'resolution_rate', 'satisfaction_rate'],
    compare: 'yoy',
  },
  { name: 'metrics:median_days', ids: ['median_days_to_resolve', 'timely_rate', 'backlog', 'overdue'] },
  { name: 'metrics:by_area', ids: ['receptions', 'opinions_collected', 'resolution_rate'], by: 'area' },
  { name: 'metrics:by_month', ids: ['receptions', 'opinions_collected'], by: 'month' },
  { name: 'metrics:funding_by_category', ids: ['projects', 'funds_allocated'], by: 'category' },
  // Each opinion's status at the period's end.
  { name: 'metrics:by_status', ids: ['opinions_collected', 'backlog', 'overdue'], by: 'status' },
]

// --- the API as a child process -------------------------------------------------------------------------
const api = startApi(root, { DATABASE_URL: url, WORKERS: String(workers) })
const base = api.base
const child = api.child

/** The API's processes: the child, and its workers when there are several. */
const apiPids = (pid: number) => {
  const path = `/proc/${pid}/task/${pid}/children`
  const kids = existsSync(path)
    ? readFileSync(path, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
    : []
  return workers > 1 ? kids : [pid]
}

const client = keptAliveClient()

const endpoints: EndpointResult[] = []
const throughput: Record<'cached' | 'computed', Throughput> = {
  cached: {},
  computed: {},
}
let rssIdle = 0
let rssPeak = 0
let rssPeakTotal = 0
try {
  const { cookie } = await api.signIn()
  rssIdle = Math.max(...apiPids(child.pid!).map((p) => memoryKb(p, 'VmRSS')))

  const { timeHttp, timeRaw } = endpointTimers({
    client,
    base,
    cookie,
    samples,
    warmUpMs,
    rawWarmups,
    rawSamples,
    rawBudgetMs,
  })
  const record = (
    name: string,
    scope: string,
    region: string,
    computed: HttpTiming,
    cached: HttpTiming,
    raw: RawTiming | null,
    equal: boolean | null,
  ) => {
    const { result, line } = endpointResult({ name, scope, region, samples }, computed, cached, raw, equal)
    endpoints.push(result)
    log(line)
  }

  // A station: its detail (profile, deputies, monthly activity), always read from its facts.
  const stationPath = `/api/v1/stations/${place!.station}?from=${from}&to=${to}`
  record(
    'station:detail',
    'station',
    String(place!.station),
    await timeHttp(stationPath, true),
    await timeHttp(stationPath, false),
    null,
    null,
  )

  // The region picker's tree: the whole scope (the nation's provinces, cities and counties, for this admin), and
  // one county with its townships. Read from the regions table only: no raw path to compare with.
  for (const [scope, region, path] of [
    ['nation', 'CN', '/api/v1/regions'],
    ['county', '520523', '/api/v1/regions?within=520523'],
  ] as const) {
    record('regions:tree', scope, region, await timeHttp(path, true), await timeHttp(path, false), null, null)
  }

  for (const { scope, region } of scopes) {
    const q = { region, ...period }
    for (const name of modules) {
      const path = `/api/v1/modules/${name}/data?region=${region}&from=${from}&to=${to}`
      const h = await timeHttp(path, true)
      const cached = await timeHttp(path, false)
      const raw = await timeRaw(() =>
        name === 'overview'
          ? overviewData(handle.db, q, null, { useRollups: false })
          : moduleData(handle.db, name, q, readsEverything, { useRollups: false }),
      )
      record(`module:${name}`, scope, region, h, cached, raw, h.status === 200 && same(raw.answer, h.body))
    }
    for (const m of metricQueries) {
      const params = new URLSearchParams({ ids: m.ids.join(','), region, from, to })
      if (m.by) params.set('by', m.by)
      if (m.compare) params.set('compare', m.compare)
      const path = `/api/v1/metrics?${params}`
      const h = await timeHttp(path, true)
      const cached = await timeHttp(path, false)
      const spec = { ids: m.ids, region, from, to, by: m.by, compare: m.compare }
      const raw = await timeRaw(
        async () => (await queryMetrics(handle.db, { ...spec, useRollups: false })).data,
      )
      const answered = (h.body as { data?: unknown } | null)?.data
      record(m.name, scope, region, h, cached, raw, h.status === 200 && same(raw.answer, answered))
    }
  }

  // --- throughput: the overview at county scope, 50 connections, from this process -------------------
  for (const mode of ['cached', 'computed'] as const) {
    log(`autocannon: 50 connections, ${duration} s on the overview (county, ${mode})`)
    const result = await autocannon({
      url: `${base}/api/v1/modules/overview/data?region=520523&from=${from}&to=${to}`,
      connections: 50,
      duration,
      headers: { cookie, ...(mode === 'computed' ? { 'cache-control': 'no-cache' } : {}) },
    })
    throughput[mode] = {
      connections: 50,
      rps: Math.round(result.requests.average),
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      p99_ms: result.latency.p99,
      duration_s: duration,
      scope: 'county',
    }
  }
  const pids = apiPids(child.pid!)
  rssPeak = Math.max(...pids.map((p) => memoryKb(p, 'VmHWM')))
  rssPeakTotal = pids.reduce((n, p) => n + memoryKb(p, 'VmHWM'), 0)
} finally {
  client.close()
  await api.stop()
  await handle.close()
}

// --- front end --------------------------------------------------------------------------------------------
const apps = appSizes(root)
const frontend: FrontEndFigures = {
  first_view_js_gzip_bytes: null,
  first_view_css_gzip_bytes: null,
  first_view_transfer_bytes: null,
  first_view_wire_bytes: null,
  overview_painted_ms: null,
  apps,
}
if (browser) {
  try {
    const { measureFrontEnd } = await import('./browser.ts')
    const { first_view_waterfall: _waterfall, ...figures } = await measureFrontEnd({ databaseUrl: url, runs })
    Object.assign(frontend, figures)
  } catch (error) {
    frontend.note = `browser measurement failed: ${(error as Error).message.split('\n')[0]}`
    log(frontend.note)
  }
}

// --- report -----------------------------------------------------------------------------------------------
const pgVersion = await (async () => {
  const h = await createDb({ url })
  try {
    const [v] = await h.rows<{ v: string }>("select current_setting('server_version') as v")
    return v?.v ?? null
  } finally {
    await h.close()
  }
})()
const report: BenchReport = {
  scale,
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? null,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: pgVersion,
    workers,
    note: 'API, PostgreSQL, bench client and Chromium share the same machine',
    load_average_at_end: loadAverage(),
  },
  period,
  /** Seconds of each HTTP request before its samples (0: two requests). */
  warm_up_s: warmUpMs / 1000,
  load,
  load_seconds: load?.load_seconds ?? null,
  endpoints,
  throughput: throughput.cached,
  throughput_computed: throughput.computed,
  api_rss_mb: Math.round(rssPeak / 1024),
  api_rss_total_mb: Math.round(rssPeakTotal / 1024),
  api_rss_idle_mb: Math.round(rssIdle / 1024),
  frontend,
}
printReport(report)
writeReport(get('out') ?? join(root, `bench/results/${report.date.slice(0, 10)}-${scale}.json`), report)
if (reportFailures(endpoints)) process.exitCode = 1
