// Past one process: WORKERS=2 share the port and survive a worker's death; with a streaming replica
// (DATABASE_READ_URL) figures are read there while it is current, and from the primary while it lags behind a
// write. The replica test starts its own small primary and replica (initdb, pg_basebackup) on other ports, so
// the shared server is never touched. Both need TEST_DATABASE_URL (the replica test also PostgreSQL's binaries).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb, type DbHandle } from '@liaison/db'
import { demoCountyCodes, seedDemo } from '@liaison/db/demo'
import { loadRegions } from '@liaison/db/regions'
import { until } from '@liaison/db/testing'
import { refreshRollups } from '@liaison/metrics'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi } from '../../apps/api/src/app.ts'
import { ensureDemoUsers } from '../../apps/api/src/auth/users.ts'

const adminUrl = process.env.TEST_DATABASE_URL
const root = new URL('../..', import.meta.url).pathname
const bin = '/usr/lib/postgresql/15/bin'

async function freshDatabase(name: string) {
  const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} })
  await admin.unsafe(`drop database if exists ${name} with (force)`)
  await admin.unsafe(`create database ${name}`)
  await admin.end()
  const url = new URL(adminUrl!)
  url.pathname = `/${name}`
  return url.toString()
}

const children = (pid: number) =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)

describe.skipIf(!adminUrl)('WORKERS=2', () => {
  let cli: ChildProcess
  let out = ''
  const port = 20_000 + Math.floor(Math.random() * 5000)
  const base = `http://127.0.0.1:${port}`

  beforeAll(async () => {
    const url = await freshDatabase('liaison_workers_test')
    cli = spawn('node', ['--import', 'tsx', join(root, 'apps/api/src/cli.ts')], {
      env: { ...process.env, DATABASE_URL: url, WORKERS: '2', PORT: String(port), DEMO: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    cli.stdout!.on('data', (d) => (out += d))
    cli.stderr!.on('data', (d) => (out += d))
    await until(() => out.includes('running at') || cli.exitCode !== null, 'the start', 240_000, 250)
    expect(out).toContain('2 workers')
  }, 300_000)
  afterAll(() => {
    if (cli.exitCode === null) cli.kill('SIGKILL')
  })

  const overview = async (cookie: string) =>
    (
      await fetch(`${base}/api/v1/modules/overview/data?region=520523&from=2023-01-01&to=2023-12-31`, {
        headers: { cookie },
      })
    ).status

  it('serves from two processes, replaces one that dies, and stops cleanly on SIGTERM', async () => {
    expect(children(cli.pid!)).toHaveLength(2)
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo-leader', password: 'demo' }),
    })
    expect(login.status).toBe(200)
    // A session made by one worker is valid in the other: they share only the database.
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const statuses = await Promise.all(Array.from({ length: 8 }, () => overview(cookie)))
    expect(statuses).toEqual(Array(8).fill(200))

    const [victim] = children(cli.pid!)
    process.kill(victim!, 'SIGKILL')
    await until(() => out.includes('starting another'), 'the replacement', 30_000, 250)
    await until(
      () => children(cli.pid!).length === 2 && !children(cli.pid!).includes(victim!),
      'two workers',
      60_000,
      250,
    )
    await until(
      async () => (await fetch(`${base}/api/v1/ready`).catch(() => null))?.ok === true,
      'ready',
      60_000,
      250,
    )
    expect(await overview(cookie)).toBe(200)

    const workers = children(cli.pid!)
    const exited = new Promise<number | null>((resolve) => cli.once('exit', (code) => resolve(code)))
    cli.kill('SIGTERM')
    expect(await exited).toBe(0)
    for (const pid of workers) expect(existsSync(`/proc/${pid}`)).toBe(false)
  }, 240_000)
})

const canRunPostgres = !!adminUrl && existsSync(`${bin}/initdb`) && existsSync(`${bin}/pg_basebackup`)

describe.skipIf(!canRunPostgres)('a streaming read replica (DATABASE_READ_URL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-replica-'))
  const port = 25_000 + Math.floor(Math.random() * 5000)
  // A started server keeps the pipes it inherits open: no pipes, or execFileSync waits for it to stop.
  const asPostgres = (program: string, args: string[]) =>
    process.getuid?.() === 0
      ? execFileSync('runuser', ['-u', 'postgres', '--', `${bin}/${program}`, ...args], { stdio: 'ignore' })
      : execFileSync(`${bin}/${program}`, args, { stdio: 'ignore' })
  const start = (data: string, p: number) =>
    asPostgres('pg_ctl', [
      '-D',
      data,
      '-w',
      '-l',
      `${data}.log`,
      '-o',
      `-p ${p} -k ${dir} -c listen_addresses=127.0.0.1`,
      'start',
    ])
  const url = (p: number) => `postgres://postgres@127.0.0.1:${p}/liaison`
  let primary: DbHandle
  let replica: DbHandle
  let api: ReturnType<typeof createApi>
  let cookie = ''

  beforeAll(async () => {
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir])
    asPostgres('initdb', [
      '-D',
      `${dir}/primary`,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ])
    start(`${dir}/primary`, port)
    const admin = postgres(`postgres://postgres@127.0.0.1:${port}/postgres`, { max: 1, onnotice: () => {} })
    await admin.unsafe('create database liaison')
    await admin.end()
    primary = await createDb({ url: url(port) })
    await primary.migrate()
    await loadRegions(primary, { villagesOf: demoCountyCodes })
    await seedDemo(primary)
    await refreshRollups(primary.db, 'all')
    await ensureDemoUsers(primary.db)
    // -c fast: a spread checkpoint (the default) waits minutes for the dirty buffers of the seed.
    asPostgres('pg_basebackup', [
      ...['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-D', `${dir}/replica`],
      ...['-R', '-X', 'stream', '-c', 'fast'],
    ])
    start(`${dir}/replica`, port + 1)
    replica = await createDb({ url: url(port + 1) })
    api = createApi({ handle: primary, replica, demo: true })
    const login = await api.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo-leader', password: 'demo' }),
    })
    cookie = login.headers.get('set-cookie')!.split(';')[0]!
  }, 300_000)

  afterAll(async () => {
    await replica?.close()
    await primary?.close()
    for (const data of ['replica', 'primary'])
      if (existsSync(`${dir}/${data}`))
        asPostgres('pg_ctl', ['-D', `${dir}/${data}`, '-m', 'immediate', 'stop'])
    rmSync(dir, { recursive: true, force: true })
  })

  const T = '520523005'
  /** Receptions of one township of 金沙县 in 2023, as the API answers (by township: straight from the facts). */
  const answered = async () => {
    const res = await api.request(
      `/api/v1/metrics?ids=receptions&region=520523&from=2023-01-01&to=2023-12-31&by=township`,
      { headers: { cookie, 'cache-control': 'no-cache' } },
    )
    expect(res.status).toBe(200)
    const { data } = (await res.json()) as { data: { township: string; receptions: number }[] }
    return data.find((r) => r.township === T)!.receptions
  }
  const onPrimary = async () =>
    (
      await primary.rows<{ n: number }>(
        `select count(*)::int as n from receptions where township_code = '${T}' and occurred_on between '2023-01-01' and '2023-12-31'`,
      )
    )[0]!.n
  const caughtUp = async () => {
    const [p] = await primary.rows<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn')
    const [r] = await replica.rows<{ behind: boolean }>(
      `select pg_last_wal_replay_lsn() < '${p!.lsn}'::pg_lsn as behind`,
    )
    return r?.behind === false
  }
  const addReception = async (withTriggers: boolean) => {
    const client = postgres(url(port), { max: 1, onnotice: () => {} })
    await client.begin(async (tx) => {
      if (!withTriggers) await tx.unsafe('set local session_replication_role = replica')
      await tx.unsafe(`insert into receptions (county_code, township_code, station_id, occurred_on, kind, visitors)
        select county_code, township_code, id, '2023-06-01', 'visit', 1 from stations where township_code = '${T}' limit 1`)
    })
    await client.end()
  }

  it('reads figures on the replica while it is current, on the primary while it lags a write', async () => {
    await until(caughtUp, 'the replica', 120_000, 250)
    const before = await answered()
    expect(before).toBe(await onPrimary())
    await replica.exec('select pg_wal_replay_pause()')
    // A write the data version does not see (triggers off): the primary has it, the paused replica does not —
    // and the answer is the replica's.
    await addReception(false)
    expect(await onPrimary()).toBe(before + 1)
    expect(await answered()).toBe(before)
    // An ordinary write bumps the county's data version: the replica is behind, the primary answers — once this
    // process has heard the write's notification (another client wrote it; docs/scaling.md). The paused replica
    // cannot give before + 2, so only the primary ends the wait.
    await addReception(true)
    await until(async () => (await answered()) === before + 2, "the primary's answer", 10_000, 50)
    await replica.exec('select pg_wal_replay_resume()')
    await until(caughtUp, 'the replica again', 120_000, 250)
    expect(await answered()).toBe(before + 2)
  }, 120_000)
})
