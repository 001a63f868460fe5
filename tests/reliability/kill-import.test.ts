// An import killed mid-way (the process SIGKILLed while its transaction is writing) leaves nothing behind: no
// rows, no batch. On the real PostgreSQL server (TEST_DATABASE_URL), which aborts the open transaction when the
// connection dies.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb } from '@liaison/db'
import { loadRegions } from '@liaison/db/regions'
import postgres from 'postgres'
import { afterAll, describe, expect, it } from 'vitest'

const adminUrl = process.env.TEST_DATABASE_URL
const cli = new URL('../../packages/importer/src/cli.ts', import.meta.url).pathname

describe.runIf(adminUrl)('an import killed mid-way', () => {
  const name = `liaison_kill_${process.pid}`
  const admin = adminUrl ? postgres(adminUrl, { max: 1, onnotice: () => {} }) : null
  const url = adminUrl ? Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString() : ''
  const dir = mkdtempSync(join(tmpdir(), 'liaison-kill-'))
  afterAll(async () => {
    await admin?.unsafe(`drop database if exists ${name} with (force)`)
    await admin?.end()
    rmSync(dir, { recursive: true, force: true })
  })

  it('leaves no rows and no batch', async () => {
    await admin!.unsafe(`drop database if exists ${name} with (force)`)
    await admin!.unsafe(`create database ${name}`)
    const h = await createDb({ url })
    await h.migrate()
    await loadRegions(h, { villagesOf: [] })
    await h.exec(`insert into stations (county_code, township_code, code, name, kind, status, built_on)
      values ('520523', '520523005', 'JS-ZZ-001', '民兴街道人大代表联络站', 'station', 'built', '2020-01-01')`)
    await h.close()
    const lines = ['接待日期,联络站,接待群众人次,记录编号']
    for (let i = 0; i < 60_000; i++)
      lines.push(`2022-${String((i % 12) + 1).padStart(2, '0')}-10,JS-ZZ-001,2,K-${i}`)
    const file = join(dir, 'receptions.csv')
    writeFileSync(file, lines.join('\n'))

    const child = spawn(
      'node',
      ['--import', 'tsx', cli, file, '--county', '520523', '--kind', 'receptions'],
      {
        env: { ...process.env, DATABASE_URL: url },
        stdio: 'ignore',
      },
    )
    const exited = new Promise((resolve) => child.once('exit', resolve))
    // Kill it once its transaction has written something (it holds a transaction id).
    let seen = false
    for (let i = 0; i < 600 && !seen; i++) {
      const [row] = await admin!<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity where datname = ${name} and backend_xid is not null`
      seen = (row?.n ?? 0) > 0
      if (!seen) await new Promise((r) => setTimeout(r, 50))
    }
    child.kill('SIGKILL')
    await exited
    expect(seen).toBe(true)
    // The server notices the dead connection and rolls its transaction back.
    for (let i = 0; i < 100; i++) {
      const [row] = await admin!<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity where datname = ${name} and backend_xid is not null`
      if (!row?.n) break
      await new Promise((r) => setTimeout(r, 100))
    }
    const check = postgres(url, { max: 1, onnotice: () => {} })
    const [counts] = await check<{ receptions: number; batches: number; changes: number }[]>`
      select (select count(*) from receptions)::int as receptions,
             (select count(*) from import_batches)::int as batches,
             (select count(*) from import_changes)::int as changes`
    await check.end()
    expect(counts).toEqual({ receptions: 0, batches: 0, changes: 0 })
  }, 120_000)
})
