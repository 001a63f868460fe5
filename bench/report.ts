// The end of `pnpm bench`: the table it prints and the JSON it writes under bench/results.
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname } from 'node:path'
import type { EndpointResult } from './endpoints.ts'
import type { appSizes } from './frontend.ts'

/** Timings on a shared machine mean little without the load they were taken under. */
export const loadAverage = () => loadavg().map((n) => Math.round(n * 10) / 10)

export type Throughput = Record<string, number | string>

export interface FrontEndFigures {
  first_view_js_gzip_bytes: number | null
  first_view_css_gzip_bytes: number | null
  first_view_transfer_bytes: number | null
  /** What crossed the wire for the first view (the page, its files and its data, as sent: gzip). */
  first_view_wire_bytes: number | null
  overview_painted_ms: number | null
  overview_painted_runs_ms?: number[]
  apps: ReturnType<typeof appSizes>
  note?: string
}

/** What the bench found, in the shape issue 7 asks for (and a little more). */
export interface BenchReport {
  scale: string
  date: string
  machine: Record<string, unknown>
  endpoints: EndpointResult[]
  throughput: Throughput
  throughput_computed: Throughput
  api_rss_mb: number
  api_rss_total_mb: number
  api_rss_idle_mb: number
  load_seconds: number | null
  frontend: FrontEndFigures
  [more: string]: unknown
}

export function printReport(report: BenchReport) {
  console.log(
    '\nendpoint                     scope        p50     p95     p99  cached p95  raw p95   speedup  p50 ×  equal',
  )
  for (const e of report.endpoints)
    console.log(
      `${e.name.padEnd(28)} ${e.scope.padEnd(9)} ${String(e.p50_ms).padStart(7)} ${String(e.p95_ms).padStart(7)} ${String(e.p99_ms).padStart(7)} ${String(e.cached_p95_ms).padStart(11)} ${String(e.raw_p95_ms ?? '–').padStart(8)} ${String(e.speedup ?? '–').padStart(9)} ${String(e.speedup_p50 ?? '–').padStart(6)}  ${e.equal ?? '–'}`,
    )
  for (const [mode, t] of [
    ['cached', report.throughput],
    ['computed', report.throughput_computed],
  ] as const)
    console.log(
      `throughput (overview, ${t.scope}, ${t.connections} conn, ${t.duration_s} s, ${mode}): ${t.rps} req/s, errors ${t.errors}, non-2xx ${t.non2xx}, p99 ${t.p99_ms} ms`,
    )
  console.log(
    `API RSS: idle ${report.api_rss_idle_mb} MB, peak ${report.api_rss_mb} MB per process (${report.api_rss_total_mb} MB in all); load ${report.load_seconds ?? '?'} s`,
  )
  const { frontend } = report
  for (const a of frontend.apps)
    console.log(`app ${a.name.padEnd(14)} js ${a.js_gzip_bytes} B gz, css ${a.css_gzip_bytes} B gz`)
  console.log(
    `first view: ${frontend.first_view_js_gzip_bytes ?? '–'} B gz JS (${frontend.first_view_wire_bytes ?? '–'} B over the wire in all), overview painted ${frontend.overview_painted_ms ?? '–'} ms`,
  )
}

export function writeReport(out: string, report: object) {
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`)
  console.log(`wrote ${out}`)
}

/** Endpoints that failed or disagreed with the raw path, printed; whether there were any. */
export function reportFailures(endpoints: EndpointResult[]) {
  const bad = endpoints.filter((e) => e.status !== 200 || e.equal === false)
  if (!bad.length) return false
  console.log(`${bad.length} endpoint(s) failed or disagreed with the raw path:`)
  for (const e of bad) console.log(`  ${e.name} ${e.scope} status ${e.status} equal ${e.equal}`)
  return true
}
