// Exports from the browser: 导出汇报材料 gives the Word report of the region and period on screen, and a
// chart panel's menu gives its PNG at 2× (1920×1080) and the data behind it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import JSZip from 'jszip'
import type { Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, login, screenshotDir, startHarness, waitForModule } from './browser.ts'

let harness: Harness
let page: Page

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true })
  harness = await startHarness()
  page = await harness.context.newPage()
  page.on('pageerror', (error) => console.error('page error:', error.message))
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
  })

  it('prints without controls, with the module, region, period and print date on top', async () => {
    await page.emulateMedia({ media: 'print' })
    try {
      expect(await page.locator('.app-header').isVisible()).toBe(false)
      expect(await page.locator('[data-action=export]').first().isVisible()).toBe(false)
      const line = await page.locator('.dashboard__print').innerText()
      expect(line).toContain('县域总览')
      expect(line).toContain('口径：金沙县，2023年')
      expect(line).toContain('打印日期')
      await page.screenshot({ path: `${screenshotDir}/print.png` })
    } finally {
      await page.emulateMedia({ media: 'screen' })
    }
  })
})
