// PostgreSQL going away under a running API: requests answer 503 in JSON instead of hanging, /ready says not
// ready, and service resumes by itself when the database is back. The outage is a TCP proxy we cut, so the
// shared test server itself never stops. Runs when TEST_DATABASE_URL is set.
import { tcpProxy } from '@liaison/db/testing'
import postgres from 'postgres'
import { afterAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../apps/api/src/main.ts'

const adminUrl = process.env.TEST_DATABASE_URL

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
    const link = tcpProxy(new URL(adminUrl!))
    await link.open()
    api = await startServer({ port: 0, databaseUrl: link.url(name), demo: true })

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
    // The answer in memory may serve a request or two until the API notices the cut (its listening connection
    // closes); from then on every request asks the database, and none hangs.
    const started = Date.now()
    let during = await metrics()
    while (during.status === 200 && Date.now() - started < 2000) during = await metrics()
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
