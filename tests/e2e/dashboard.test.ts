// The dashboard in Chromium against the production server: log in, every module's charts hold the API's data,
// filters change the figures and live in the URL, drill-down and back. The microfrontend layout itself (module files,
// a missing module, the shared singletons) is in microfrontends.test.ts.
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
    expect(await page.locator('[data-trend-note]').innerText()).toBe(api.trendNote!.zh)
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

  it('drills down to a township from the table and back up with the breadcrumb', async () => {
    const first = page.locator('[data-panel=overview-townships] tbody tr').first()
    const township = (await first.locator('th').innerText()).trim()
    await first.click()
    await page.waitForFunction(() => (new URL(location.href).searchParams.get('region') ?? '').length === 9)
    await waitForModule(page, 'overview')
    await expect(page.locator('.crumbs [aria-current=page]').innerText()).resolves.toBe(township)
    expect(await page.locator('[data-panel=overview-trend] .chart-panel__subtitle').innerText()).toContain(
      township,
    )
    await page.click(`.crumbs [data-region="${jinsha}"]`)
    await page.waitForFunction((code) => new URL(location.href).searchParams.get('region') === code, jinsha)
    await waitForModule(page, 'overview')
  })

  it("works the header by keyboard; the pickers' Element Plus code loads only when first used", async () => {
    const fresh = await harness.context.newPage()
    const scripts: string[] = []
    fresh.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()))
    await fresh.goto(`${harness.url}/m/overview?region=${jinsha}&period=2025`)
    await waitForModule(fresh, 'overview')
    // The wrappers (RegionCascader-*.js, Select-*.js) and Element Plus's own chunks (cascader-*.js, select-*.js).
    const loaded = (name: string) =>
      scripts.some((url) => new URL(url).pathname.toLowerCase().includes(`/${name.toLowerCase()}-`))
    for (const name of ['RegionCascader', 'cascader', 'Select', 'scrollbar'])
      expect(loaded(name), name).toBe(false)
    // Enter on the region picker's stand-in opens Element Plus's cascader, with the keyboard in it.
    await fresh.focus('.region-picker input')
    await fresh.keyboard.press('Enter')
    await fresh.locator('.el-cascader-panel:visible').waitFor()
    expect(loaded('RegionCascader')).toBe(true)
    expect(
      await fresh.evaluate(
        () => document.activeElement?.closest('.el-cascader, .el-cascader-panel') !== null,
      ),
    ).toBe(true)
    await fresh.keyboard.press('Escape')
    // The comparison is a radio group (arrow keys) and the theme a switch (Space).
    await fresh.focus('.app-header__compare input[value=yoy]')
    await fresh.keyboard.press('ArrowRight')
    await fresh.waitForFunction(() => new URL(location.href).searchParams.get('compare') === 'mom')
    await fresh.focus('.app-header__switch input[role=switch]')
    await fresh.keyboard.press('Space')
    await fresh.waitForFunction(() => document.documentElement.classList.contains('dark'))
    await fresh.close()
    // Typing a name into the picker before its code has loaded searches with what was typed.
    const typing = await harness.context.newPage()
    await typing.goto(`${harness.url}/m/overview?region=${jinsha}&period=2025`)
    await waitForModule(typing, 'overview')
    await typing.focus('.region-picker input')
    await typing.keyboard.type('平坝')
    await typing.locator('.el-cascader__suggestion-item', { hasText: '平坝镇' }).click()
    await typing.waitForFunction(() => new URL(location.href).searchParams.get('region') === '520523108')
    await typing.close()
  })

  it('says when a link names a region or period it cannot show, and what it shows instead', async () => {
    const fresh = await harness.context.newPage()
    await fresh.goto(`${harness.url}/m/overview?region=110101&period=2023-02-30`)
    await waitForModule(fresh, 'overview')
    expect(new URL(fresh.url()).searchParams.get('region')).toBe(jinsha)
    const notes = fresh.locator('.el-message--warning')
    await notes.nth(1).waitFor()
    const text = (await notes.allInnerTexts()).join('\n')
    expect(text).toContain('链接中的地区“110101”不存在或不在您的查看范围内，现显示金沙县')
    expect(text).toContain('链接中的时期“2023-02-30”无法识别')
    await fresh.close()
  })

  it('reproduces a view from a shared link', async () => {
    const shared = await harness.context.newPage()
    await shared.goto(
      `${harness.url}/m/opinions?region=520523108&period=2024-Q2&compare=mom&lang=en&theme=dark`,
    )
    await waitForModule(shared, 'opinions')
    expect(await shared.locator('.crumbs [aria-current=page]').innerText()).toBe('平坝镇')
    expect(await shared.locator('[data-panel=opinions-funnel] .chart-panel__title').innerText()).toBe(
      'Workflow funnel',
    )
    expect(await shared.locator('[data-panel=opinions-funnel] .chart-panel__subtitle').innerText()).toContain(
      'Q2 2024',
    )
    // "by township", not "by townships".
    expect(await shared.locator('[data-panel=opinions-satisfaction] .chart-panel__title').innerText()).toBe(
      'Satisfaction by township',
    )
    expect(await shared.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true)
    await shared.screenshot({ path: `${screenshotDir}shared-link-en-dark.png`, fullPage: true })
    await shared.close()
  })

  it('fills a 1920×1080 display in big-screen mode', async () => {
    await page.click('[data-nav=overview]')
    await waitForModule(page, 'overview')
    await page.click('.app-header__big')
    await page.waitForFunction(() => document.documentElement.classList.contains('big-screen'))
    expect(query().screen).toBe('big')
    await waitForModule(page, 'overview')
    const box = await page.locator('.dashboard').boundingBox()
    expect(box?.width).toBeGreaterThan(1900)
    expect(box?.height).toBeGreaterThan(1070)
    const theme = await page.evaluate(() => {
      const el = document.querySelector('[_echarts_instance_]')!
      const chart = (
        window as unknown as { __liaisonShell: { echarts: { getInstanceByDom(e: Element): unknown } } }
      ).__liaisonShell.echarts.getInstanceByDom(el) as {
        getOption(): { textStyle?: { fontSize?: number } | { fontSize?: number }[] }
      }
      const style = chart.getOption().textStyle
      return Array.isArray(style) ? style[0]?.fontSize : style?.fontSize
    })
    expect(theme).toBe(18)
    await page.screenshot({ path: `${screenshotDir}big-screen.png` })
    // A 1440×900 projector: the stage is as wide as the display, not 16:9 of its height (1,600 px), and the
    // type is smaller in proportion.
    const wall = page.viewportSize()!
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.waitForTimeout(300)
    const fit = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      stage: document.querySelector('.dashboard')!.getBoundingClientRect().width,
      number: parseFloat(getComputedStyle(document.querySelector('.kpi__number')!).fontSize),
    }))
    expect(fit.scroll).toBeLessThanOrEqual(1440)
    expect(fit.stage).toBe(1440)
    expect(fit.number).toBeLessThan(44)
    await page.screenshot({ path: `${screenshotDir}big-screen-1440.png` })
    await page.setViewportSize(wall)
    await page.click('.app-header__big')
  })

  it('draws decal patterns on every chart when asked (colour-blind readers, print)', async () => {
    await page.goto(`${harness.url}/m/overview?region=${jinsha}&period=2025&decal=1`)
    await waitForModule(page, 'overview')
    const decal = await page.evaluate(() => {
      const el = document.querySelector('[_echarts_instance_]')!
      const chart = (
        window as unknown as { __liaisonShell: { echarts: { getInstanceByDom(e: Element): unknown } } }
      ).__liaisonShell.echarts.getInstanceByDom(el) as {
        getOption(): { aria?: { decal?: { show?: boolean } }[] }
      }
      const aria = chart.getOption().aria
      return Array.isArray(aria)
        ? aria[0]?.decal?.show
        : (aria as { decal?: { show?: boolean } } | undefined)?.decal?.show
    })
    expect(decal).toBe(true)
  })

  it('logs out', async () => {
    await page.click('.user-menu')
    await page.click('[data-action=logout]')
    await page.waitForURL(/\/login/)
  })

  it('speaks the language of a signed-out link on the sign-in page, in its own words, and keeps it', async () => {
    await page.goto(`${harness.url}/m/overview?region=${jinsha}&period=2025&lang=en`)
    await page.waitForURL(/\/login\?next=/)
    const button = page.locator('button[type=submit]')
    await expect.poll(() => button.innerText()).toBe('Sign in')
    await button.click()
    const error = page.locator('.login__error')
    await expect.poll(() => error.innerText()).toBe('Enter your user name and password')
    await page.fill('input[name=username]', 'demo-leader')
    await page.fill('input[name=password]', 'not the password')
    await button.click()
    await expect.poll(() => error.innerText()).toBe('Wrong user name or password')
    await page.fill('input[name=password]', 'demo')
    await button.click()
    await page.waitForURL((url) => url.pathname === '/m/overview')
    expect(query()).toMatchObject({ region: jinsha, period: '2025', lang: 'en' })
    await waitForModule(page, 'overview')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    // The overview's own texts, loaded with English (useModuleMessages), and the trend's note in English.
    await expect
      .poll(() => page.locator('[data-panel=overview-trend] h2').innerText())
      .toBe('Receptions and opinions by month')
    expect(await page.locator('[data-trend-note]').innerText()).toMatch(
      /^Each month's resolution rate counts/,
    )
  })
})
