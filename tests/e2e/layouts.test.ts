// The overview at the sizes people use: a 1366×768 laptop, a 390-px phone and a 3840×2160 wall display.
// Nothing may spill sideways (the page never scrolls horizontally) and every chart keeps a usable width. On a
// phone the charts keep their words; printed, a long table runs on with its whole header.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, login, openPage, readCharts, screenshotDir, waitForModule } from './browser.ts'

let harness: Harness
let page: Page

beforeAll(async () => {
  ;({ harness, page } = await openPage({ width: 1366, height: 768 }))
  await login(page, harness.url)
  await waitForModule(page, 'overview')
})
afterAll(async () => {
  await harness?.close()
})

const sizes = [
  { name: 'laptop', width: 1366, height: 768, minChart: 300 },
  { name: 'phone', width: 390, height: 844, minChart: 300 },
  { name: 'wall', width: 3840, height: 2160, minChart: 1000 },
]

describe('layouts', () => {
  for (const size of sizes)
    it(`fits ${size.width}×${size.height} (${size.name}) without sideways scrolling`, async () => {
      await page.setViewportSize({ width: size.width, height: size.height })
      await page.waitForTimeout(800) // ECharts resizes on the next frame
      const { scroll, inner, charts } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
        charts: [...document.querySelectorAll('[_echarts_instance_]')].map((el) => el.clientWidth),
      }))
      expect(scroll).toBeLessThanOrEqual(inner)
      expect(charts.length).toBeGreaterThan(0)
      expect(Math.max(...charts)).toBeGreaterThanOrEqual(Math.min(size.minChart, size.width - 40))
      await page.screenshot({ path: `${screenshotDir}/layout-${size.name}.png` })
    })
})

describe('charts on a phone', () => {
  it('name every channel and wrap the donut labels instead of dropping or cutting them', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${harness.url}/m/opinions?region=520523&period=2025`)
    await waitForModule(page, 'opinions')
    const axisOf = (panel: string) =>
      page.evaluate((id) => {
        const el = document.querySelector(`[data-panel=${id}] [_echarts_instance_]`)!
        const { echarts } = (
          window as unknown as { __liaisonShell: { echarts: { getInstanceByDom(e: Element): unknown } } }
        ).__liaisonShell
        const option = (echarts.getInstanceByDom(el) as { getOption(): Record<string, unknown> }).getOption()
        const [x] = option.xAxis as { axisLabel: { interval?: unknown; rotate?: unknown } }[]
        const [s] = option.series as { label?: { overflow?: unknown } }[]
        const [legend] = (option.legend ?? []) as { show?: boolean }[]
        return {
          interval: x?.axisLabel.interval,
          rotate: x?.axisLabel.rotate,
          overflow: s?.label?.overflow,
          legend: legend?.show,
        }
      }, panel)
    // The layout changes once the panel is seen to be narrow and its rule has loaded.
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-panel=opinions-channels] [_echarts_instance_]')
      return el?.closest('[data-panel]')?.getAttribute('data-state') === 'ready'
    })
    await expect.poll(() => axisOf('opinions-channels')).toMatchObject({ interval: 0, rotate: 40 })
    await expect.poll(() => axisOf('opinions-routes')).toMatchObject({ overflow: 'break', legend: false })
    await page
      .locator('[data-panel=opinions-channels]')
      .screenshot({ path: `${screenshotDir}/phone-channels.png` })
    // Wide again (a tablet turned sideways): the desktop layout comes back, not merged with the phone's.
    await page.setViewportSize({ width: 1366, height: 768 })
    await expect.poll(() => axisOf('opinions-channels')).toMatchObject({ interval: 'auto', rotate: 0 })
    await expect.poll(async () => (await axisOf('opinions-routes')).legend).toBe(true)
  })
})

describe('a county of 26 townships on a phone', () => {
  it('draws its township bars sideways, a level row for each name, on a panel as tall as they need', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${harness.url}/m/stations?region=520523&period=2025`)
    await waitForModule(page, 'stations')
    const shape = () =>
      page.evaluate(() => {
        const el = document.querySelector('[data-panel=stations-townships] [_echarts_instance_]')!
        const { echarts } = (
          window as unknown as { __liaisonShell: { echarts: { getInstanceByDom(e: Element): unknown } } }
        ).__liaisonShell
        const option = (echarts.getInstanceByDom(el) as { getOption(): Record<string, unknown> }).getOption()
        const [y] = option.yAxis as { type: string; axisLabel: { rotate?: number } }[]
        return { y: y?.type, rotate: y?.axisLabel.rotate, height: el.clientHeight }
      })
    await expect.poll(shape).toEqual({ y: 'category', rotate: 0, height: expect.any(Number) })
    expect((await shape()).height).toBeGreaterThan(26 * 24)
    await page
      .locator('[data-panel=stations-townships]')
      .screenshot({ path: `${screenshotDir}/phone-townships.png` })
    // On a laptop the townships stand upright again, at the panel's own height.
    await page.setViewportSize({ width: 1366, height: 768 })
    await expect.poll(shape).toMatchObject({ y: 'value' })
    expect((await shape()).height).toBeLessThan(500)
  })
})

describe('printing', () => {
  it('runs a long table on across pages with its whole header, and the next panel after it', async () => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(`${harness.url}/m/overview?region=520523&period=2025`)
    await waitForModule(page, 'overview')
    const pdf = `${screenshotDir}/overview-print.pdf`
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    const pages = text.split('\f').filter((p) => p.trim())
    const withHeader = pages.filter((p) => /排名\s+乡镇（街道）\s+接待走访活动/.test(p))
    // The table spans pages, and each of them repeats every column's name (only 排名 came back before).
    expect(withHeader.length).toBeGreaterThan(1)
    expect(pages.filter((p) => /^\s*排名\s*$/m.test(p))).toEqual([])
    // The table's last row (its average) prints before the next panel, not under it.
    expect(text.lastIndexOf('县均')).toBeLessThan(text.indexOf('数据报送情况'))
  })
})

describe('the key figures', () => {
  it('fill their rows evenly: nine cards are 5 + 4 on a laptop and one row on a 1920-px screen', async () => {
    await page.goto(`${harness.url}/m/overview?region=520523&period=2025`)
    await waitForModule(page, 'overview')
    const rows = () =>
      page.evaluate(() => {
        const tops = [...document.querySelectorAll('.kpi-grid > article')].map((el) =>
          Math.round(el.getBoundingClientRect().top),
        )
        return [...new Set(tops)].map((top) => tops.filter((t) => t === top).length)
      })
    await page.setViewportSize({ width: 1366, height: 768 })
    await expect.poll(rows).toEqual([5, 4])
    await page.setViewportSize({ width: 1920, height: 1080 })
    await expect.poll(rows).toEqual([9])
    await page.setViewportSize({ width: 390, height: 844 })
    await expect.poll(rows).toEqual([2, 2, 2, 2, 1])
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  it('stand in one row on a big screen from 1366 px, ten of them too, so that the charts start in its top half', async () => {
    await page.setViewportSize({ width: 1366, height: 768 })
    for (const [module, cards] of [
      ['overview', 9],
      ['opinions', 10],
    ] as const) {
      await page.goto(`${harness.url}/m/${module}?region=520523&period=2025&screen=big`)
      await waitForModule(page, module)
      const tops = await page.evaluate(() => ({
        cards: [...document.querySelectorAll('.kpi-grid > article')].map((el) =>
          Math.round(el.getBoundingClientRect().top),
        ),
        chart: document
          .querySelector('.module-page__grid .chart-panel, .overview .chart-panel')
          ?.getBoundingClientRect().top,
      }))
      expect(tops.cards).toHaveLength(cards)
      expect(new Set(tops.cards).size, module).toBe(1)
      expect(tops.chart, module).toBeLessThan(768 / 2)
    }
    await page.screenshot({ path: `${screenshotDir}/layout-big-screen-1366.png` })
    // Chart text at 14 px below 1600 px, where 18 px pushed the last categories out of their panels; 18 px above.
    const sizes = async () => [...new Set((await readCharts(page)).map((c) => c.fontSize))]
    expect(await sizes()).toEqual([14])
    await page.setViewportSize({ width: 1920, height: 1080 })
    await expect.poll(sizes).toEqual([18])
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`${harness.url}/m/overview?region=520523&period=2025`)
    await waitForModule(page, 'overview')
  })
})

describe('the header', () => {
  it("keeps an administrator's header to one row from 1366 px up, and a phone's to its first quarter", async () => {
    await page.click('.user-menu')
    await page.click('[data-action=logout]')
    await page.waitForURL(/\/login/)
    await login(page, harness.url, 'demo-admin')
    await waitForModule(page, 'overview')
    const measure = () =>
      page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect()
        return {
          header: box('.app-header').height,
          title: box('.app-header__title'),
          user: box('.user-menu'),
        }
      })

    await page.setViewportSize({ width: 1366, height: 768 })
    // One row of controls is ≈ 48 px; the administrator's import link made it wrap to two (≈ 89 px).
    expect((await measure()).header).toBeLessThan(60)
    // In English too, whose words are longer.
    await page.goto(`${harness.url}/m/overview?region=520523&period=2025&lang=en`)
    await waitForModule(page, 'overview')
    expect((await measure()).header).toBeLessThan(60)
    // A month's third box too (it wrapped the header), in English: the month is Jun ("Month 6" was cut to "Mo…").
    await page.goto(`${harness.url}/m/overview?region=520523&period=2025-06&lang=en`)
    await waitForModule(page, 'overview')
    expect((await measure()).header).toBeLessThan(60)
    expect(await page.locator('.period-picker__part').first().innerText()).toContain('Jun')
    // And in Chinese.
    await page.goto(`${harness.url}/m/overview?region=520523&period=2025-06&lang=zh-CN`)
    await waitForModule(page, 'overview')
    expect((await measure()).header).toBeLessThan(60)
    // And on the screens between a laptop's and a 1920-px one (it took two rows there, with the full title), in
    // both languages.
    for (const [width, lang] of [
      [1440, 'zh-CN'],
      [1536, 'en'],
      [1680, 'zh-CN'],
      [1919, 'en'],
    ] as const) {
      await page.goto(`${harness.url}/m/overview?region=520523&period=2025-06&lang=${lang}`)
      await waitForModule(page, 'overview')
      await page.setViewportSize({ width, height: 900 })
      await expect
        .poll(async () => (await measure()).header, { message: `${width} px, ${lang}` })
        .toBeLessThan(60)
    }
    // A quarter's and a range's boxes show their choice whole (84 px cut them to 第4… and 自…), the header still one
    // row at 1366 px in Chinese (in English a range wraps it there).
    const cut = () =>
      page.evaluate(() =>
        [
          ...document.querySelectorAll(
            '.period-picker .el-select__selected-item, .period-picker .el-range-input',
          ),
        ]
          .filter((el) => el.scrollWidth > el.clientWidth)
          .map((el) => (el as HTMLElement).innerText || (el as HTMLInputElement).value),
      )
    await page.setViewportSize({ width: 1366, height: 768 })
    for (const [period, lang] of [
      ['2025-Q4', 'zh-CN'],
      ['custom:2015-01-01~2025-12-31', 'zh-CN'],
      ['2025-Q4', 'en'],
    ] as const) {
      await page.goto(`${harness.url}/m/overview?region=520523&period=${period}&lang=${lang}`)
      await waitForModule(page, 'overview')
      expect(await cut(), `${period}, ${lang}`).toEqual([])
      expect((await measure()).header, `${period}, ${lang}`).toBeLessThan(60)
    }
    await page.goto(`${harness.url}/m/overview?region=520523&period=2025-06&lang=zh-CN`)
    await waitForModule(page, 'overview')

    await page.setViewportSize({ width: 390, height: 844 })
    const phone = await measure()
    expect(phone.header).toBeLessThanOrEqual(844 / 4)
    // The user menu shares the title's row instead of taking one of its own.
    expect(Math.abs(phone.user.top - phone.title.top)).toBeLessThan(20)
    await page.screenshot({ path: `${screenshotDir}/layout-phone-header.png` })

    // Its menu says who is signed in and where, in plain text; an administrator's region is the country.
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.click('.user-menu')
    await expect
      .poll(() => page.locator('[data-user-card]').innerText())
      .toBe('演示管理员\n系统管理员\n管辖范围：全国')
  })
})
