// The front end in Debian's Chromium against the bench database: a cold navigation to the overview (session
// cookie already set, empty cache), the JavaScript it fetched (gzip -9 of each body, as a compressing proxy
// would send it; the API serves files uncompressed) and the time until every overview chart panel is ready.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { startServer } from '../apps/api/src/main.ts'
import { waitForModule } from '../tests/e2e/browser.ts'

export async function measureFrontEnd(databaseUrl: string) {
  const server = await startServer({ port: 0, databaseUrl, demo: true })
  const profile = mkdtempSync(join(tmpdir(), 'liaison-bench-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1920, height: 1080 },
    locale: 'zh-CN',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  })
  try {
    const login = await context.request.post(`${server.url}/api/v1/auth/login`, {
      data: { username: 'demo-admin', password: 'demo' },
    })
    if (!login.ok()) throw new Error(`login ${login.status()}`)
    const page = await context.newPage()
    const bodies: Promise<{ type: string; raw: number; gz: number }>[] = []
    page.on('response', (res) => {
      const type = res.request().resourceType()
      bodies.push(
        res
          .body()
          .then((b) => ({ type, raw: b.length, gz: gzipSync(b, { level: 9 }).length }))
          .catch(() => ({ type, raw: 0, gz: 0 })),
      )
    })
    const started = performance.now()
    await page.goto(`${server.url}/m/overview?region=520523&period=2025`)
    // waitForModule waits for every panel to leave its loading state, then 600 ms for ECharts' first layout.
    await waitForModule(page, 'overview')
    const painted = performance.now() - started - 600
    const all = await Promise.all(bodies)
    const sum = (list: typeof all, key: 'raw' | 'gz') => list.reduce((n, b) => n + b[key], 0)
    return {
      first_view_js_gzip_bytes: sum(
        all.filter((b) => b.type === 'script'),
        'gz',
      ),
      first_view_css_gzip_bytes: sum(
        all.filter((b) => b.type === 'stylesheet'),
        'gz',
      ),
      first_view_transfer_bytes: sum(all, 'raw'),
      overview_painted_ms: Math.round(painted),
    }
  } finally {
    await context.close()
    await server.close()
    rmSync(profile, { recursive: true, force: true })
  }
}
