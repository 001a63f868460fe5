// The township map in Chromium against the production server, as the demo clerk of 金沙县: tiles without a
// boundary; a bad boundary refused on the 数据导入 page with its features named; the schematic boundary uploaded;
// the map drawn with the API's figures, its tooltip, drill-down by mouse and by keyboard; deleted, tiles again.
import type { ModuleDataResponse } from '@liaison/contracts'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { divisionTownships, schematicBoundary } from '../fixtures/schematic-boundary.ts'
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

const { inside, ...schematic } = schematicBoundary(divisionTownships(jinsha))

let harness: Harness
let page: Page

beforeAll(async () => {
  ;({ harness, page } = await openPage({ width: 1440, height: 1000 }))
})
afterAll(async () => {
  await harness?.close()
})

async function openStations(region = jinsha) {
  await page.goto(`${harness.url}/m/stations?region=${region}&period=2025`)
  await waitForModule(page, 'stations')
}

async function openImports() {
  await page.goto(`${harness.url}/imports`)
  await page.waitForSelector('[data-boundary-current]')
}

async function uploadBoundary(name: string, file: object) {
  await page.setInputFiles('[data-boundary-field=file] input[type=file]', {
    name,
    mimeType: 'application/geo+json',
    buffer: Buffer.from(JSON.stringify(file)),
  })
  await page.waitForSelector(`[data-boundary-file]:has-text("${name}")`)
  await page.click('[data-boundary-action=upload]')
  await page.waitForSelector('[data-boundary-result]')
}

/** The page position of a point [lon, lat] on the map, from the ECharts instance itself, the map scrolled into view
 * (the module's charts above it may push it below the fold). */
function mapPixel(lonLat: [number, number]) {
  return page.evaluate((point) => {
    const el = document.querySelector('[data-panel=stations-map] [_echarts_instance_]')!
    el.scrollIntoView({ block: 'center' })
    const { echarts } = (
      window as unknown as { __liaisonShell: { echarts: { getInstanceByDom(e: Element): unknown } } }
    ).__liaisonShell
    const chart = echarts.getInstanceByDom(el) as {
      convertToPixel(finder: object, value: number[]): number[]
    }
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, point)
    const box = el.getBoundingClientRect()
    return { x: box.left + x!, y: box.top + y! }
  }, lonLat)
}

const region = () => new URL(page.url()).searchParams.get('region')

describe('township map', () => {
  it('shows township tiles while the county has no boundary', async () => {
    await login(page, harness.url, 'demo-clerk')
    await openStations()
    expect(await page.locator('[data-panel=stations-tiles] [data-area]').count()).toBe(26)
    expect(await page.locator('[data-panel=stations-map]').count()).toBe(0)
    // The ranking beside it: its average and quartile labels stand above the plot, clear of the value axis. It
    // draws 15 bars of the county's stations, and says so.
    const note = await page.locator('[data-panel=stations-ranking] [data-ranking-note]').innerText()
    const counted = /^按接待走访活动列出前 15 个；有此项数据的站室共 (\d+) 个/.exec(note)
    expect(Number(counted?.[1])).toBeGreaterThan(15)
    await page
      .locator('[data-panel=stations-ranking]')
      .screenshot({ path: `${screenshotDir}map-ranking.png` })
  })

  it("opens a station's details; an online station's say that the seven items do not apply", async () => {
    await openStations('520523005')
    const open = async (name: string) => {
      await page.locator('[data-panel=stations-list] .list__open', { hasText: name }).first().click()
      await page.locator('[data-station-detail]').waitFor()
    }
    await open('网上联络站')
    await page.locator('[data-seven=not-applicable]').waitFor()
    expect(await page.locator('[data-station-detail]').innerText()).not.toContain('面积')
    expect(await page.locator('.drawer__items').count()).toBe(0)
    await page.keyboard.press('Escape')
    await page.locator('[data-station-detail]').waitFor({ state: 'hidden' })
    await open('代表之家')
    await page.locator('.drawer__items li').first().waitFor()
    expect(await page.locator('.drawer__items li').count()).toBe(7)
    expect(await page.locator('[data-station-detail]').innerText()).toContain('面积')
    expect(await page.locator('[data-seven=not-applicable]').count()).toBe(0)
    // The open station is in the URL: a reload (a shared link) opens it again; closed, it leaves the URL, and Back
    // reopens it.
    const station = new URL(page.url()).searchParams.get('station')
    expect(Number(station)).toBeGreaterThan(0)
    await page.reload()
    await page.locator('.drawer__items li').first().waitFor()
    await page.keyboard.press('Escape')
    await page.locator('[data-station-detail]').waitFor({ state: 'hidden' })
    await page.waitForURL((url) => !url.searchParams.has('station'))
    await page.goBack()
    await page.locator('.drawer__items li').first().waitFor()
    await page.keyboard.press('Escape')
    await page.locator('[data-station-detail]').waitFor({ state: 'hidden' })
    // A station is open only among the listed ones (民兴街道's, not 鼓场街道's), and the other modules' links leave
    // it behind.
    await page.goto(`${harness.url}/m/stations?region=520523004&period=2025&station=${station}`)
    await waitForModule(page, 'stations')
    expect(await page.locator('[data-station-detail]').isVisible()).toBe(false)
    expect(await page.locator('[data-nav=overview]').getAttribute('href')).not.toContain('station')
  })

  it('refuses a boundary whose features do not match, naming them, and stores nothing', async () => {
    await openImports()
    expect(await page.locator('[data-boundary-current]').innerText()).toContain('当前没有边界')
    const broken = structuredClone(schematic)
    broken.features[3]!.properties = { code: '', name: '不存在镇' }
    ;(broken.features[7] as { geometry: object }).geometry = { type: 'Point', coordinates: [106.2, 27.4] }
    await uploadBoundary('broken.geojson', broken)
    expect(await page.locator('[data-boundary-result=refused]').innerText()).toContain('共 2 处问题')
    const rows = await page.locator('[data-boundary-problems] .el-table__body tbody tr').allInnerTexts()
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      '#4 不存在镇 与本县（区）的乡镇（街道）都不匹配（名称 不存在镇）',
      `#8 ${schematic.features[7]!.properties.code} ${schematic.features[7]!.properties.name} 几何类型应为 Polygon 或 MultiPolygon [type]`,
    ])
    await page.locator('[data-boundary]').screenshot({ path: `${screenshotDir}map-boundary-refused.png` })
    await page.reload()
    await page.waitForSelector('[data-boundary-current]')
    expect(await page.locator('[data-boundary-current]').innerText()).toContain('当前没有边界')
  })

  it('uploads the schematic boundary, marked as schematic', async () => {
    await uploadBoundary('jinsha-schematic.geojson', schematic)
    expect(await page.locator('[data-boundary-result=stored]').innerText()).toContain(
      '已保存 26 个乡镇的边界',
    )
    const current = await page.locator('[data-boundary-current]').innerText()
    expect(current).toContain('26 个乡镇')
    expect(current).toContain('金沙县数据录入员（演示）')
    expect(await page.locator('[data-boundary-schematic]').innerText()).toBe('示意边界，非真实界线')
    await page.locator('[data-boundary]').screenshot({ path: `${screenshotDir}map-boundary-stored.png` })
  })

  it('draws the map with the API figures for each township, says it is schematic, and names them in the tooltip', async () => {
    await openStations()
    await page.waitForSelector('[data-panel=stations-map][data-state=ready]')
    expect(await page.locator('[data-panel=stations-tiles]').count()).toBe(0)
    const api = await apiGet<ModuleDataResponse>(
      page,
      `/modules/stations/data?region=${jinsha}&from=2025-01-01&to=2025-12-31`,
    )
    const map = (await readCharts(page)).find((c) => c.panel === 'stations-map')!
    expect(map.series).toEqual([{ type: 'map', name: '“七有”达标率' }])
    const drawn = (map.source as Record<string, unknown>[]).map((r) => [r.name, r.seven_standard_rate])
    expect(drawn).toEqual(api.breakdowns.areas!.map((r) => [r.area_name, r.seven_standard_rate]))
    expect(drawn).toHaveLength(26)
    expect(await page.locator('[data-map-note]').innerText()).toContain('示意边界')
    // …in the subtitle too, which every PNG/SVG export of the panel carries.
    expect(await page.locator('[data-panel=stations-map] .chart-panel__subtitle').innerText()).toContain(
      '金沙县（示意边界）',
    )
    expect(await page.locator('[data-panel=stations-map] .chart-panel__sr').innerText()).toMatch(
      /“七有”达标率：最高 .+，最低 .+，共 26 项。示意边界/,
    )
    const pingba = api.breakdowns.areas!.find((r) => r.area === '520523108')!
    const at = await mapPixel(inside['520523108']!)
    await page.mouse.move(at.x, at.y)
    const tip = page
      .locator('[data-panel=stations-map] div:has-text("平坝镇"):has-text("“七有”达标率：")')
      .last()
    await tip.waitFor()
    const shown = (await tip.innerText()).replace(/\s+/g, '').match(/平坝镇“七有”达标率：([\d.]+)%/)
    expect(Number(shown?.[1])).toBeCloseTo(Number(pingba.seven_standard_rate) * 100, 0)
    await page.locator('[data-panel=stations-map]').screenshot({ path: `${screenshotDir}map-stations.png` })
    await page.screenshot({ path: `${screenshotDir}map-stations-page.png`, fullPage: true })
  })

  it('drills down to a township clicked on the map, and by keyboard', async () => {
    const at = await mapPixel(inside['520523108']!)
    await page.mouse.click(at.x, at.y)
    await page.waitForFunction(() => new URL(location.href).searchParams.get('region') === '520523108')
    await waitForModule(page, 'stations')
    expect(await page.locator('.crumbs [aria-current=page]').innerText()).toBe('平坝镇')
    // Back to the county, then Tab onto the map: the arrow keys walk the townships in code order, Enter drills.
    await openStations()
    await page.waitForSelector('[data-panel=stations-map][data-state=ready]')
    await page.focus('[data-panel=stations-map] [data-action=export]')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('application')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    const second = divisionTownships(jinsha)[1]!
    await expect(page.locator('[data-panel=stations-map] [aria-live]').innerText()).resolves.toContain(
      `${second.name}：“七有”达标率`,
    )
    await page.keyboard.press('Enter')
    await page.waitForFunction(
      (code) => new URL(location.href).searchParams.get('region') === code,
      second.code,
    )
    expect(region()).toBe(second.code)
  })

  it('shades by another figure when chosen', async () => {
    await openStations()
    await page.click('[data-panel=stations-map] [data-map-figure]')
    await page.getByRole('option', { name: '已建成站室', exact: true }).click()
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-panel=stations-map] [_echarts_instance_]')
      const { echarts } = (
        window as unknown as { __liaisonShell: { echarts: { getInstanceByDom(e: Element): unknown } } }
      ).__liaisonShell
      const chart = el && (echarts.getInstanceByDom(el) as { getOption(): { series: { name: string }[] } })
      return chart?.getOption().series[0]?.name === '已建成站室'
    })
    const map = (await readCharts(page)).find((c) => c.panel === 'stations-map')!
    expect(map.series[0]!.name).toBe('已建成站室')
  })

  it('falls back to tiles once the boundary is deleted', async () => {
    await openImports()
    await page.click('[data-boundary-action=delete]')
    await page.waitForSelector('.el-message-box')
    await page.click('.el-message-box__btns .el-button--primary')
    await page.waitForSelector('[data-boundary-result=notice]')
    expect(await page.locator('[data-boundary-current]').innerText()).toContain('当前没有边界')
    await openStations()
    expect(await page.locator('[data-panel=stations-tiles] [data-area]').count()).toBe(26)
    expect(await page.locator('[data-panel=stations-map]').count()).toBe(0)
  })
})
