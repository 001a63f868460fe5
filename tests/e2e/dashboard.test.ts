// The dashboard in Chromium against the production server: log in, every module's charts hold the API's data,
// filters change the figures and live in the URL. Drill-down, the keyboard and links are in navigation.test.ts;
// the microfrontend layout itself (module files, a missing module, the shared singletons) in microfrontends.test.ts.
import { moduleNames, type OverviewResponse } from '@liaison/contracts'
import type { Page, Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  apiGet,
  type Harness,
  jinsha,
  login,
  openPage,
  readCharts,
  screenshotDir,
  waitForModule,
} from './browser.ts'

let harness: Harness
let page: Page

beforeAll(async () => {
  ;({ harness, page } = await openPage())
})
afterAll(async () => {
  await harness?.close()
})

const query = () => Object.fromEntries(new URL(page.url()).searchParams)
const kpiText = (id: string) => page.locator(`[data-kpi=${id}] .kpi__number`).innerText()

describe('dashboard', () => {
  it('logs demo-leader in to 金沙县 and the latest full year, the login page asking for nothing it may not have', async () => {
    // Without a session cookie the page neither preloads nor asks the session restore's three requests (they
    // could only answer 401), and its icon is there.
    const failed: string[] = []
    const watch = (r: { status(): number; url(): string }) => r.status() >= 400 && failed.push(r.url())
    page.on('response', watch)
    await page.goto(`${harness.url}/m/overview`)
    await page.waitForURL(/\/login/)
    await page.locator('input[name=username]').waitFor()
    expect(await page.locator('link[rel=preload][href^="/api/"]').count()).toBe(0)
    await expect(page.locator('link[rel=icon]').getAttribute('href')).resolves.toBe('/favicon.svg')
    const icon = await page.request.get(`${harness.url}/favicon.svg`)
    expect(icon.headers()['content-type']).toContain('image/svg+xml')
    await login(page, harness.url)
    page.off('response', watch)
    expect(failed).toEqual([])
    expect(new URL(page.url()).pathname).toBe('/m/overview')
    expect(query()).toMatchObject({ region: jinsha, period: '2025' })
    await waitForModule(page, 'overview')
    await expect(page.locator('.dashboard__note').innerText()).resolves.toContain('演示数据仅供示意')
  })

  it('draws the overview from the API figures', async () => {
    const api = await apiGet<OverviewResponse>(
      page,
      `/modules/overview/data?region=${jinsha}&from=2025-01-01&to=2025-12-31&compare=yoy`,
    )
    const receptions = api.kpis.find((k) => k.id === 'receptions')!
    expect(await kpiText('receptions')).toBe(receptions.value!.toLocaleString('en'))
    const charts = await readCharts(page)
    const trend = charts.find((c) => c.panel === 'overview-trend')!
    expect(trend.series.map((s) => s.type)).toEqual(['bar', 'bar', 'line'])
    expect(trend.source).toEqual(api.trend)
    expect(trend.width).toBeGreaterThan(300)
    expect(await page.locator('[data-panel=overview-townships] tbody tr').count()).toBe(api.areas.length)
    expect(await page.locator('[data-narrative]').innerText()).toBe(api.narrative.zh)
    // Under the trend: December's 办结率 is low because its opinions were still open at the year's end.
    expect(api.trendNote?.zh).toContain('12月收集的')
    expect(await page.locator('[data-panel=overview-trend] [data-panel-note]').innerText()).toBe(
      api.trendNote!.zh,
    )
    // Data completeness: the share of stations that filed in December, and the ones that did not.
    const done = api.completeness!
    expect(done.month).toBe('2025-12')
    await expect(page.locator('[data-completeness=on-time] strong').innerText()).resolves.toBe(
      `${(done.onTimeRate! * 100).toFixed(1)}%`,
    )
    expect(await page.locator('[data-completeness=silent-stations] .overview__chip').count()).toBe(
      done.stations.filter((s) => !s.filed_in_month).length,
    )
  })

  it('loads the tooltip and reference lines only when a chart needs them: a pointer on the trend shows its tooltip', async () => {
    const fresh = await harness.context.newPage()
    const scripts: string[] = []
    fresh.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname))
    const loaded = (name: string) => scripts.some((path) => path.includes(`/${name}-`))
    await fresh.goto(`${harness.url}/m/overview?region=${jinsha}&period=2025`)
    await waitForModule(fresh, 'overview')
    const trend = (await readCharts(fresh)).find((c) => c.panel === 'overview-trend')!
    const box = (await fresh.locator('[data-panel=overview-trend] [_echarts_instance_]').boundingBox())!
    // ECharts' tooltip box: the months' figures by series, shown over the chart.
    const tip = fresh.locator('[data-panel=overview-trend] div[style*="z-index: 9999999"]')
    for (let i = 0; i < 50 && !(await tip.isVisible()); i++) {
      await fresh.mouse.move(box.x + box.width / 2 + (i % 2) * 4, box.y + box.height / 2)
      await fresh.waitForTimeout(100)
    }
    for (const series of trend.series) expect(await tip.innerText()).toContain(series.name)
    expect(await tip.innerText()).toMatch(/2025年\d{1,2}月/)
    expect(loaded('tooltip')).toBe(true)
    // The overview draws no reference line; the stations' plan chart does (the plan's figure), and loads them.
    expect(loaded('markers')).toBe(false)
    await fresh.locator('.module-nav__link[href*="/m/stations"]').first().click()
    await waitForModule(fresh, 'stations')
    // Reference lines registered: ECharts built their component (an option's markLine alone stays unbuilt).
    const built = await fresh.evaluate(() => {
      const shell = (
        window as unknown as { __liaisonShell: { echarts: { getInstanceByDom(e: Element): unknown } } }
      ).__liaisonShell
      const el = document.querySelector('[data-panel=stations-plan] [_echarts_instance_]')!
      const chart = shell.echarts.getInstanceByDom(el) as {
        getModel(): { getComponent(type: string): unknown }
      }
      return chart.getModel().getComponent('markLine') !== undefined
    })
    expect(built).toBe(true)
    expect(loaded('markers')).toBe(true)
    await fresh.close()
  })

  it('shows the seeded 2023 figures: 685 receptions, 1,259 people, a twelve-month trend', async () => {
    await page.goto(`${harness.url}/m/overview?region=${jinsha}&period=2023`)
    await waitForModule(page, 'overview')
    expect(await kpiText('receptions')).toBe('685')
    expect(await kpiText('visitors')).toBe('1,259')
    const trend = (await readCharts(page)).find((c) => c.panel === 'overview-trend')!
    expect(trend.rows).toBe(12)
    expect((trend.source as { month: string }[]).map((r) => r.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`),
    )
    await page.screenshot({ path: `${screenshotDir}overview-2023.png`, fullPage: true })
    await page.goto(`${harness.url}/m/overview?region=${jinsha}&period=2025`)
    await waitForModule(page, 'overview')
  })

  it('opens every module with one data request, its charts drawn from data, and saves a screenshot of each', async () => {
    for (const name of moduleNames) {
      // Every figure request the module makes while it opens: its composite endpoint once, never /metrics nor a
      // station's details (the comparison's first stations come with the composite answer).
      const requests: string[] = []
      const count = (request: Request) => {
        const path = new URL(request.url()).pathname
        if (/^\/api\/v1\/(modules\/[a-z]+\/data|metrics|stations\/\d+)$/.test(path)) requests.push(path)
      }
      page.on('request', count)
      if (new URL(page.url()).pathname === `/m/${name}`) await page.reload()
      else await page.click(`[data-nav=${name}]`)
      await waitForModule(page, name)
      page.off('request', count)
      expect(requests, name).toEqual([`/api/v1/modules/${name}/data`])
      expect(query()).toMatchObject({ region: jinsha, period: '2025' })
      const charts = await readCharts(page)
      expect(charts.length, name).toBeGreaterThanOrEqual(name === 'overview' ? 1 : 4)
      for (const chart of charts) {
        expect(chart.rows, `${name}/${chart.panel}`).toBeGreaterThan(0)
        expect(chart.height, `${name}/${chart.panel}`).toBeGreaterThan(100)
      }
      if (name === 'opinions') {
        // The funnel beside twenty categories is as tall as they are, not drawn in the top half of its panel.
        const height = (panel: string) => charts.find((c) => c.panel === panel)!.height
        expect(height('opinions-funnel')).toBeGreaterThan(400)
        expect(Math.abs(height('opinions-funnel') - height('opinions-categories'))).toBeLessThan(4)
      }
      expect(await page.locator(`[data-module=${name}] [data-state=error]`).count(), name).toBe(0)
      await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true })
    }
  })

  it('writes each KPI with its measure word: opinions in 件, activities in 次, deputies in 人', async () => {
    const unit = (id: string) => page.locator(`[data-kpi=${id}] .kpi__unit`).innerText()
    await page.click('[data-nav=opinions]')
    await waitForModule(page, 'opinions')
    expect(await unit('opinions_collected')).toBe('件')
    expect(await unit('backlog')).toBe('件')
    await page.click('[data-nav=reportback]')
    await waitForModule(page, 'reportback')
    expect(await unit('reportback_done')).toBe('人')
    await page.click('[data-nav=overview]')
    await waitForModule(page, 'overview')
    expect(await unit('receptions')).toBe('次')
    expect(await unit('visitors')).toBe('人次')
  })

  it('changes the figures with the period, and back restores them', async () => {
    await page.click('[data-nav=overview]')
    await waitForModule(page, 'overview')
    const in2025 = await kpiText('receptions')
    await page.locator('.period-picker__year').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^2024$/ }).click()
    await page.waitForFunction(() => new URL(location.href).searchParams.get('period') === '2024')
    await waitForModule(page, 'overview')
    const in2024 = await kpiText('receptions')
    expect(in2024).not.toBe(in2025)
    const api = await apiGet<OverviewResponse>(
      page,
      `/modules/overview/data?region=${jinsha}&from=2024-01-01&to=2024-12-31`,
    )
    expect(in2024).toBe(api.kpis.find((k) => k.id === 'receptions')!.value!.toLocaleString('en'))
    await page.goBack()
    await page.waitForFunction(() => new URL(location.href).searchParams.get('period') === '2025')
    await waitForModule(page, 'overview')
    expect(await kpiText('receptions')).toBe(in2025)
  })

  it('draws a month in the twelve months up to it, its cards the month’s', async () => {
    await page.goto(`${harness.url}/m/overview?region=${jinsha}&period=2025-06`)
    await waitForModule(page, 'overview')
    const api = await apiGet<OverviewResponse>(
      page,
      `/modules/overview/data?region=${jinsha}&from=2025-06-01&to=2025-06-30`,
    )
    expect(await kpiText('receptions')).toBe(
      api.kpis.find((k) => k.id === 'receptions')!.value!.toLocaleString('en'),
    )
    const trend = (await readCharts(page)).find((c) => c.panel === 'overview-trend')!
    const months = trend.source.map((r) => (r as { month: string }).month)
    expect(months).toHaveLength(12)
    expect([months[0], months.at(-1)]).toEqual(['2024-07', '2025-06'])
    // June's bars are those of the month's cards.
    const june = trend.source.at(-1) as { receptions: number }
    expect(june.receptions.toLocaleString('en')).toBe(await kpiText('receptions'))
    await expect(
      page.locator('[data-panel=overview-trend] .chart-panel__subtitle').innerText(),
    ).resolves.toContain('2024-07-01 至 2025-06-30')
    // The other panels keep the month.
    await expect(
      page.locator('[data-panel=overview-townships] .chart-panel__subtitle').innerText(),
    ).resolves.toContain('2025年6月')
    // The opinions module's monthly chart too; its other panels keep the month.
    await page.goto(`${harness.url}/m/opinions?region=${jinsha}&period=2025-06`)
    await waitForModule(page, 'opinions')
    const satisfaction = (await readCharts(page)).find((c) => c.panel === 'opinions-satisfaction-trend')!
    expect(satisfaction.rows).toBe(12)
    const subtitle = (id: string) => page.locator(`[data-panel=${id}] .chart-panel__subtitle`).innerText()
    await expect(subtitle('opinions-satisfaction-trend')).resolves.toContain('2024-07-01 至 2025-06-30')
    await expect(subtitle('opinions-categories')).resolves.toContain('2025年6月')
    await page.goto(`${harness.url}/m/overview?region=${jinsha}&period=2025`)
    await waitForModule(page, 'overview')
  })
})
