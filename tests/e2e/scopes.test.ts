// Above a county, as the demo administrator: the nation's overview compares its provinces, a province's
// stations module its cities (and says where the station list is), and a click on a province drills down; a
// township is compared among its county's townships.

import { readFileSync, writeFileSync } from 'node:fs'
import type { ModuleDataResponse, OverviewResponse, RegionsResponse } from '@liaison/contracts'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiGet, type Harness, login, openPage, readCharts, screenshotDir, waitForModule } from './browser.ts'

let harness: Harness
let page: Page
const period = 'from=2023-01-01&to=2023-12-31&compare=yoy'

beforeAll(async () => {
  ;({ harness, page } = await openPage())
  await login(page, harness.url, 'demo-admin')
})
afterAll(async () => {
  await harness?.close()
})

describe('wider scopes', () => {
  it('compares the provinces of the nation, named as provinces, against the national average', async () => {
    await page.goto(`${harness.url}/m/overview?region=CN&period=2023`)
    await waitForModule(page, 'overview')
    const api = await apiGet<OverviewResponse>(page, `/modules/overview/data?region=CN&${period}`)
    expect(api.areas.length).toBeGreaterThan(1)
    const table = page.locator('[data-panel=overview-townships]')
    await expect(table.locator('h2').innerText()).resolves.toBe('各省（区、市）指标对比')
    const names = await table.locator('tbody th').allInnerTexts()
    expect([...names].sort()).toEqual(api.areas.map((r) => String(r.area_name)).sort())
    await expect(table.locator('tfoot th').innerText()).resolves.toBe('全国平均')
    // The completeness panel names the counties that have imported nothing (the first twenty, 等 the rest).
    expect(api.notImported?.zh).toMatch(/^尚未导入台账的县（市、区）[\d,]+个：.+等。$/)
    expect(await page.locator('[data-not-imported]').innerText()).toBe(api.notImported!.zh)
    await page.screenshot({ path: `${screenshotDir}overview-nation.png`, fullPage: true })
    // A province's row drills down to it.
    const first = table.locator('tbody tr').first()
    const province = (await first.locator('th').innerText()).trim()
    await first.click()
    await page.waitForFunction(() => new URL(location.href).searchParams.get('region')?.length === 2)
    await waitForModule(page, 'overview')
    await expect(page.locator('.crumbs [aria-current=page]').innerText()).resolves.toBe(province)
  })

  it("draws a province's cities in the stations module and points to a county for the station list", async () => {
    await page.goto(`${harness.url}/m/stations?region=52&period=2023`)
    await waitForModule(page, 'stations')
    const api = await apiGet<ModuleDataResponse>(page, `/modules/stations/data?region=52&${period}`)
    const bars = (await readCharts(page)).find((c) => c.panel === 'stations-townships')!
    expect(bars.source).toHaveLength(api.breakdowns.areas!.length)
    await expect(page.locator('[data-panel=stations-townships] h2').innerText()).resolves.toBe(
      '各市（州）站点建设',
    )
    expect(await page.locator('[data-panel=stations-tiles] [data-area]').count()).toBe(
      api.breakdowns.areas!.length,
    )
    await expect(page.locator('[data-hint=wide-region]').innerText()).resolves.toContain('选定一个县')
    expect(await page.locator('[data-panel=stations-list]').count()).toBe(0)
    // Under the key figures: whose figures these are, in every module, not only the overview's summary.
    expect(api.meta.partialCoverage).not.toBeNull()
    await expect(page.locator('[data-partial-coverage]').innerText()).resolves.toBe(
      api.meta.partialCoverage!.zh,
    )
    await page.goto(`${harness.url}/m/opinions?region=52&period=2023`)
    await waitForModule(page, 'opinions')
    await expect(page.locator('[data-partial-coverage]').innerText()).resolves.toMatch(
      /^本页数据来自贵州省\d+个县（市、区）中已导入台账的\d+个。$/,
    )
  })

  it('opens a link to a township with its name, though the tree above a county stops at the counties', async () => {
    const { tree } = await apiGet<RegionsResponse>(page, '/regions?within=520523')
    const township = tree[0]!.children[3]!
    await page.goto(`${harness.url}/m/overview?region=${township.code}&period=2023`)
    await waitForModule(page, 'overview')
    expect(new URL(page.url()).searchParams.get('region')).toBe(township.code)
    await expect(page.locator('.crumbs [aria-current=page]').innerText()).resolves.toBe(township.name)
    await expect(page.locator('.crumbs').innerText()).resolves.toContain('金沙县')
    // A township is compared among its county's townships, its own row marked, against the county's average.
    const table = page.locator('[data-panel=overview-townships]')
    expect(await table.locator('tbody tr').count()).toBe(tree[0]!.children.length)
    await expect(table.locator('tbody tr[aria-current=true] th').innerText()).resolves.toBe(township.name)
    await expect(table.locator('tfoot th').innerText()).resolves.toBe('县均')
  })

  it("finds a township by name from the nation's view, whose county the tree has not loaded", async () => {
    await page.goto(`${harness.url}/m/overview?region=CN&period=2023`)
    await waitForModule(page, 'overview')
    await page.focus('.region-picker input')
    await page.keyboard.type('平坝')
    await page.locator('.el-cascader__suggestion-item', { hasText: '平坝镇' }).click()
    await page.waitForFunction(() => new URL(location.href).searchParams.get('region') === '520523108')
    await waitForModule(page, 'overview')
    await expect(page.locator('.crumbs [aria-current=page]').innerText()).resolves.toBe('平坝镇')
  })

  it('says when a township name is in more counties than the search lists, and sends the region in view', async () => {
    await page.goto(`${harness.url}/m/overview?region=52&period=2023`)
    await waitForModule(page, 'overview')
    // The demo's seven counties never fill a search's ten: the API's answer says more matched (the API's own
    // limit and ordering are tested in apps/api/src/api.test.ts).
    const asked: string[] = []
    await page.route('**/api/v1/regions?search=*', async (route) => {
      asked.push(route.request().url())
      const response = await route.fetch()
      await route.fulfill({ response, json: { ...(await response.json()), more: true } })
    })
    await page.focus('.region-picker input')
    await page.keyboard.type('平坝')
    const hint = page.locator('[data-search-more]')
    await hint.waitFor()
    expect(await hint.innerText()).toContain('只列出了 1 个县')
    expect(new URL(asked[0]!).searchParams.get('near')).toBe('52')
    await page.screenshot({ path: `${screenshotDir}region-search-more.png` })
    await page.keyboard.press('Escape')
    await hint.waitFor({ state: 'detached' })
    await page.unroute('**/api/v1/regions?search=*')
  })

  // Last: it signs the shared context in as the township head.
  it("lists a township head the county's stations, opening only their own township's", async () => {
    await harness.context.clearCookies()
    await login(page, harness.url, 'demo-township')
    await page.goto(`${harness.url}/m/stations?region=520523&period=2025`)
    await waitForModule(page, 'stations')
    const api = await apiGet<ModuleDataResponse>(page, `/modules/stations/data?region=520523&${period}`)
    expect(api.meta.detailsWithin).toBe('520523005')
    // The list says what it counts, kind by kind, and the kinds add up to its total.
    const kinds = await page.locator('[data-list-kinds]').innerText()
    expect(kinds).toMatch(/^其中联络站\d+个、联络室\d+个/)
    const counted = [...kinds.matchAll(/(\d+)个/g)].reduce((sum, m) => sum + Number(m[1]), 0)
    expect(await page.locator('[data-panel=stations-list] .chart-panel__title').innerText()).toBe(
      `站点清单（${counted}）`,
    )
    const rows = page.locator('[data-panel=stations-list] tbody tr')
    let closed = 0
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i)
      const township = (await row.locator('td').nth(1).innerText()).trim()
      const link = await row.locator('.list__open').count()
      expect(link, township).toBe(township === '民兴街道' ? 1 : 0)
      closed += 1 - link
    }
    expect(closed).toBeGreaterThan(0)
    // A click on another township's station opens nothing (it had opened a drawer saying 无权访问).
    await page.locator('[data-panel=stations-list] .list__closed').first().click()
    await page.waitForTimeout(300)
    expect(await page.locator('[data-station-detail]').count()).toBe(0)
    const drawerOpen = () =>
      page
        .locator('.el-drawer')
        .isVisible()
        .catch(() => false)
    expect(await drawerOpen()).toBe(false)

    // Nor does a click on its bar in the ranking, while the head's own station's bar opens its details.
    const list = api.breakdowns.list as { id: number; township_code: string }[]
    const own = (id: unknown) => list.some((s) => s.id === Number(id) && s.township_code === '520523005')
    const barOf = (pick: 'own' | 'other') =>
      page
        .evaluate(
          (ownIds) => {
            const el = document.querySelector('[data-panel=stations-ranking] [_echarts_instance_]')!
            const chart = (
              window as unknown as {
                __liaisonShell: { echarts: { getInstanceByDom(el: Element): unknown } }
              }
            ).__liaisonShell.echarts.getInstanceByDom(el) as {
              getOption(): { dataset: { source: Record<string, unknown>[] }[] }
              convertToPixel(finder: object, value: unknown[]): number[]
            }
            const rows = chart.getOption().dataset[0]!.source
            return rows.map((row, i) => {
              const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [Number(row.receptions) / 2, i])
              const box = el.getBoundingClientRect()
              return {
                station: row.station,
                // A bar to click on: one with receptions.
                drawn: Number(row.receptions) > 0,
                own: ownIds.includes(Number(row.station)),
                x: box.left + x!,
                y: box.top + y!,
              }
            })
          },
          list.filter((s) => own(s.id)).map((s) => s.id),
        )
        .then((bars) => bars.find((b) => b.drawn && b.own === (pick === 'own'))!)
    await page.locator('[data-panel=stations-ranking]').scrollIntoViewIfNeeded()
    const other = await barOf('other')
    // No pointer over a bar that opens nothing; one over the head's own.
    const cursorOver = async (bar: { x: number; y: number }) => {
      await page.mouse.move(bar.x, bar.y)
      await page.waitForTimeout(100)
      return page
        .locator('[data-panel=stations-ranking] [_echarts_instance_] > div')
        .first()
        .evaluate((el) => (el as HTMLElement).style.cursor)
    }
    expect(await cursorOver(other)).toBe('default')
    expect(await cursorOver(await barOf('own'))).toBe('pointer')
    await page.mouse.click(other.x, other.y)
    await page.waitForTimeout(300)
    expect(await drawerOpen()).toBe(false)
    expect(new URL(page.url()).searchParams.get('station')).toBeNull()
    const mine = await barOf('own')
    await page.mouse.click(mine.x, mine.y)
    await expect.poll(() => new URL(page.url()).searchParams.get('station')).toBe(String(mine.station))
    await page.waitForSelector('[data-station-detail]')
    // A link to another township's station opens nothing either (its drawer had said only 无权访问): the page
    // says so and takes the station out of the address.
    await page.goto(`${harness.url}/m/stations?region=520523&period=2025&station=${other.station}`)
    await waitForModule(page, 'stations')
    const warning = page.locator('.el-message--warning').filter({ hasText: `编号 ${other.station}` })
    await warning.waitFor()
    expect(await warning.innerText()).toContain('未打开')
    await expect.poll(() => new URL(page.url()).searchParams.get('station')).toBeNull()
    expect(await drawerOpen()).toBe(false)
  })

  it("offers a township's report and deck, and no bundle of its areas (it has none)", async () => {
    const items = () => page.locator('[data-report]').filter({ visible: true })
    const offered = async (region: string) => {
      await page.goto(`${harness.url}/m/overview?region=${region}&period=2025`)
      await waitForModule(page, 'overview')
      await page.click('[data-action=report]')
      await items().first().waitFor()
      return items().evaluateAll((els) => els.map((e) => e.getAttribute('data-report')))
    }
    expect(await offered('520523')).toEqual(['docx', 'pptx', 'docx-bundle', 'pptx-bundle'])
    expect(await offered('520523005')).toEqual(['docx', 'pptx'])
  })

  it("names what a panel shows: the township, or its county's townships, on screen and in the data file, in the order on screen", async () => {
    await page.goto(`${harness.url}/m/overview?region=520523005&period=2025`)
    await waitForModule(page, 'overview')
    const subtitle = (panel: string) =>
      page.locator(`[data-panel=${panel}] .chart-panel__subtitle`).innerText()
    expect(await subtitle('overview-trend')).toMatch(/^民兴街道 · 2025年/)
    expect(await subtitle('overview-townships')).toMatch(/^金沙县各乡镇（街道） · 2025年/)
    // Sorted on screen by 办结率 (a header click: highest first), the file keeps that order and its ranks.
    const table = page.locator('[data-panel=overview-townships]')
    await table.locator('thead button', { hasText: '办结率' }).click()
    await table.locator('th[aria-sort=descending]', { hasText: '办结率' }).waitFor()
    const onScreen = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map(
          (tr) =>
            `${tr.querySelector('td')?.textContent?.trim()},${tr.querySelector('th')?.textContent?.trim()}`,
        ),
      )
    await page.click('[data-panel=overview-townships] [data-action=export]')
    const csvItem = page.locator('[data-export=csv]').filter({ visible: true }).first()
    await csvItem.waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), csvItem.click()])
    const text = readFileSync((await download.path())!, 'utf8')
    writeFileSync(`${screenshotDir}areas-of-county.csv`, text)
    const lines = text.slice(1).split('\r\n')
    expect(lines).toContain('地区：金沙县各乡镇（街道）（520523）')
    // Every township of the county, the township's own among them, ranked as on screen, the average under them.
    const header = lines.findIndex((l) => l.startsWith('排名,乡镇（街道）,区划代码,'))
    const rows = lines.slice(header + 1).filter((l) => /^\d+,[^,]+,520523\d{3},/.test(l))
    expect(header).toBeGreaterThan(0)
    expect(rows).toHaveLength(26)
    expect(rows.some((l) => /^\d+,民兴街道,520523005,/.test(l))).toBe(true)
    expect(rows.map((l) => l.split(',').slice(0, 2).join(','))).toEqual(onScreen)
    expect(lines[header + 27]).toMatch(/^,县均,,/)
  })
})
