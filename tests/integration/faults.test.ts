// PostgreSQL going away under a running API: requests answer 503 in JSON instead of hanging, /ready says not
// ready, and service resumes by itself when the database is back. The outage is a TCP proxy we cut, so the
// shared test server itself never stops. Runs when TEST_DATABASE_URL is set.
import { connect, createServer, type Server, type Socket } from 'node:net'
import postgres from 'postgres'
import { afterAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../apps/api/src/main.ts'

const adminUrl = process.env.TEST_DATABASE_URL

/** A loopback TCP proxy to PostgreSQL that can be cut and restored on the same port. */
function proxy(target: URL) {
  const sockets = new Set<Socket>()
  let server: Server | null = null
  let port = 0
  const open = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname)
        for (const s of [client, upstream]) {
          sockets.add(s)
          s.on('close', () => sockets.delete(s))
          s.on('error', () => s.destroy())
        }
        client.pipe(upstream).pipe(client)
      })
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port
        resolve()
      })
    })
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy()
      server!.close(() => resolve())
    })
  return { open, cut, port: () => port }
}

describe.runIf(adminUrl)('the API when PostgreSQL goes away', () => {
  const name = `liaison_fault_${process.pid}`
  let api: RunningServer | undefined
  const admin = adminUrl ? postgres(adminUrl, { max: 1, onnotice: () => {} }) : null
  afterAll(async () => {
    await api?.close()
    await admin?.unsafe(`drop database if exists ${name} with (force)`)
    await admin?.end()
  })

  it('answers 503 during the outage and recovers without a restart', async () => {
    await admin!.unsafe(`drop database if exists ${name} with (force)`)
    await admin!.unsafe(`create database ${name}`)
    const target = new URL(adminUrl!)
    const link = proxy(target)
    await link.open()
    const url = new URL(adminUrl!)
    url.host = `127.0.0.1:${link.port()}`
    url.pathname = `/${name}`
    api = await startServer({ port: 0, databaseUrl: url.toString(), demo: true })

    const login = await fetch(`${api.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo-leader', password: 'demo' }),
    })
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const metrics = () =>
      fetch(`${api!.url}/api/v1/metrics?ids=receptions&region=520523&from=2023-01-01&to=2023-12-31`, {
        headers: { cookie },
      })
    expect((await metrics()).status).toBe(200)

    await link.cut()
    const started = Date.now()
    const during = await metrics()
    expect(during.status).toBe(503)
    expect(((await during.json()) as { error: { code: string } }).error.code).toBe('database_unavailable')
    expect(Date.now() - started).toBeLessThan(8000)
    const ready = await fetch(`${api.url}/api/v1/ready`)
    expect(ready.status).toBe(503)
    expect(await ready.json()).toMatchObject({ ready: false })

    await link.open()
    let recovered = 0
    for (let i = 0; i < 40 && recovered !== 200; i++) {
      recovered = (await metrics()).status
      if (recovered !== 200) await new Promise((r) => setTimeout(r, 250))
    }
    expect(recovered).toBe(200)
    expect((await fetch(`${api.url}/api/v1/ready`)).status).toBe(200)
  })
})
