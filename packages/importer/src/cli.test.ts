// `pnpm run import` from a terminal: the exit code and the lines a clerk reads, on an embedded database.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb } from '@liaison/db'
import { loadRegions } from '@liaison/db/regions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const cli = new URL('./cli.ts', import.meta.url).pathname

function runCli(args: string[], dataDir: string) {
  return new Promise<{ code: number; out: string; err: string }>((resolve) => {
    execFile(
      'node',
      ['--import', 'tsx', cli, ...args],
      { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, timeout: 60_000 },
      (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    )
  })
}

describe('pnpm import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-cli-'))
  const dataDir = join(dir, 'data')
  const csv = (name: string, text: string) => {
    const path = join(dir, name)
    writeFileSync(path, text)
    return path
  }
  beforeAll(async () => {
    const h = await createDb({ dataDir })
    await h.migrate()
    await loadRegions(h, { villagesOf: [] })
    await h.exec(`insert into stations (county_code, township_code, code, name, kind, status, built_on)
      values ('520523', '520523005', 'JS-ZZ-001', '民兴街道人大代表联络站', 'station', 'built', '2020-01-01')`)
    await h.close()
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('explains its usage without a county', async () => {
    const { code, err } = await runCli(['x.csv'], dataDir)
    expect(code).toBe(2)
    expect(err).toContain('Usage: pnpm run import')
  })

  it('says in one line that the running dashboard holds the embedded database', async () => {
    const h = await createDb({ dataDir })
    try {
      const { code, err } = await runCli([csv('x.csv', 'x'), '--county', '520523'], dataDir)
      expect(code).toBe(1)
      expect(err.trim()).toMatch(/^The data directory .+ is in use by another process \(pid \d+\)\. Stop it/)
      expect(err).not.toMatch(/at .+:\d+/) // no stack trace
    } finally {
      await h.close()
    }
  })

  it('refuses a bad file with the row and column, exit 1, writing nothing; then imports a good one', async () => {
    const bad = csv('bad.csv', '接待日期,联络站,接待群众人次\n2023-02-30,JS-ZZ-001,5\n')
    const refused = await runCli([bad, '--county', '金沙县', '--kind', 'receptions'], dataDir)
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('nothing was written')
    expect(refused.out).toContain('接待日期')
    expect(refused.out).not.toMatch(/at .+\.ts:\d+/) // no stack trace
    const good = csv('good.csv', '接待日期,联络站,接待群众人次,记录编号\n2023-06-14,JS-ZZ-001,9,CLI-1\n')
    const dry = await runCli([good, '--county', '520523', '--kind', 'receptions', '--dry-run'], dataDir)
    expect(dry.code).toBe(0)
    expect(dry.out).toContain('Dry run, nothing written')
    const done = await runCli([good, '--county', '520523', '--kind', 'receptions'], dataDir)
    expect(done.code, done.err).toBe(0)
    expect(done.out).toMatch(/Imported as batch \d+/)
    const h = await createDb({ dataDir })
    const rows = await h.rows<{ n: number }>(`select count(*)::int as n from receptions`)
    await h.close()
    expect(rows[0]!.n).toBe(1)
  })
})
