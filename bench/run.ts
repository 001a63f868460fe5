// pnpm bench [--scale county|province|nation] [--samples 25] [--warm-up 0] [--raw-samples 5] [--raw-warmups 1]
//            [--raw-budget 0] [--duration 10]
//            [--workers n]
//            [--runs 5] [--no-browser] [--smoke] [--out file]
// pnpm bench --frontend-only [--runs 5] [--waterfall] [--database-url URL]: only the front-end figures, on the
// demo (PGlite) unless a database is named.
// Against PostgreSQL: DATABASE_URL, or liaison_bench_<scale> on the local server (created and loaded when empty).
// Starts the API as a child process and measures, at every scope from a station to the nation: each module's
// composite endpoint and a set of /metrics queries over HTTP, computed (Cache-Control: no-cache) and answered
// from the cache; the same answers straight from the facts (useRollups: false, in this process), their timings and
// whether they are equal; autocannon on the overview; the API's peak RSS; and the front end in Chromium.
// Writes bench/results/<date>-<scale>.json (or --out).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import type { CompositeModule } from '@liaison/contracts'
import { createDb } from '@liaison/db'
import { queryMetrics } from '@liaison/metrics'
import autocannon from 'autocannon'
import { moduleData, readsEverything } from '../apps/api/src/routes/module-data.ts'
import { overviewData } from '../apps/api/src/routes/overview.ts'
import { memoryKb, startApi } from './api-process.ts'
import { appSizes, runFrontEndOnly } from './frontend.ts'
import { keptAliveClient, r1, stats } from './http.ts'
import { benchDatabase, ensureLoaded, parseArgs } from './load.ts'

const argv = process.argv.slice(2)
const root = new URL('..', import.meta.url).pathname
/** Timings on a shared machine mean little without the load they were taken under. */
const loadAverage = () => loadavg().map((n) => Math.round(n * 10) / 10)
if (argv.includes('--frontend-only')) {
  // Only an explicit --database-url: a DATABASE_URL in the environment is not a bench database.
  const at = argv.indexOf('--database-url')
  const databaseUrl = at >= 0 ? argv[at + 1] : undefined
  const frontend = await runFrontEndOnly(argv, root, databaseUrl)
  const target = databaseUrl ? 'postgres' : 'demo'
  const out = join(root, `bench/results/${new Date().toISOString().slice(0, 10)}-frontend-${target}.json`)
  const { first_view_waterfall: _waterfall, ...figures } = frontend
  const report = {
    target: databaseUrl ? 'PostgreSQL' : 'demo (PGlite)',
    date: new Date().toISOString(),
    load_average: loadAverage(),
    frontend: figures,
  }
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`)
  process.exit(0)
}
const { scale, databaseUrl, get } = parseArgs(argv)
const smoke = argv.includes('--smoke')
const samples = Number(get('samples') ?? (smoke ? 3 : 25))
const rawSamples = Number(get('raw-samples') ?? (smoke ? 1 : 5))
// At nation scale one raw composite answer takes minutes: `--raw-warmups 0` skips the untimed first run.
const rawWarmups = Number(get('raw-warmups') ?? 1)
// With `--raw-budget s`, a raw answer cheap enough is timed as often as the HTTP one (`--samples`), while its
// samples stay under s seconds in all: both sides' p95 then come from as many samples. A single sample is the
// typical time, not the 95th percentile, so the ratio of the cheap endpoints depended on one draw.
const rawBudgetMs = Number(get('raw-budget') ?? 0) * 1000
// With `--warm-up s`, each endpoint's HTTP samples follow s seconds of the same request (at least two), not two
// requests only. The API sits idle while a raw answer runs, for up to a minute at nation scale; after such a pause
// the machine answers a one-millisecond request more slowly for two or three seconds (docs/scaling.md, ninth pass).
const warmUpMs = Number(get('warm-up') ?? 0) * 1000
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

/** The /metrics queries the dashboard issues, one per chart kind. */
const metricQueries: { name: string; ids: string[]; by?: 'area' | 'month' | 'category'; compare?: 'yoy' }[] =
  [
    {
      name: 'metrics:kpis',
      ids: ['receptions', 'visitors', 'opinions_collected', 'resolution_rate', 'satisfaction_rate'],
      compare: 'yoy',
    },
    { name: 'metrics:median_days', ids: ['median_days_to_resolve', 'timely_rate', 'backlog', 'overdue'] },
    { name: 'metrics:by_area', ids: ['receptions', 'opinions_collected', 'resolution_rate'], by: 'area' },
    { name: 'metrics:by_month', ids: ['receptions', 'opinions_collected'], by: 'month' },
    { name: 'metrics:funding_by_category', ids: ['projects', 'funds_allocated'], by: 'category' },
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

/** Rates and money compared to 9 significant digits; everything else exactly. */
const canonical = (value: unknown): unknown =>
  typeof value === 'number'
    ? Number(value.toPrecision(9))
    : Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]))
        : value
const same = (a: unknown, b: unknown) =>
  JSON.stringify(canonical(JSON.parse(JSON.stringify(a)))) === JSON.stringify(canonical(b))

interface EndpointResult {
  name: string
  scope: string
  region: string
  /** Computed on request (the cache bypassed with Cache-Control: no-cache). */
  p50_ms: number
  p95_ms: number
  p99_ms: number
  /** Repeated requests answered from the API's cache. */
  cached_p95_ms: number
  /** The same answer straight from the facts, in this process (no HTTP). */
  raw_p50_ms: number | null
  raw_p95_ms: number | null
  /** How many raw answers were timed (`--raw-samples`, more within `--raw-budget`). */
  raw_samples: number | null
  /** raw p95 ÷ computed p95. */
  speedup: number | null
  /** raw p50 ÷ computed p50: the typical answer's ratio. A computed p95 of a few milliseconds is mostly the
   * machine's scheduling (a cached answer's p95 is as long), so the medians say more of the rollups' work. */
  speedup_p50: number | null
  equal: boolean | null
  samples: number
  status: number
}

const endpoints: EndpointResult[] = []
const throughput: Record<'cached' | 'computed', Record<string, number | string>> = {
  cached: {},
  computed: {},
}
let rssIdle = 0
let rssPeak = 0
let rssPeakTotal = 0
try {
  const { cookie } = await api.signIn()
  rssIdle = Math.max(...apiPids(child.pid!).map((p) => memoryKb(p, 'VmRSS')))

  /** Sequential GETs after two warm-ups (or `--warm-up` seconds of them); the last body for the equality check. */
  const timeHttp = async (path: string, computed: boolean) => {
    let status = 0
    let body: unknown = null
    const times: number[] = []
    const headers: Record<string, string> = { cookie, ...(computed ? { 'cache-control': 'no-cache' } : {}) }
    const warmUntil = performance.now() + warmUpMs
    for (let warmed = 0; warmed < 2 || performance.now() < warmUntil; warmed++)
      await client.get(`${base}${path}`, headers)
    for (let i = 0; i < samples; i++) {
      const t = performance.now()
      const res = await client.get(`${base}${path}`, headers)
      times.push(performance.now() - t)
      // A path the API does not know falls through to the SPA's index.html: count that as a failure.
      status = res.type.includes('json') ? res.status : -res.status
      if (status === 200) body = JSON.parse(res.text)
    }
    return { ...stats(times), status, body }
  }
  const timeRaw = async (compute: () => Promise<unknown>) => {
    const times: number[] = []
    let answer: unknown = null
    for (let i = 0; i < rawWarmups; i++) answer = await compute()
    const most = Math.max(rawSamples, rawBudgetMs > 0 ? samples : 0)
    let spent = 0
    while (times.length < rawSamples || (times.length < most && spent < rawBudgetMs)) {
      const t = performance.now()
      answer = await compute()
      times.push(performance.now() - t)
      spent += times.at(-1)!
    }
    return { ...stats(times), samples: times.length, answer }
  }
  const record = (
    name: string,
    scope: string,
    region: string,
    h: Awaited<ReturnType<typeof timeHttp>>,
    cached: Awaited<ReturnType<typeof timeHttp>>,
    raw: Awaited<ReturnType<typeof timeRaw>> | null,
    equal: boolean | null,
  ) => {
    const speedup = raw ? r1(raw.p95 / Math.max(h.p95, 0.1)) : null
    const speedupP50 = raw ? r1(raw.p50 / Math.max(h.p50, 0.1)) : null
    endpoints.push({
      name,
      scope,
      region,
      p50_ms: h.p50,
      p95_ms: h.p95,
      p99_ms: h.p99,
      cached_p95_ms: cached.p95,
      raw_p50_ms: raw?.p50 ?? null,
      raw_p95_ms: raw?.p95 ?? null,
      raw_samples: raw?.samples ?? null,
      speedup,
      speedup_p50: speedupP50,
      equal,
      samples,
      status: h.status,
    })
    log(
      `${scope.padEnd(9)} ${name.padEnd(28)} p95 ${h.p95} ms computed, ${cached.p95} ms cached (${h.status})` +
        (raw ? ` · raw p95 ${raw.p95} ms · ×${speedup} (p50 ×${speedupP50}) · equal ${equal}` : ''),
    )
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
const frontend: {
  first_view_js_gzip_bytes: number | null
  first_view_css_gzip_bytes: number | null
  first_view_transfer_bytes: number | null
  overview_painted_ms: number | null
  overview_painted_runs_ms?: number[]
  apps: typeof apps
  note?: string
} = {
  first_view_js_gzip_bytes: null,
  first_view_css_gzip_bytes: null,
  first_view_transfer_bytes: null,
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
const report = {
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
console.log(
  '\nendpoint                     scope        p50     p95     p99  cached p95  raw p95   speedup  p50 ×  equal',
)
for (const e of endpoints)
  console.log(
    `${e.name.padEnd(28)} ${e.scope.padEnd(9)} ${String(e.p50_ms).padStart(7)} ${String(e.p95_ms).padStart(7)} ${String(e.p99_ms).padStart(7)} ${String(e.cached_p95_ms).padStart(11)} ${String(e.raw_p95_ms ?? '–').padStart(8)} ${String(e.speedup ?? '–').padStart(9)} ${String(e.speedup_p50 ?? '–').padStart(6)}  ${e.equal ?? '–'}`,
  )
for (const mode of ['cached', 'computed'] as const) {
  const t = throughput[mode]
  console.log(
    `throughput (overview, county, 50 conn, ${duration} s, ${mode}): ${t.rps} req/s, errors ${t.errors}, non-2xx ${t.non2xx}, p99 ${t.p99_ms} ms`,
  )
}
console.log(
  `API RSS: idle ${report.api_rss_idle_mb} MB, peak ${report.api_rss_mb} MB per process (${report.api_rss_total_mb} MB in all); load ${report.load_seconds ?? '?'} s`,
)
for (const a of apps)
  console.log(`app ${a.name.padEnd(14)} js ${a.js_gzip_bytes} B gz, css ${a.css_gzip_bytes} B gz`)
console.log(
  `first view: ${frontend.first_view_js_gzip_bytes ?? '–'} B gz JS, overview painted ${frontend.overview_painted_ms ?? '–'} ms`,
)
const out = get('out') ?? join(root, `bench/results/${report.date.slice(0, 10)}-${scale}.json`)
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`)
console.log(`wrote ${out}`)
const bad = endpoints.filter((e) => e.status !== 200 || e.equal === false)
if (bad.length) {
  console.log(`${bad.length} endpoint(s) failed or disagreed with the raw path:`)
  for (const e of bad) console.log(`  ${e.name} ${e.scope} status ${e.status} equal ${e.equal}`)
  process.exitCode = 1
}
