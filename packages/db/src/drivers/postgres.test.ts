// postgres.js asks for the array types on every new connection and drops that query's promise, so a connection
// lost while it starts up ends the process with an unhandled rejection (porsager/postgres#1192). The listening
// connection, which reconnects every second while the database is away, sends no arrays and does not ask; the
// pool asks once, on its first connection. Counted on the wire, through a proxy that reads what the client sends.
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

  const through = async () => {
    if (!proxy.listening) await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    const at = new URL(url!)
    at.host = `127.0.0.1:${(proxy.address() as { port: number }).port}`
    return at.toString()
  }

  it('listens without asking for the array types', async () => {
    handle = await createDb({ url: url!, listenUrl: await through() })
    const events: ListenEvent[] = []
    handle.listen('data_versions', (event) => events.push(event))
    await until(() => events.includes('listening'), 'listening')
    expect(statements).toBeGreaterThan(0)
    expect(typeQueries).toBe(0)
  })

  it('asks for the array types on the first connection of the pool only, and still reads arrays', async () => {
    await handle?.close()
    typeQueries = 0
    handle = await createDb({ url: await through(), listenUrl: url!, max: 4 })
    await handle.rows('select 1 as one where 1 = $1', [1])
    // Four at once open the other three connections.
    const sleeping = () =>
      handle!.rows<{ codes: string[] }>(`select $1::text[] as codes, pg_sleep(0.2)`, [['a', 'b']])
    const answers = await Promise.all([sleeping(), sleeping(), sleeping(), sleeping()])
    const [connections] = await handle.rows<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and client_port is not null
         and application_name <> 'liaison listen'`,
    )
    expect(connections!.n).toBeGreaterThanOrEqual(4)
    expect(answers.map((a) => a[0]!.codes)).toEqual(Array(4).fill(['a', 'b']))
    expect(typeQueries).toBe(1)
  })
})
