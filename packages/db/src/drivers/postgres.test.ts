// postgres.js asks for the array types on every new connection and drops that query's promise, so a connection
// lost while it starts up ends the process with an unhandled rejection (porsager/postgres#1192). The listening
// connection, which reconnects every second while the database is away, sends no arrays and does not ask. Counted
// on the wire, through a proxy that reads what the client sends.
import { connect, createServer, type Socket } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import type { DbHandle, ListenEvent } from '../index.ts'
import { createDb } from '../index.ts'
import { until } from '../testing.ts'

const url = process.env.TEST_DATABASE_URL

describe.runIf(url)('the PostgreSQL handle', () => {
  let handle: DbHandle | undefined
  const sockets = new Set<Socket>()
  let typeQueries = 0
  let statements = 0
  const proxy = createServer((client) => {
    const target = new URL(url!)
    const upstream = connect(Number(target.port || 5432), target.hostname)
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('error', () => s.destroy())
    }
    client.on('data', (chunk: Buffer) => {
      statements++
      if (chunk.includes('b.typarray')) typeQueries++
    })
    client.pipe(upstream).pipe(client)
  })
  afterAll(async () => {
    await handle?.close()
    for (const s of sockets) s.destroy()
    await new Promise((resolve) => proxy.close(resolve))
  })

  it('listens without asking for the array types', async () => {
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    const through = new URL(url!)
    through.host = `127.0.0.1:${(proxy.address() as { port: number }).port}`
    handle = await createDb({ url: url!, listenUrl: through.toString() })
    const events: ListenEvent[] = []
    handle.listen('data_versions', (event) => events.push(event))
    await until(() => events.includes('listening'), 'listening')
    expect(statements).toBeGreaterThan(0)
    expect(typeQueries).toBe(0)
  })
})
