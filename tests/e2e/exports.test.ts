// Exports from the browser: 导出汇报材料 gives the Word report of the region and period on screen, and a
// chart panel's menu gives its PNG at 2× (1920×1080) and the data behind it.
import { readFileSync, writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import type { Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiGet, type Harness, login, openPage, screenshotDir, waitForModule } from './browser.ts'

let harness: Harness
let page: Page

beforeAll(async () => {
  ;({ harness, page } = await openPage())
  await login(page, harness.url, 'demo-analyst')
  await page.goto(`${harness.url}/m/overview?region=520523&period=2023`)
  await waitForModule(page, 'overview')
})
afterAll(async () => {
  await harness?.close()
})

async function saved(download: Download) {
  const path = await download.path()
  return { name: download.suggestedFilename(), bytes: readFileSync(path!) }
}

/** Choose an item of an Element Plus dropdown opened by `button`. */
async function choose(button: string, item: string) {
  await page.click(button)
  await page.locator(item).filter({ visible: true }).first().click()
}

describe('exports', () => {
  it('导出汇报材料 downloads the Word report of 金沙县 2023 with its headline figures', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      choose('[data-action=report]', '[data-report=docx]'),
    ])
    const { name, bytes } = await saved(download)
    expect(name).toBe('金沙县人大代表联络站履职工作情况（2023年）.docx')
    const zip = await JSZip.loadAsync(bytes)
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')
    expect(text).toContain('2023年，全县人大代表联络站（室）共开展接待走访活动685次')
    expect(text).toContain('接待群众1,259人次，收集社情民意853件')
    expect(text).toContain('办结680件，办结率79.7%')
    // The exporting user's name and date as the watermark.
    expect((await zip.file('word/header1.xml')!.async('string')).replace(/<[^>]+>/g, '')).toMatch(
      /\d{4}-\d{2}-\d{2}/,
    )
  })

  it('downloads a chart as a framed PNG at 2× and as SVG, each stating its 口径', async () => {
    const panel = '[data-panel=overview-trend]'
    await page.locator(`${panel} [data-action=export]`).scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${screenshotDir}/export-menu.png` })
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      choose(`${panel} [data-action=export]`, '[data-export=png2]'),
    ])
    const image = await saved(png)
    expect(image.name).toMatch(/\.png$/)
    expect([...image.bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG')
    expect([image.bytes.readUInt32BE(16), image.bytes.readUInt32BE(20)]).toEqual([1920, 1080])
    writeFileSync(`${screenshotDir}/export-chart@2x.png`, image.bytes)
    const svg = await Promise.all([
      page.waitForEvent('download'),
      choose(`${panel} [data-action=export]`, '[data-export=svg]'),
    ]).then(([d]) => saved(d))
    const svgText = svg.bytes.toString('utf8')
    expect(svgText).toContain('<svg')
    expect(svgText).toContain('金沙县')
    expect(svgText).toContain('口径')
    // The note under the trend (December's opinions still open at the year's end) goes with the image and the data.
    const { trendNote } = await apiGet<{ trendNote: { zh: string } | null }>(
      page,
      '/modules/overview/data?region=520523&from=2023-01-01&to=2023-12-31',
    )
    expect(trendNote?.zh).toMatch(/12月收集的.*件未办结/)
    expect(svgText).toContain(`说明：${trendNote!.zh}`)
    const csv = await Promise.all([
      page.waitForEvent('download'),
      choose(`${panel} [data-action=export]`, '[data-export=csv]'),
    ]).then(([d]) => saved(d))
    expect(csv.bytes.toString('utf8').split('\r\n')).toContain(`说明：${trendNote!.zh}`)
  })

  it('exports the data of a panel that had none (the opinions funnel) as CSV and XLSX, as the API counts it', async () => {
    await page.goto(`${harness.url}/m/opinions?region=520523&period=2023`)
    await waitForModule(page, 'opinions')
    type Row = Record<string, string | number | null>
    const api = await apiGet<{ kpis: { id: string; value: number }[]; breakdowns: { funnel: Row[] } }>(
      page,
      '/modules/opinions/data?region=520523&from=2023-01-01&to=2023-12-31',
    )
    const card = (id: string) => api.kpis.find((k) => k.id === id)!.value
    expect(card('opinions_collected')).toBe(853)
    const funnel = api.breakdowns.funnel[0]!
    const panel = '[data-panel=opinions-funnel]'
    await page.locator(`${panel} [data-action=export]`).scrollIntoViewIfNeeded()
    await page.click(`${panel} [data-action=export]`)
    const csvItem = page.locator('[data-export=csv]').filter({ visible: true }).first()
    await csvItem.waitFor()
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${screenshotDir}/export-menu-data.png` })
    const csv = await Promise.all([page.waitForEvent('download'), csvItem.click()]).then(([d]) => saved(d))
    writeFileSync(`${screenshotDir}/export-funnel.csv`, csv.bytes)
    expect(csv.name).toMatch(/^办理流程.*\.csv$/)
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n')
    expect(lines).toContain('地区：金沙县（520523）')
    expect(lines).toContain('时段：2023年，2023-01-01至2023-12-31')
    expect(lines).toContain('数据截至：2023-12-31')
    expect(lines.some((l) => l.startsWith('数据来源：社情民意台账（人大代表联络站履职数据驾驶舱）'))).toBe(
      true,
    )
    const header = lines.indexOf('办理环节,件数')
    expect(header).toBeGreaterThan(0)
    // The funnel's stages are the cards' figures: 办结 is the 已办结 card (680 in 2023).
    expect(lines.slice(header + 1, header + 5)).toEqual([
      '收集,853',
      `答复,${funnel.opinions_replied}`,
      `办结,${card('opinions_resolved')}`,
      `评价,${funnel.opinions_evaluated}`,
    ])
    expect(card('opinions_resolved')).toBe(680)
    const xlsx = await Promise.all([
      page.waitForEvent('download'),
      choose(`${panel} [data-action=export]`, '[data-export=xlsx]'),
    ]).then(([d]) => saved(d))
    expect(xlsx.name).toMatch(/\.xlsx$/)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]!
    const top = [1, 2, 3, 4, 5].map((r) => String(sheet.getCell(r, 1).value))
    expect(top).toContain('地区：金沙县（520523）')
    const frozen = sheet.views[0] as { state: string; ySplit: number }
    expect(frozen.state).toBe('frozen')
    expect(sheet.getRow(frozen.ySplit).values).toEqual([undefined, '办理环节', '件数'])
    const first = sheet.getRow(frozen.ySplit + 1)
    expect(first.getCell(1).value).toBe('收集')
    expect(first.getCell(2).value).toBe(853)
    expect(sheet.getRow(frozen.ySplit + 4).getCell(2).value).toBe(funnel.opinions_evaluated)
    // Back where the other cases are.
    await page.goto(`${harness.url}/m/overview?region=520523&period=2023`)
    await waitForModule(page, 'overview')
  })

  it('loads a panel menu on first use, opens it with the keyboard and exports from it', async () => {
    await page.reload()
    await waitForModule(page, 'overview')
    const menuScripts = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((name) => /ExportDropdown|ReportDropdown|UserDropdown/.test(name)),
      )
    // Drawn without the menus' code: each 导出 is a plain button until used.
    expect(await menuScripts()).toEqual([])
    const button = page.locator('[data-panel=overview-trend] [data-action=export]')
    await button.focus()
    await page.keyboard.press('Enter')
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-export'))
    await expect.poll(focused).toBe('png2')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    expect(await focused()).toBe('svg')
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
    expect((await saved(download)).name).toMatch(/\.svg$/)
    expect((await menuScripts()).some((name) => name.includes('ExportDropdown'))).toBe(true)
  })

  it("draws a chart image on the screen's dark theme when asked, on white otherwise", async () => {
    await page.goto(`${harness.url}/m/overview?region=520523&period=2023&theme=dark`)
    await waitForModule(page, 'overview')
    const panel = '[data-panel=overview-trend]'
    const svgNow = () =>
      Promise.all([
        page.waitForEvent('download'),
        choose(`${panel} [data-action=export]`, '[data-export=svg]'),
      ]).then(async ([d]) => (await saved(d)).bytes.toString('utf8'))
    const dark = /#17212b|rgb\(23,\s*33,\s*43\)/i
    expect(await svgNow()).not.toMatch(dark)
    await choose(`${panel} [data-action=export]`, '[data-background=theme]')
    await page.waitForTimeout(300)
    expect(await svgNow()).toMatch(dark)
    await page.waitForTimeout(300)
    await choose(`${panel} [data-action=export]`, '[data-background=white]')
    await page.goto(`${harness.url}/m/overview?region=520523&period=2023`)
    await waitForModule(page, 'overview')
  })

  it('puts the organisation chosen in the report menu on the report, and on chart images', async () => {
    await page.click('[data-action=report]')
    const orgItem = page.locator('[data-watermark=org]').filter({ visible: true }).first()
    await orgItem.waitFor()
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${screenshotDir}/report-menu-watermark.png` })
    await orgItem.click()
    await page.waitForTimeout(300)
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      choose('[data-action=report]', '[data-report=docx]'),
    ])
    const zip = await JSZip.loadAsync((await saved(download)).bytes)
    const header = (await zip.file('word/header1.xml')!.async('string')).replace(/<[^>]+>/g, '')
    expect(header).toContain('金沙县人大常委会')
    expect(header).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    // The chart menus share the choice.
    const panel = '[data-panel=overview-trend]'
    await page.click(`${panel} [data-action=export]`)
    const org = page.locator('[data-watermark=org]').filter({ visible: true }).first()
    expect(await org.getAttribute('aria-current')).toBe('true')
    const svg = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-export=svg]').filter({ visible: true }).first().click(),
    ]).then(([d]) => saved(d))
    expect(svg.bytes.toString('utf8')).toContain('金沙县人大常委会')
    // Back to the default (the user and date) once the menu has closed.
    await page.waitForTimeout(500)
    await choose('[data-action=report]', '[data-watermark=user]')
  })

  it('prints without controls, with the module, region, period and print date on top', async () => {
    await page.emulateMedia({ media: 'print' })
    try {
      expect(await page.locator('.app-header').isVisible()).toBe(false)
      expect(await page.locator('[data-action=export]').first().isVisible()).toBe(false)
      const line = await page.locator('.dashboard__print').innerText()
      expect(line).toContain(' · 总览　口径')
      expect(line).toContain('口径：金沙县，2023年')
      // The day in Beijing, written as every other date of the product is.
      expect(line).toMatch(/打印日期：\d{4}年\d{1,2}月\d{1,2}日/)
      await page.screenshot({ path: `${screenshotDir}/print.png` })
    } finally {
      await page.emulateMedia({ media: 'screen' })
    }
  })
})
