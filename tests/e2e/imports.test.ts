// The imports page in Chromium against the production server, as the demo clerk of 金沙县: upload a receptions
// CSV, dry-run, confirm, find it in the history, a refused rollback, roll back; a bad file's errors by row.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, login, openPage, screenshotDir } from './browser.ts'

let harness: Harness
let page: Page

beforeAll(async () => {
  ;({ harness, page } = await openPage({ width: 1440, height: 1000 }))
})
afterAll(async () => {
  await harness?.close()
})

const good =
  '接待日期,联络站,接待群众人次,记录编号\n2023年6月14日,JS-ZZ-001,9,E2E-1\n2023-06-15,JS-ZZ-001,4,E2E-2\n合计,,13,\n'
const changed = '接待日期,联络站,接待群众人次,记录编号\n2023年6月14日,JS-ZZ-001,10,E2E-1\n'
const bad =
  '接待日期,联络站,接待群众人次,记录编号\n2023-13-01,JS-ZZ-001,1,BAD-1\n2023-06-02,不存在的站,2,BAD-2\n2023-06-03,JS-ZZ-001,-3,BAD-3\n'

async function choose(name: string, csv: string) {
  await page.setInputFiles('[data-field=file] input[type=file]', {
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  })
  await page.waitForSelector(`[data-file]:has-text("${name}")`)
}

async function chooseKind(label: string) {
  await page.click('[data-field=kind]')
  await page.getByRole('option', { name: label, exact: true }).click()
}

const historyRows = () => page.locator('[data-history] .el-table__body tbody tr')

async function confirmRollback(id: string) {
  await page.click(`[data-rollback="${id}"]`)
  await page.waitForSelector('.el-message-box')
  // Opened with the app's context, the dialog speaks the page's language too (its close button's name).
  expect(await page.locator('.el-message-box__headerbtn').getAttribute('aria-label')).toBe('关闭此对话框')
  await page.click('.el-message-box__btns .el-button--primary')
  await page.waitForSelector('.el-message-box', { state: 'hidden' })
  await page.waitForSelector('[data-history-notice]')
}

describe('imports page', () => {
  it('is linked from the header for the clerk and opens with the clerk county', async () => {
    await login(page, harness.url, 'demo-clerk')
    await page.waitForSelector('[data-nav=imports]')
    await page.screenshot({
      path: `${screenshotDir}imports-header-link.png`,
      clip: { x: 0, y: 0, width: 1440, height: 120 },
    })
    await page.click('[data-nav=imports]')
    await page.waitForURL(/\/imports/)
    await expect(page.locator('h1').innerText()).resolves.toBe('台账数据导入')
    await expect(page.locator('[data-field=county]').innerText()).resolves.toContain('金沙县')
    // Every register has its template.
    expect(await page.locator('[data-template]').count()).toBe(7)
    const href = await page.locator('[data-template=receptions]').getAttribute('href')
    const status = await page.evaluate(async (url) => (await fetch(url!)).status, href)
    expect(status).toBe(200)
  })

  it('dry-runs a CSV, shows the counts, imports it and lists it in the history', async () => {
    await choose('接待记录.csv', good)
    await chooseKind('接待记录')
    await page.click('[data-action=dry-run]')
    await page.waitForSelector('[data-result=dry-run]')
    expect(await page.locator('[data-count=receptions-inserted]').innerText()).toBe('2')
    expect(await page.locator('[data-count=receptions-updated]').innerText()).toBe('0')
    // The 合计 row is skipped with a warning.
    expect(await page.locator('[data-warnings] .el-table__body tbody tr').count()).toBeGreaterThan(0)
    await page.screenshot({ path: `${screenshotDir}imports-dry-run.png`, fullPage: true })
    // A dry run writes nothing.
    expect(await historyRows().count()).toBe(0)

    // Confirmed by keyboard, the keyboard then stays on the outcome, not the page's top.
    await page.focus('[data-action=confirm]')
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-result=imported]')
    expect(
      await page.evaluate(() => document.activeElement?.querySelector('[data-result=imported]') != null),
    ).toBe(true)
    await page.waitForSelector('[data-history] [data-status=applied]')
    const first = historyRows().first()
    expect(await first.innerText()).toContain('接待记录.csv')
    // Rows inserted / updated / unchanged.
    expect(await first.innerText()).toContain('接待记录 2 / 0 / 0')
    expect(await first.innerText()).toContain('金沙县')
    expect(await first.innerText()).toMatch(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/)
    await page.screenshot({ path: `${screenshotDir}imports-history.png`, fullPage: true })
  })

  it('shows the refusal when a later import touched the same rows, then rolls back both', async () => {
    await choose('接待记录-更正.csv', changed)
    await chooseKind('接待记录')
    await page.click('[data-action=dry-run]')
    await page.waitForSelector('[data-result=dry-run]')
    expect(await page.locator('[data-count=receptions-updated]').innerText()).toBe('1')
    await page.click('[data-action=confirm]')
    await page.waitForSelector('[data-result=imported]')
    await expect.poll(() => page.locator('[data-history] [data-status=applied]').count()).toBe(2)

    const ids = await page
      .locator('[data-rollback]')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-rollback')!))
    const [later, earlier] = ids as [string, string]
    await confirmRollback(earlier)
    const notice = page.locator('[data-history-notice]')
    expect(await notice.innerText()).toContain(
      `无法撤销：请先撤销批次 ${later}（它在这次之后导入，改动了同样的记录）`,
    )
    // The batch it names is in the history's first column.
    expect(await historyRows().first().locator('td').first().innerText()).toBe(later)
    await page.screenshot({ path: `${screenshotDir}imports-rollback-refused.png`, fullPage: true })

    await confirmRollback(later)
    await expect.poll(() => notice.innerText()).toContain(`已撤销批次 ${later}`)
    await confirmRollback(earlier)
    await expect.poll(() => notice.innerText()).toContain(`已撤销批次 ${earlier}`)
    await expect.poll(() => page.locator('[data-history] [data-status=rolled_back]').count()).toBe(2)
    expect(await page.locator('[data-rollback]').count()).toBe(0)
  })

  it('refuses a bad file with a sortable, filterable table naming each row', async () => {
    await choose('有错误的台账.csv', bad)
    await page.click('[data-action=dry-run]')
    await page.waitForSelector('[data-result=refused]')
    const rows = () =>
      page.locator('[data-errors] [data-row]').evaluateAll((cells) => cells.map((c) => c.textContent))
    expect(await rows()).toEqual(['2', '3', '4'])
    expect(await page.locator('[data-errors]').innerText()).toContain('不存在的站')
    await page.screenshot({ path: `${screenshotDir}imports-errors.png`, fullPage: true })
    // Sort by row with the keyboard: the header's button, twice for descending.
    const rowHeader = page.locator('[data-errors] .problem-table__sort', { hasText: '行号' })
    await rowHeader.focus()
    await page.keyboard.press('Enter')
    await expect.poll(rows).toEqual(['4', '3', '2'])
    await page.fill('[data-errors] input', '不存在')
    await expect.poll(rows).toEqual(['3'])
    expect(await page.locator('[data-action=confirm]').count()).toBe(0)
    // The same page in English.
    await page.fill('[data-errors] input', '')
    await page.click('.imports-page__lang')
    await page.getByRole('option', { name: 'English', exact: true }).click()
    await expect.poll(() => page.locator('h1').innerText()).toBe('Import registers')
    expect(await page.locator('[data-result=refused]').innerText()).toContain('refused with 3 errors')
    await page.mouse.move(0, 0)
    await page.screenshot({ path: `${screenshotDir}imports-errors-en.png`, fullPage: true })
    await page.click('.imports-page__lang')
    await page.getByRole('option', { name: '中文', exact: true }).click()
  })

  it('shows the upload progress, then a busy state while the server checks a large file', async () => {
    const rows = Array.from(
      { length: 6000 },
      (_, i) => `2023-07-${String((i % 28) + 1).padStart(2, '0')},JS-ZZ-001,${(i % 9) + 1},BIG-${i}`,
    )
    await choose('大文件.csv', `接待日期,联络站,接待群众人次,记录编号\n${rows.join('\n')}\n`)
    // Slow the upload down (~190 KB in about four seconds) so that the bar has something to show.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 50,
      downloadThroughput: -1,
      uploadThroughput: 50 * 1024,
    })
    // Record every text the progress area shows, from the first byte to the server's answer.
    await page.evaluate(() => {
      const seen = new Set<string>()
      ;(window as unknown as { progressSeen: Set<string> }).progressSeen = seen
      new MutationObserver(() => {
        const text = document.querySelector('[data-progress]')?.textContent?.trim()
        if (text) seen.add(text)
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    await page.click('[data-action=dry-run]')
    await expect
      .poll(() => page.locator('[data-progress]').innerText(), { timeout: 10_000, interval: 100 })
      .toMatch(/正在上传 [1-9]\d*%/)
    await page.screenshot({ path: `${screenshotDir}imports-progress.png` })
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    })
    await page.waitForSelector('[data-result=dry-run]', { timeout: 60_000 })
    expect(await page.locator('[data-count=receptions-inserted]').innerText()).toBe('6,000')
    const seen = await page.evaluate(() => [
      ...(window as unknown as { progressSeen: Set<string> }).progressSeen,
    ])
    expect(seen.some((text) => text.includes('服务器正在校验'))).toBe(true)
  })
})
