// pnpm bench [--scale county|province|nation] [--samples 25] [--duration 10] [--no-browser] [--runs 5]
// pnpm bench --frontend-only [--runs 5] [--waterfall] [--database-url URL]: only the front-end figures, on the
// demo (PGlite) unless a database is named.
// Against PostgreSQL: DATABASE_URL, or liaison_bench_<scale> on the local server (created and loaded when empty).
// Starts the API as a child process, measures every module endpoint and a set of /metrics queries at each scope
// over HTTP, the same /metrics figures straight from the facts (queryMetrics useRollups:false, in this process),
// autocannon on the overview, the API's peak RSS, and the front end in Chromium. Writes bench/results/<date>-<scale>.json.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { createDb } from '@liaison/db'
import { queryMetrics } from '@liaison/metrics'
import autocannon from 'autocannon'
import { appSizes, runFrontEndOnly } from './frontend.ts'
import { benchDatabase, ensureLoaded, parseArgs } from './load.ts'

const argv = process.argv.slice(2)
const root = new URL('..', import.meta.url).pathname
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
    // Timings on a shared machine mean little without the load they were taken under.
    load_average: loadavg().map((n) => Math.round(n * 10) / 10),
    frontend: figures,
  }
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`)
  process.exit(0)
}
const { scale, databaseUrl, get } = parseArgs(argv)
const samples = Number(get('samples') ?? 25)
const rawSamples = Number(get('raw-samples') ?? 7)
const duration = Number(get('duration') ?? 10)
const browser = !argv.includes('--no-browser')
const runs = Number(get('runs') ?? 5)
const url = databaseUrl || (await benchDatabase(scale))
if (!url.startsWith('postgres'))
  throw new Error('pnpm bench needs PostgreSQL (DATABASE_URL or --database-url)')
const from = '2025-01-01'
const to = '2025-12-31'

const log = (line: string) => console.log(line)
log(`bench ${scale} on ${url.replace(/\/\/[^@]*@/, '//')}`)
const load = await ensureLoaded(url, scale)

const handle = await createDb({ url })
const [township] = await handle.rows<{ code: string }>(
  `select township_code as code from stations where county_code = '520523' group by 1 order by count(*) desc, 1 limit 1`,
)
const scopes: { scope: string; region: string }[] = [
  { scope: 'township', region: township!.code },
  { scope: 'county', region: '520523' },
  { scope: 'city', region: '5205' },
  { scope: 'province', region: '52' },
]

/** The /metrics queries the dashboard issues, one per chart kind. */
const metricQueries: {
  name: string
  ids: string[]
  by?: 'township' | 'month' | 'category'
  compare?: 'yoy'
}[] = [
  {
    name: 'metrics:kpis',
    ids: ['receptions', 'visitors', 'opinions_collected', 'resolution_rate', 'satisfaction_rate'],
    compare: 'yoy',
  },
  { name: 'metrics:median_days', ids: ['median_days_to_resolve', 'timely_rate'] },
  {
    name: 'metrics:by_township',
    ids: ['receptions', 'opinions_collected', 'resolution_rate'],
    by: 'township',
  },
  { name: 'metrics:by_month', ids: ['receptions', 'opinions_collected'], by: 'month' },
  { name: 'metrics:funding_by_category', ids: ['projects', 'funds_allocated'], by: 'category' },
]

// --- the API as a child process -------------------------------------------------------------------------
const port = 19_000 + Math.floor(Math.random() * 1000)
const base = `http://127.0.0.1:${port}`
const kb = (pid: number, field: 'VmHWM' | 'VmRSS') =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)

async function waitUp(child: ChildProcess) {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error('the API exited')
    try {
      if ((await fetch(`${base}/api/v1/ready`)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error('the API did not start')
}

const child = spawn('node', ['--import', 'tsx', join(root, 'apps/api/src/cli.ts')], {
  env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', DEMO: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
const r1 = (n: number) => Math.round(n * 10) / 10
const stats = (times: number[]) => {
  const s = [...times].sort((a, b) => a - b)
  return { p50: r1(pct(s, 50)), p95: r1(pct(s, 95)), p99: r1(pct(s, 99)) }
}

/** Rates and money compared to 9 significant digits; everything else exactly. */
const canonical = (value: unknown): unknown =>
  typeof value === 'number'
    ? Number(value.toPrecision(9))
    : Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]))
        : value

interface EndpointResult {
  name: string
  scope: string
  region: string
  p50_ms: number
  p95_ms: number
  p99_ms: number
  raw_p50_ms: number | null
  raw_p95_ms: number | null
  speedup: number | null
  equal: boolean | null
  samples: number
  status: number
}

const endpoints: EndpointResult[] = []
let throughput = {
  connections: 50,
  rps: 0,
  errors: 0,
  non2xx: 0,
  p99_ms: 0,
  duration_s: duration,
  scope: 'county',
}
let rssIdle = 0
let rssPeak = 0
try {
  await waitUp(child)
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo-admin', password: 'demo' }),
  })
  if (!login.ok) throw new Error(`login failed: ${login.status}`)
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!
  rssIdle = kb(child.pid!, 'VmRSS')

  const timeHttp = async (path: string) => {
    let status = 0
    const times: number[] = []
    for (let i = 0; i < samples + 2; i++) {
      const t = performance.now()
      const res = await fetch(`${base}${path}`, { headers: { cookie } })
      await res.arrayBuffer()
      if (i >= 2) times.push(performance.now() - t)
      // A path the API does not know falls through to the SPA's index.html: count that as a failure.
      status = (res.headers.get('content-type') ?? '').includes('json') ? res.status : -res.status
    }
    return { ...stats(times), status }
  }

  for (const { scope, region } of scopes) {
    const q = `region=${region}&from=${from}&to=${to}`
    for (const name of ['overview', 'stations', 'opinions', 'funding', 'reportback']) {
      const path = `/api/v1/modules/${name}/data?${q}`
      const h = await timeHttp(path)
      endpoints.push({
        name: `module:${name}`,
        scope,
        region,
        p50_ms: h.p50,
        p95_ms: h.p95,
        p99_ms: h.p99,
        raw_p50_ms: null,
        raw_p95_ms: null,
        speedup: null,
        equal: null,
        samples,
        status: h.status,
      })
      log(`${scope.padEnd(9)} module:${name.padEnd(24)} p95 ${h.p95} ms (${h.status})`)
    }
    for (const m of metricQueries) {
      const params = new URLSearchParams({ ids: m.ids.join(','), region, from, to })
      if (m.by) params.set('by', m.by)
      if (m.compare) params.set('compare', m.compare)
      const h = await timeHttp(`/api/v1/metrics?${params}`)
      const spec = { ids: m.ids, region, from, to, by: m.by, compare: m.compare }
      const viaRollups = await queryMetrics(handle.db, spec)
      const rawTimes: number[] = []
      let raw: Awaited<ReturnType<typeof queryMetrics>> | null = null
      for (let i = 0; i < rawSamples + 1; i++) {
        const t = performance.now()
        raw = await queryMetrics(handle.db, { ...spec, useRollups: false })
        if (i >= 1) rawTimes.push(performance.now() - t)
      }
      const rs = stats(rawTimes)
      const equal = JSON.stringify(canonical(viaRollups.data)) === JSON.stringify(canonical(raw!.data))
      endpoints.push({
        name: m.name,
        scope,
        region,
        p50_ms: h.p50,
        p95_ms: h.p95,
        p99_ms: h.p99,
        raw_p50_ms: rs.p50,
        raw_p95_ms: rs.p95,
        speedup: r1(rs.p95 / Math.max(h.p95, 0.1)),
        equal,
        samples,
        status: h.status,
      })
      log(
        `${scope.padEnd(9)} ${m.name.padEnd(31)} p95 ${h.p95} ms (${h.status}) · raw p95 ${rs.p95} ms · ×${r1(rs.p95 / Math.max(h.p95, 0.1))} · equal ${equal}`,
      )
    }
  }

  // --- throughput: the overview at county scope, 50 connections, from this process -------------------
  log(`autocannon: 50 connections, ${duration} s on the overview (county)`)
  const result = await autocannon({
    url: `${base}/api/v1/modules/overview/data?region=520523&from=${from}&to=${to}`,
    connections: 50,
    duration,
    headers: { cookie },
  })
  throughput = {
    connections: 50,
    rps: Math.round(result.requests.average),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    p99_ms: result.latency.p99,
    duration_s: duration,
    scope: 'county',
  }
  rssPeak = kb(child.pid!, 'VmHWM')
} finally {
  child.kill('SIGTERM')
  await new Promise((r) => child.once('exit', r))
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
const date = new Date().toISOString().slice(0, 10)
const report = {
  scale,
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? null,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: pgVersion,
    note: 'API, PostgreSQL, bench client and Chromium share the same machine',
    load_average_at_end: loadavg().map((n) => Math.round(n * 10) / 10),
  },
  period: { from, to },
  load,
  load_seconds: load?.load_seconds ?? null,
  endpoints,
  throughput,
  api_rss_mb: Math.round(rssPeak / 1024),
  api_rss_idle_mb: Math.round(rssIdle / 1024),
  frontend,
}
console.log('\nendpoint                         scope       p50     p95     p99   raw p95   speedup  equal')
for (const e of endpoints)
  console.log(
    `${e.name.padEnd(32)} ${e.scope.padEnd(9)} ${String(e.p50_ms).padStart(7)} ${String(e.p95_ms).padStart(7)} ${String(e.p99_ms).padStart(7)} ${String(e.raw_p95_ms ?? '–').padStart(9)} ${String(e.speedup ?? '–').padStart(9)}  ${e.equal ?? '–'}`,
  )
console.log(
  `\nthroughput (overview, county, 50 conn, ${duration} s): ${throughput.rps} req/s, errors ${throughput.errors}, non-2xx ${throughput.non2xx}, p99 ${throughput.p99_ms} ms`,
)
console.log(
  `API RSS: idle ${report.api_rss_idle_mb} MB, peak ${report.api_rss_mb} MB; load ${report.load_seconds ?? '?'} s`,
)
for (const a of apps)
  console.log(`app ${a.name.padEnd(14)} js ${a.js_gzip_bytes} B gz, css ${a.css_gzip_bytes} B gz`)
console.log(
  `first view: ${frontend.first_view_js_gzip_bytes ?? '–'} B gz JS, overview painted ${frontend.overview_painted_ms ?? '–'} ms`,
)
mkdirSync(join(root, 'bench/results'), { recursive: true })
const out = join(root, `bench/results/${date}-${scale}.json`)
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`)
console.log(`wrote ${out}`)
const bad = endpoints.filter((e) => e.status !== 200 || e.equal === false)
if (bad.length) {
  console.log(`${bad.length} endpoint(s) failed or disagreed with the raw path`)
  process.exitCode = 1
}
