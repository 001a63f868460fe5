// The front end in Debian's Chromium against an in-process API: cold navigations to the overview (session cookie
// set, a fresh browser context each time, so an empty cache), the JavaScript and CSS each fetched (gzip -9 of each
// body, computed here so that figures compare between runs; the bytes that crossed the wire, as the API sent them
// with each build's gzip copies, come from the browser's resource timing) and the time from navigation until
// every overview chart panel has left its loading state and the browser has painted the frame after it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { type Browser, chromium } from 'playwright-core'
import { startServer } from '../apps/api/src/main.ts'

export interface FrontEndTarget {
  /** PostgreSQL of a bench scale; without it, the demo on a fresh PGlite directory. */
  databaseUrl?: string
  /** Measured navigations (after one warm-up that is not counted); the median is reported. */
  runs?: number
}

export interface WaterfallEntry {
  name: string
  type: string
  start_ms: number
  end_ms: number
  bytes: number
}

interface Run {
  js_gzip: number
  css_gzip: number
  transfer: number
  /** What the browser received for the page, its files and its data: encoded (gzip) body bytes. */
  wire: number
  painted_ms: number
  /** Seen from this process: before page.goto until the page reported the paint (includes the CDP round trips). */
  wall_ms: number
  waterfall: WaterfallEntry[]
}

/**
 * In the page: resolves with performance.now() (ms since navigation start) at the first animation frame after
 * every panel of the overview slot is out of its loading state and every chart has an ECharts canvas.
 * A string, not a function: tsx would wrap named inner functions in a `__name` helper the page does not have.
 */
const paintedInPage = `new Promise((resolve, reject) => {
  const give = setTimeout(() => reject(new Error('overview not painted within 30 s')), 30000)
  function ready() {
    const slot = document.querySelector('[data-module=overview][data-state=ready]')
    const panels = [...(slot?.querySelectorAll('.chart-panel') ?? [])]
    if (panels.length === 0) return false
    const busy = panels.some((p) => p.getAttribute('data-state') === 'loading' || p.getAttribute('aria-busy') === 'true')
    const charts = [...slot.querySelectorAll('[_echarts_instance_]')]
    return !busy && charts.length > 0 && charts.every((c) => c.querySelector('canvas, svg'))
  }
  function poll() {
    if (!ready()) return requestAnimationFrame(poll)
    // The frame that draws what is in the DOM now.
    requestAnimationFrame(() => {
      clearTimeout(give)
      resolve(performance.now())
    })
  }
  poll()
})`

async function measureOnce(browser: Browser, url: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' })
  try {
    const login = await context.request.post(`${url}/api/v1/auth/login`, {
      data: { username: 'demo-admin', password: 'demo' },
    })
    if (!login.ok()) throw new Error(`login ${login.status()}`)
    const page = await context.newPage()
    const bodies: Promise<{ type: string; raw: number; gz: number }>[] = []
    page.on('response', (res) => {
      const type = res.request().resourceType()
      bodies.push(
        res
          .body()
          .then((b) => ({ type, raw: b.length, gz: gzipSync(b, { level: 9 }).length }))
          .catch(() => ({ type, raw: 0, gz: 0 })),
      )
    })
    const started = performance.now()
    await page.goto(`${url}/m/overview?region=520523&period=2025`, { waitUntil: 'commit' })
    const painted = await page.evaluate<number>(paintedInPage)
    const wall = performance.now() - started
    const waterfall = await page.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map(
        (e) => ({
          name: e.name.replace(location.origin, ''),
          type: (e as PerformanceResourceTiming).initiatorType,
          start_ms: Math.round(e.startTime),
          end_ms: Math.round((e as PerformanceResourceTiming).responseEnd),
          bytes: (e as PerformanceResourceTiming).encodedBodySize,
        }),
      ),
    )
    const all = await Promise.all(bodies)
    const sum = (type: string | null, key: 'raw' | 'gz') =>
      all.filter((b) => type === null || b.type === type).reduce((n, b) => n + b[key], 0)
    return {
      js_gzip: sum('script', 'gz'),
      css_gzip: sum('stylesheet', 'gz'),
      transfer: sum(null, 'raw'),
      wire: waterfall.reduce((n, e) => n + e.bytes, 0),
      painted_ms: Math.round(painted),
      wall_ms: Math.round(wall),
      waterfall,
    }
  } finally {
    await context.close()
  }
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.floor((s.length - 1) / 2)]!
}

export async function measureFrontEnd(target: FrontEndTarget = {}) {
  const runs = target.runs ?? 5
  const dataDir = target.databaseUrl ? null : mkdtempSync(join(tmpdir(), 'liaison-bench-data-'))
  const server = await startServer({
    port: 0,
    demo: true,
    ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : { dataDir: dataDir! }),
  })
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  })
  try {
    // A warm-up navigation: the server's first answers (JIT, database caches) are not what a user waits for.
    await measureOnce(browser, server.url)
    const measured: Run[] = []
    for (let i = 0; i < runs; i++) measured.push(await measureOnce(browser, server.url))
    const times = measured.map((r) => r.painted_ms)
    const middle = measured.find((r) => r.painted_ms === median(times))!
    return {
      first_view_js_gzip_bytes: middle.js_gzip,
      first_view_css_gzip_bytes: middle.css_gzip,
      first_view_transfer_bytes: middle.transfer,
      first_view_wire_bytes: middle.wire,
      overview_painted_ms: middle.painted_ms,
      overview_painted_runs_ms: times,
      overview_painted_wall_runs_ms: measured.map((r) => r.wall_ms),
      first_view_waterfall: middle.waterfall,
    }
  } finally {
    await browser.close()
    await server.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  }
}
