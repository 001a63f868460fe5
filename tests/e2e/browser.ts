// Start the production server and Debian's Chromium (never a downloaded browser) for the end-to-end suites.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { startServer } from '../../apps/api/src/main.ts'
import { ensureBuilt } from '../../scripts/ensure-built.ts'

/** 金沙县, the demo county. */
export const jinsha = '520523'
export const screenshotDir = new URL('../screenshots/', import.meta.url).pathname

export interface Harness {
  url: string
  context: BrowserContext
  close(): Promise<void>
}

/**
 * Build what is stale, outside vitest's environment: @module-federation/vite turns itself off when it sees
 * VITEST or NODE_ENV=test (no remoteEntry.js, no mf-manifest.json), and Vue would build for development.
 */
function buildOutsideTestEnv() {
  const saved = { VITEST: process.env.VITEST, NODE_ENV: process.env.NODE_ENV }
  delete process.env.VITEST
  process.env.NODE_ENV = 'production'
  try {
    return ensureBuilt()
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
}

export async function startHarness(viewport = { width: 1920, height: 1080 }): Promise<Harness> {
  if (!buildOutsideTestEnv()) throw new Error('The front-end build failed')
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-e2e-data-'))
  const profile = mkdtempSync(join(tmpdir(), 'liaison-e2e-profile-'))
  const server = await startServer({ port: 0, dataDir, demo: true })
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport,
    locale: 'zh-CN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  return {
    url: server.url,
    context,
    async close() {
      await context.close()
      await server.close()
      rmSync(profile, { recursive: true, force: true })
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** What every e2e file starts with: the harness, a page on it whose errors are logged, the screenshot folder. */
export async function openPage(viewport?: { width: number; height: number }) {
  mkdirSync(screenshotDir, { recursive: true })
  const harness = await startHarness(viewport)
  const page = await harness.context.newPage()
  page.on('pageerror', (error) => console.error('page error:', error.message))
  return { harness, page }
}

/** Log in through the form and wait for the first module. */
export async function login(page: Page, base: string, username = 'demo-leader') {
  await page.goto(`${base}/login`)
  await page.fill('input[name=username]', username)
  await page.fill('input[name=password]', 'demo')
  await page.click('button[type=submit]')
  await page.waitForURL(/\/m\/\w+\?/)
}

/** Wait until the module's slot has rendered and none of its panels is still loading. */
export async function waitForModule(page: Page, name: string) {
  await page.waitForSelector(`[data-module=${name}][data-state=ready] .chart-panel`, { timeout: 30_000 })
  await page.waitForFunction(
    (n) => {
      const slot = document.querySelector(`[data-module=${n}]`)
      const panels = [...(slot?.querySelectorAll('.chart-panel') ?? [])]
      return (
        panels.length > 0 &&
        panels.every(
          (p) => p.getAttribute('data-state') !== 'loading' && p.getAttribute('aria-busy') !== 'true',
        )
      )
    },
    name,
    { timeout: 30_000 },
  )
  // Let ECharts finish its first layout before reading options or taking screenshots.
  await page.waitForTimeout(600)
}

export interface ChartSummary {
  panel: string | null
  series: { type: string; name: string }[]
  rows: number
  source: unknown[]
  width: number
  height: number
  /** The option's text size (the theme's, builders/common.ts). */
  fontSize: number | null
}

/** Every chart's option as ECharts holds it (from the one shared ECharts), keyed by its panel id. */
export function readCharts(page: Page): Promise<ChartSummary[]> {
  return page.evaluate(() => {
    const echarts = (
      window as unknown as { __liaisonShell: { echarts: { getInstanceByDom(el: Element): unknown } } }
    ).__liaisonShell.echarts
    return [...document.querySelectorAll('[_echarts_instance_]')].map((el) => {
      const chart = echarts.getInstanceByDom(el) as {
        getOption(): {
          series: { type: string; name: string; data?: unknown[] }[]
          dataset?: { source: unknown[] }[]
          textStyle?: { fontSize?: number }
        }
      }
      const option = chart.getOption()
      const source = option.dataset?.[0]?.source ?? option.series[0]?.data ?? []
      return {
        panel: el.closest('[data-panel]')?.getAttribute('data-panel') ?? null,
        series: option.series.map((s) => ({ type: s.type, name: s.name })),
        rows: source.length,
        source,
        width: (el as HTMLElement).clientWidth,
        height: (el as HTMLElement).clientHeight,
        fontSize: option.textStyle?.fontSize ?? null,
      }
    })
  })
}

/** GET an API path with the page's session (what the dashboard itself would see). */
export function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(`/api/v1${p}`)).json(), path) as Promise<T>
}
