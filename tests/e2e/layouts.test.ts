// The overview at the sizes people use: a 1366×768 laptop, a 390-px phone and a 3840×2160 wall display.
// Nothing may spill sideways (the page never scrolls horizontally) and every chart keeps a usable width.
import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, login, screenshotDir, startHarness, waitForModule } from './browser.ts'

let harness: Harness
let page: Page

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true })
  harness = await startHarness({ width: 1366, height: 768 })
  page = await harness.context.newPage()
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
