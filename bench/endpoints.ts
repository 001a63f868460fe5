// One endpoint's figures in `pnpm bench`: its HTTP answers timed computed and cached, the same answer timed
// straight from the facts, and whether the two agree.
import type { keptAliveClient } from './http.ts'
import { r1, stats } from './http.ts'

export interface EndpointResult {
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

export interface TimingOptions {
  client: ReturnType<typeof keptAliveClient>
  base: string
  cookie: string
  /** HTTP samples per endpoint and mode. */
  samples: number
  /** Milliseconds of the same request before the samples (at least two requests). */
  warmUpMs: number
  /** Untimed raw answers before the timed ones. */
  rawWarmups: number
  /** Raw answers timed at least. */
  rawSamples: number
  /** Within this many milliseconds, raw answers are timed as often as HTTP ones (`samples`). */
  rawBudgetMs: number
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

/** Whether an HTTP answer (JSON) and one computed in process (Dates, numbers) say the same. */
export const same = (a: unknown, b: unknown) =>
  JSON.stringify(canonical(JSON.parse(JSON.stringify(a)))) === JSON.stringify(canonical(b))

export function endpointTimers(o: TimingOptions) {
  /** Sequential GETs after two warm-ups (or `warmUpMs` of them); the last body for the equality check. */
  const timeHttp = async (path: string, computed: boolean) => {
    let status = 0
    let body: unknown = null
    const times: number[] = []
    const headers: Record<string, string> = {
      cookie: o.cookie,
      ...(computed ? { 'cache-control': 'no-cache' } : {}),
    }
    const warmUntil = performance.now() + o.warmUpMs
    for (let warmed = 0; warmed < 2 || performance.now() < warmUntil; warmed++)
      await o.client.get(`${o.base}${path}`, headers)
    for (let i = 0; i < o.samples; i++) {
      const t = performance.now()
      const res = await o.client.get(`${o.base}${path}`, headers)
      times.push(performance.now() - t)
      // A path the API does not know falls through to the SPA's index.html: count that as a failure.
      status = res.type.includes('json') ? res.status : -res.status
      if (status === 200) body = JSON.parse(res.text)
    }
    return { ...stats(times), status, body }
  }

  /** The answer straight from the facts, timed `rawSamples` times, or as often as HTTP within the budget. */
  const timeRaw = async (compute: () => Promise<unknown>) => {
    const times: number[] = []
    let answer: unknown = null
    for (let i = 0; i < o.rawWarmups; i++) answer = await compute()
    const most = Math.max(o.rawSamples, o.rawBudgetMs > 0 ? o.samples : 0)
    let spent = 0
    while (times.length < o.rawSamples || (times.length < most && spent < o.rawBudgetMs)) {
      const t = performance.now()
      answer = await compute()
      times.push(performance.now() - t)
      spent += times.at(-1)!
    }
    return { ...stats(times), samples: times.length, answer }
  }
  return { timeHttp, timeRaw }
}

type Timers = ReturnType<typeof endpointTimers>
export type HttpTiming = Awaited<ReturnType<Timers['timeHttp']>>
export type RawTiming = Awaited<ReturnType<Timers['timeRaw']>>

/** One endpoint's result from its timings, and the line the bench logs for it. */
export function endpointResult(
  where: { name: string; scope: string; region: string; samples: number },
  computed: HttpTiming,
  cached: HttpTiming,
  raw: RawTiming | null,
  equal: boolean | null,
): { result: EndpointResult; line: string } {
  const speedup = raw ? r1(raw.p95 / Math.max(computed.p95, 0.1)) : null
  const speedupP50 = raw ? r1(raw.p50 / Math.max(computed.p50, 0.1)) : null
  const result: EndpointResult = {
    name: where.name,
    scope: where.scope,
    region: where.region,
    p50_ms: computed.p50,
    p95_ms: computed.p95,
    p99_ms: computed.p99,
    cached_p95_ms: cached.p95,
    raw_p50_ms: raw?.p50 ?? null,
    raw_p95_ms: raw?.p95 ?? null,
    raw_samples: raw?.samples ?? null,
    speedup,
    speedup_p50: speedupP50,
    equal,
    samples: where.samples,
    status: computed.status,
  }
  const line =
    `${where.scope.padEnd(9)} ${where.name.padEnd(28)} p95 ${computed.p95} ms computed, ${cached.p95} ms cached (${computed.status})` +
    (raw ? ` · raw p95 ${raw.p95} ms · ×${speedup} (p50 ×${speedupP50}) · equal ${equal}` : '')
  return { result, line }
}
