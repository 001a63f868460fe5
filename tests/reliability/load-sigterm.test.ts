// Reliability: bounded load (CI variant) and graceful SIGTERM of the real CLI process.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import postgres from 'postgres'
import { afterAll, describe, expect, it } from 'vitest'

const cli = new URL('../../apps/api/src/cli.ts', import.meta.url).pathname
const running: ChildProcess[] = []
afterAll(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL')
})

function start(
  dataDir: string,
  databaseUrl = '',
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['--import', 'tsx', cli], {
      env: { ...process.env, PORT: '0', DATABASE_URL: databaseUrl, DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    running.push(child)
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running at (http:\/\/\S+)/.exec(output)
      if (match) resolve({ child, url: match[1]! })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)))
  })
}

/** GET on a connection of its own; resolves with the status once the whole body has arrived. */
function get(url: string, cookie?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: cookie ? { cookie } : {} }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

async function login(url: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo-leader', password: 'demo' }),
  })
  expect(res.status).toBe(200)
  return res.headers.get('set-cookie')!.split(';')[0]!
}

const period = 'region=520523&from=2023-01-01&to=2023-12-31'

describe('reliability: load and SIGTERM on the real process', () => {
  let server: { child: ChildProcess; url: string }
  let cookie: string

  // On the real PostgreSQL when the tests have one (as production runs), else on the embedded PGlite, where one
  // process runs every query and requests queue.
  const adminUrl = process.env.TEST_DATABASE_URL
  const name = `liaison_load_${process.pid}`
  const admin = adminUrl ? postgres(adminUrl, { max: 1, onnotice: () => {} }) : null
  afterAll(async () => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL')
    await admin?.unsafe(`drop database if exists ${name} with (force)`)
    await admin?.end()
  })

  it('starts', async () => {
    let url = ''
    if (admin && adminUrl) {
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.unsafe(`create database ${name}`)
      url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString()
    }
    server = await start(mkdtempSync(join(tmpdir(), 'liaison-rel-')), url)
    cookie = await login(server.url)
  }, 120_000)

  it('holds 200 connections on overview + metrics with 0 errors (CI variant, 10 s)', async () => {
    const failures = new Map<string, number>()
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: server.url,
          connections: 200,
          duration: Number(process.env.LOAD_SECONDS ?? 10),
          headers: { cookie },
          timeout: 60, // seconds: on PGlite the overview queues ~10 s deep at 200 connections
          requests: [
            { method: 'GET', path: `/api/v1/modules/overview/data?${period}` },
            { method: 'GET', path: `/api/v1/metrics?ids=receptions,visitors,resolution_rate&${period}` },
          ],
        },
        (error, done) => (error ? reject(error) : resolve(done)),
      )
      instance.on('reqError', (error: NodeJS.ErrnoException) => {
        const key = error.code ?? error.message
        failures.set(key, (failures.get(key) ?? 0) + 1)
      })
    })
    console.log(
      `load (${adminUrl ? 'PostgreSQL' : 'PGlite'}): ${result.requests.total} requests, p99 ${result.latency.p99} ms, errors ${result.errors} ${JSON.stringify(Object.fromEntries(failures))}, timeouts ${result.timeouts}, non2xx ${result.non2xx}`,
    )
    expect(result.requests.total).toBeGreaterThan(0)
    expect(result.errors).toBe(0)
    expect(result.timeouts).toBe(0)
    expect(result.non2xx).toBe(0)
  }, 150_000)

  // On a fresh, idle process of its own. Each request on its own connection (agent: false), as separate clients
  // would: a keep-alive client that sends on a socket the server has just closed gets a reset, which HTTP leaves
  // the client to retry. KNOWN GAP: right after the load above (the server still working off abandoned requests)
  // some in-flight connections are still reset; not yet understood.
  // The grace period is a minute here: on a loaded machine three Word reports have outrun the default 15 s.
  it('SIGTERM: in-flight requests finish with 200, new connections are refused, exit 0', async () => {
    server.child.kill('SIGTERM')
    server = await start(mkdtempSync(join(tmpdir(), 'liaison-sig-')), '', { SHUTDOWN_GRACE_SECONDS: '60' })
    cookie = await login(server.url)
    // Word reports take seconds each and yield to the event loop between charts, so all three connections are
    // accepted before SIGTERM and still being answered after it.
    const inflight = Array.from({ length: 3 }, () =>
      get(`${server.url}/api/v1/exports/report.docx?${period}`, cookie),
    )
    await new Promise((r) => setTimeout(r, 1000))
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve))
    const t0 = Date.now()
    server.child.kill('SIGTERM')
    expect(await Promise.all(inflight)).toEqual([200, 200, 200])
    await expect(get(`${server.url}/api/v1/health`)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    expect(await exited).toBe(0)
    expect(Date.now() - t0).toBeLessThan(60_000)
  }, 120_000)

  it('SIGTERM: requests still running when the grace period ends are cut, and the process exits 0 then', async () => {
    server = await start(mkdtempSync(join(tmpdir(), 'liaison-grace-')), '', { SHUTDOWN_GRACE_SECONDS: '1' })
    cookie = await login(server.url)
    // Five reports at once take ≈ 10 s on this machine: far longer than the one second they are given.
    const inflight = Array.from({ length: 5 }, () =>
      get(`${server.url}/api/v1/exports/report.docx?${period}`, cookie).then(
        (status) => status,
        (error: NodeJS.ErrnoException) => error.code ?? error.message,
      ),
    )
    await new Promise((r) => setTimeout(r, 1000))
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve))
    const t0 = Date.now()
    server.child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(Date.now() - t0).toBeLessThan(8_000)
    const outcomes = await Promise.all(inflight)
    expect(outcomes.filter((o) => o !== 200).length, JSON.stringify(outcomes)).toBeGreaterThan(0)
  }, 60_000)
})
