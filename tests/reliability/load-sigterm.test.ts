// Reliability: bounded load (CI variant) and graceful SIGTERM of the real CLI process.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { afterAll, describe, expect, it } from 'vitest'

const cli = new URL('../../apps/api/src/cli.ts', import.meta.url).pathname
const running: ChildProcess[] = []
afterAll(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL')
})

function start(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['--import', 'tsx', cli], {
      env: { ...process.env, PORT: '0', DATABASE_URL: '', DATA_DIR: dataDir },
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

  it('starts', async () => {
    server = await start(mkdtempSync(join(tmpdir(), 'liaison-rel-')))
    cookie = await login(server.url)
  }, 120_000)

  it('holds 200 connections on overview + metrics with 0 errors (CI variant, 10 s)', async () => {
    const result = await autocannon({
      url: server.url,
      connections: 200,
      duration: Number(process.env.LOAD_SECONDS ?? 10),
      headers: { cookie },
      timeout: 60, // seconds: on PGlite the overview queues ~10 s deep at 200 connections
      requests: [
        { method: 'GET', path: `/api/v1/modules/overview/data?${period}` },
        { method: 'GET', path: `/api/v1/metrics?ids=receptions,visitors,resolution_rate&${period}` },
      ],
    })
    console.log(
      `load: ${result.requests.total} requests, p99 ${result.latency.p99} ms, errors ${result.errors}, timeouts ${result.timeouts}, non2xx ${result.non2xx}`,
    )
    expect(result.requests.total).toBeGreaterThan(0)
    expect(result.errors).toBe(0)
    expect(result.timeouts).toBe(0)
    expect(result.non2xx).toBe(0)
  }, 150_000)

  // Each request on its own connection (agent: false), as separate clients would: a keep-alive client that sends
  // on a socket the server has just closed gets a reset, which HTTP leaves the client to retry.
  it('SIGTERM: in-flight requests finish with 200, new connections are refused, exit 0', async () => {
    // let the backlog the load left behind drain first
    for (let i = 0; i < 120; i++) {
      const t = Date.now()
      await fetch(`${server.url}/api/v1/health`)
      if (Date.now() - t < 50) break
      await new Promise((r) => setTimeout(r, 500))
    }
    const inflight = Array.from({ length: 5 }, () =>
      get(`${server.url}/api/v1/modules/overview/data?${period}`, cookie),
    )
    await new Promise((r) => setTimeout(r, 300))
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve))
    const t0 = Date.now()
    server.child.kill('SIGTERM')
    expect(await Promise.all(inflight)).toEqual([200, 200, 200, 200, 200])
    await expect(get(`${server.url}/api/v1/health`)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    expect(await exited).toBe(0)
    expect(Date.now() - t0).toBeLessThan(15_000)
  }, 90_000)
})
