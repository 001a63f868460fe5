// Accessibility, checked by axe-core (the engine behind Lighthouse's audit) on every page and the menus people
// open: WCAG 2.1 A and AA, contrast included, in both themes and both languages. Government sites in China are held
// to GB/T 37668, which follows WCAG 2.0 AA. A chart's canvas is not checked by axe: each chart panel carries a
// text description for screen readers instead (ChartPanel).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, jinsha, login, openPage, waitForModule } from './browser.ts'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

let harness: Harness
let page: Page

beforeAll(async () => {
  ;({ harness, page } = await openPage({ width: 1366, height: 800 }))
})
afterAll(async () => {
  await harness?.close()
})

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string; summary: string }[]
}

/**
 * Every WCAG A/AA violation axe finds on the page as it is now. A menu or picker Element Plus renders at the end of
 * the body is outside the page's landmarks by design (it belongs to the button that opened it), so the landmark rule
 * ("region") is not applied to it; every other rule is.
 */
async function violations(): Promise<Violation[]> {
  // A menu still opening has transition classes that are gone by the time its nodes are looked up again, and
  // colours mid-transition (a cascader's chosen row fading to blue measured 4.47:1 on its way to 5.2:1).
  await page.waitForFunction(
    () => !document.querySelector('[class*="-enter-active"], [class*="-leave-active"]'),
  )
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  // Through the DevTools protocol, which the page's Content-Security-Policy (script-src 'self') does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(...args: unknown[]): Promise<AxeResults> } }).axe
    interface AxeResults {
      violations: {
        id: string
        impact: string | null
        help: string
        nodes: { target: string[]; failureSummary?: string }[]
      }[]
    }
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    })
    const inPopup = (target: string) => document.querySelector(target)?.closest('.el-popper') != null
    return result.violations
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes
          .filter((n) => v.id !== 'region' || !inPopup(n.target.join(' ')))
          .map((n) => ({
            target: n.target.join(' '),
            summary: (n.failureSummary ?? '').split('\n')[1] ?? '',
          })),
      }))
      .filter((v) => v.nodes.length > 0)
  })
}

let signedIn = false
/** Open a page signed in as the administrator (each test can run alone: `-t`). */
async function open(path: string, module?: string) {
  if (!signedIn) await login(page, harness.url, 'demo-admin')
  signedIn = true
  await page.goto(`${harness.url}${path}`)
  if (module) await waitForModule(page, module)
  else await page.waitForLoadState('networkidle')
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it('the sign-in page, in Chinese and English', async () => {
    for (const path of ['/login', '/login?lang=en']) {
      await page.goto(`${harness.url}${path}`)
      await page.locator('input[name=username]').waitFor()
      expect({ path, found: await violations() }).toEqual({ path, found: [] })
    }
  })

  const modules = ['overview', 'stations', 'opinions', 'funding', 'reportback']
  it.each(modules)('the %s module, light theme, in Chinese', async (module) => {
    await open(`/m/${module}?region=${jinsha}&period=2025`, module)
    expect(await violations()).toEqual([])
  })

  it.each(modules)('the %s module, dark theme, in English', async (module) => {
    await open(`/m/${module}?region=${jinsha}&period=2025&theme=dark&lang=en`, module)
    expect(await violations()).toEqual([])
  })

  it('the menus and pickers people open: export, report, user menu, region picker', async () => {
    await open(`/m/overview?region=${jinsha}&period=2025`, 'overview')
    for (const trigger of [
      '[data-panel=overview-trend] [data-action=export]',
      '[data-action=report]',
      '.user-menu',
    ]) {
      await page.click(trigger)
      await page.locator('.el-dropdown-menu').filter({ visible: true }).first().waitFor()
      expect({ trigger, found: await violations() }).toEqual({ trigger, found: [] })
      await page.keyboard.press('Escape')
      await page.locator('.el-dropdown-menu').filter({ visible: true }).first().waitFor({ state: 'hidden' })
    }
    await page.click('.region-picker')
    await page.locator('.el-cascader-panel').filter({ visible: true }).first().waitFor()
    expect(await violations()).toEqual([])
    await page.keyboard.press('Escape')
  })

  it("a township's stations, and the import page", async () => {
    await open(`/m/stations?region=${jinsha}001&period=2025`, 'stations')
    expect(await violations()).toEqual([])
    await open(`/imports?region=${jinsha}&period=2025`)
    await page.locator('.imports-page').waitFor()
    expect(await violations()).toEqual([])
  })
})
