// The microfrontend layout in Chromium against the production server: a module route's files linked in the page
// and taken from there, a module whose files are missing, and one Vue, Pinia, filter store, vue-i18n and ECharts
// shared by the shell and all five modules.
import { moduleNames } from '@liaison/contracts'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, jinsha, login, openPage, screenshotDir, waitForModule } from './browser.ts'

let harness: Harness
let page: Page

beforeAll(async () => {
  ;({ harness, page } = await openPage())
  await login(page, harness.url)
})
afterAll(async () => {
  await harness?.close()
})

describe('microfrontends', () => {
  it("links a module route's manifest and first-view files in the page, and the module takes them from there", async () => {
    // Signed in (the session cookie): a browser without one is sent to the login page, which needs none of them.
    const cookie = (await harness.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
    const route = `${harness.url}/m/overview?region=${jinsha}&period=2025`
    const html = await (await fetch(route, { headers: { cookie } })).text()
    expect(await (await fetch(route)).text()).not.toContain('/modules/')
    const linked = [
      ...html.matchAll(/<link rel="(?:modulepreload|preload)"[^>]* href="(\/modules\/[^"]+)"/g),
    ].map((m) => m[1]!)
    expect(linked).toContain('/modules/overview/mf-manifest.json')
    expect(linked).toContain('/modules/overview/remoteEntry.js')
    expect(linked.every((href) => href.startsWith('/modules/overview/'))).toBe(true)
    for (const href of linked) expect((await fetch(`${harness.url}${href}`)).status, href).toBe(200)
    // No module's files on other pages.
    expect(await (await fetch(`${harness.url}/login`)).text()).not.toContain('/modules/')
    // A file that is not there is a 404, not the page.
    expect((await fetch(`${harness.url}/favicon.ico`)).status).toBe(404)
    expect((await fetch(`${harness.url}/assets/gone-1234abcd.js`)).status).toBe(404)
    // Each file is requested once: the module's own requests find the preloaded ones.
    const fresh = await harness.context.newPage()
    const requested: string[] = []
    fresh.on('request', (request) => requested.push(new URL(request.url()).pathname))
    await fresh.goto(`${harness.url}/m/overview?region=${jinsha}&period=2025`)
    await waitForModule(fresh, 'overview')
    const moduleFiles = requested.filter((path) => path.startsWith('/modules/overview/'))
    expect(moduleFiles.sort()).toEqual([...new Set(moduleFiles)].sort())
    expect(moduleFiles.sort()).toEqual([...linked].sort())
    await fresh.close()
  })

  it("sends the build's gzip copies to a browser that accepts gzip, and keeps each file's caching", async () => {
    const entry = `${harness.url}/modules/overview/remoteEntry.js`
    // undici decodes the body and keeps the headers: both answers must hold the same script.
    const zipped = await fetch(entry, { headers: { 'accept-encoding': 'gzip' } })
    const plain = await fetch(entry, { headers: { 'accept-encoding': 'identity' } })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(zipped.headers.get('vary')).toContain('Accept-Encoding')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(zipped.headers.get('content-type')).toBe(plain.headers.get('content-type'))
    expect(zipped.headers.get('content-type')).toContain('javascript')
    expect(await zipped.text()).toBe(await plain.text())
    // The module's entry is revalidated on every load, gzip or not; a hashed file is cached for good.
    expect(zipped.headers.get('cache-control')).toBe('no-cache')
    expect(plain.headers.get('cache-control')).toBe('no-cache')
    // In the browser: every script of the first view came compressed, to less than half its size.
    const fresh = await harness.context.newPage()
    await fresh.goto(`${harness.url}/m/overview?region=${jinsha}&period=2025`)
    await waitForModule(fresh, 'overview')
    const scripts = await fresh.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e as PerformanceResourceTiming)
        .filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js'))
        .map((e) => ({ name: e.name, wire: e.encodedBodySize, size: e.decodedBodySize })),
    )
    await fresh.close()
    const large = scripts.filter((s) => s.size > 10_000)
    expect(large.length).toBeGreaterThan(5)
    for (const s of large) expect(s.wire, s.name).toBeLessThan(s.size / 2)
    const hashed = large.find((s) => /\/assets\/.+-[\w-]{8}\.js$/.test(s.name))!
    const cached = await fetch(hashed.name, { headers: { 'accept-encoding': 'gzip' } })
    expect(cached.headers.get('content-encoding')).toBe('gzip')
    expect(cached.headers.get('cache-control')).toContain('immutable')
  })

  it('shows an error panel for a module whose files are missing, keeps the rest working, and retries', async () => {
    const missing = await harness.context.newPage()
    await missing.route('**/modules/funding/**', (route) => route.fulfill({ status: 404, body: 'not found' }))
    await missing.goto(`${harness.url}/m/funding?region=${jinsha}&period=2025`)
    await missing.waitForSelector('[data-module=funding][data-state=error]', { timeout: 20_000 })
    expect(await missing.locator('[data-module=funding] [role=alert]').innerText()).toContain('加载失败')
    await missing.screenshot({ path: `${screenshotDir}module-missing.png` })
    await missing.click('[data-nav=stations]')
    await waitForModule(missing, 'stations')
    await missing.click('[data-nav=funding]')
    await missing.waitForSelector('[data-module=funding][data-state=error]')
    await missing.unroute('**/modules/funding/**')
    await missing.click('[data-module=funding] .slot__retry')
    await waitForModule(missing, 'funding')
    await missing.close()
  })

  it('shares one Vue, Pinia, filter store, vue-i18n and ECharts, each shared package evaluated once', async () => {
    for (const name of moduleNames) {
      await page.click(`[data-nav=${name}]`)
      await waitForModule(page, name)
    }
    const result = await page.evaluate(async () => {
      const w = window as unknown as {
        __liaisonShell: Record<string, unknown> & { i18n: unknown }
        __liaisonModules: Record<string, Record<string, unknown>>
        __liaisonEvaluations: Record<string, number>
      }
      const shell = w.__liaisonShell
      const same = Object.fromEntries(
        await Promise.all(
          Object.entries(w.__liaisonModules).map(async ([name, seen]) => [
            name,
            {
              vue: seen.ref === shell.ref,
              pinia: seen.pinia === shell.pinia,
              filters: seen.filters === shell.filters,
              // ECharts loads on demand: each module reports a promise of the ECharts it got.
              echarts: shell.echarts !== undefined && (await seen.echarts) === shell.echarts,
              i18n: seen.useI18n === shell.useI18n,
            },
          ]),
        ),
      )
      return { same, evaluations: w.__liaisonEvaluations }
    })
    expect(Object.keys(result.same).sort()).toEqual([...moduleNames].sort())
    for (const checks of Object.values(result.same)) {
      expect(checks).toEqual({ vue: true, pinia: true, filters: true, echarts: true, i18n: true })
    }
    // Each shared package ran once on this page, after all five modules were opened. (@liaison/filters used to
    // run once per app: @module-federation/vite 1.23.0 gave each module an eager local copy; built modules now
    // take it from the shell only, see builtModuleShared in mf.shared.ts.)
    expect(result.evaluations).toEqual({ '@liaison/filters': 1, '@liaison/ui': 1, echarts: 1 })
  })
})
