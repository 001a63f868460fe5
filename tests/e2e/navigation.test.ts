// The dashboard's navigation in Chromium: drill-down and the breadcrumb, the header by keyboard and the skip link,
// links that name what cannot be shown, a shared link, big-screen and decal modes, signing out and the sign-in
// page's language.
// The figures themselves are in dashboard.test.ts.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, jinsha, login, openPage, screenshotDir, waitForModule } from './browser.ts'

let harness: Harness
let page: Page

beforeAll(async () => {
  ;({ harness, page } = await openPage())
  await login(page, harness.url)
  await page.goto(`${harness.url}/m/overview?region=${jinsha}&period=2025`)
  await waitForModule(page, 'overview')
})
afterAll(async () => {
  await harness?.close()
})

const query = () => Object.fromEntries(new URL(page.url()).searchParams)

describe('navigation', () => {
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
    // By keyboard (Space, as Enter): the keyboard then rests on the new region's name at the top, not on <body>.
    const second = page.locator('[data-panel=overview-townships] tbody tr').nth(1)
    const other = (await second.locator('th').innerText()).trim()
    await second.focus()
    await page.keyboard.press(' ')
    await page.waitForFunction(() => (new URL(location.href).searchParams.get('region') ?? '').length === 9)
    await waitForModule(page, 'overview')
    expect(await page.evaluate(() => document.activeElement?.matches('.crumbs [aria-current=page]'))).toBe(
      true,
    )
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(other)
    await page.goto(`${harness.url}/m/overview?region=${jinsha}&period=2025`)
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

  it('skips the header by keyboard: the first Tab shows the skip link, in the page language', async () => {
    for (const [lang, words, title] of [
      ['', '跳到主要内容', '人大代表联络站履职数据驾驶舱'],
      ['&lang=en', 'Skip to main content', 'Deputy Liaison Stations Dashboard'],
    ] as const) {
      const fresh = await harness.context.newPage()
      await fresh.goto(`${harness.url}/m/overview?region=${jinsha}&period=2025${lang}`)
      await waitForModule(fresh, 'overview')
      // The tab's title too.
      await expect.poll(() => fresh.title()).toBe(title)
      await fresh.keyboard.press('Tab')
      const link = fresh.locator('.skip-link:focus')
      await expect(link.innerText()).resolves.toBe(words)
      expect(await link.boundingBox().then((box) => box!.y >= 0)).toBe(true)
      // Enter moves the keyboard past the header: the next Tab lands in the main content.
      await fresh.keyboard.press('Enter')
      await fresh.keyboard.press('Tab')
      expect(await fresh.evaluate(() => document.activeElement?.closest('main')?.id)).toBe('main')
      await fresh.close()
    }
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
    // Below the header and the module tabs: the warnings stay 8 s, and at the top they hid the period and
    // language controls.
    const bar = await fresh.locator('.module-nav').boundingBox()
    const first = await notes.first().boundingBox()
    expect(first!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height)
    await fresh.close()
    // In the link's language.
    const english = await harness.context.newPage()
    await english.goto(`${harness.url}/m/overview?region=110101&period=2023-02-30&lang=en`)
    await waitForModule(english, 'overview')
    const warnings = english.locator('.el-message--warning')
    await warnings.nth(1).waitFor()
    const words = (await warnings.allInnerTexts()).join('\n')
    expect(words).toContain(
      'The link\'s region "110101" does not exist or is not yours to see; showing 金沙县.',
    )
    expect(words).toContain('The link\'s period "2023-02-30" is not a period the dashboard knows')
    await english.close()
    // A period still to come is shown, with why its panels are empty.
    const future = await harness.context.newPage()
    const year = Number(new Date().getUTCFullYear()) + 2
    await future.goto(`${harness.url}/m/overview?region=${jinsha}&period=${year}`)
    await waitForModule(future, 'overview')
    expect(new URL(future.url()).searchParams.get('period')).toBe(String(year))
    await expect(future.locator('.el-message--warning').first().innerText()).resolves.toContain(
      `链接中的时期“${year}年”尚未开始，各图表暂无数据。`,
    )
    await future.close()
  })

  it('refuses a typed day that is not on the calendar rather than roll it into another', async () => {
    const typed = await harness.context.newPage()
    await typed.goto(`${harness.url}/m/overview?region=${jinsha}&period=custom:2025-06-01~2025-12-31`)
    await waitForModule(typed, 'overview')
    const end = typed.locator('.custom-range input').nth(1)
    // Element Plus read 2026-13-40 as 9 February 2027, and the period became 2025-06-01~2027-02-09.
    await end.click()
    await end.fill('2026-13-40')
    await end.press('Enter')
    await expect(
      typed.locator('.el-message--warning').filter({ hasText: '2026-13-40' }).innerText(),
    ).resolves.toContain('不是日历上的日期')
    expect(new URL(typed.url()).searchParams.get('period')).toBe('custom:2025-06-01~2025-12-31')
    // A real day is taken.
    await end.click()
    await end.fill('2025-11-30')
    await end.press('Enter')
    await expect
      .poll(() => new URL(typed.url()).searchParams.get('period'))
      .toBe('custom:2025-06-01~2025-11-30')
    await typed.close()
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
    expect(await page.locator('[data-panel=overview-trend] [data-panel-note]').innerText()).toMatch(
      /^Each month's resolution rate counts/,
    )
  })
})
