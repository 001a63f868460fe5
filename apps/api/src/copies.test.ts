// Sessions and data versions held in memory: they answer as the database would, a change anywhere reaches them
// (at once in this process, by notification from others), and without a listening connection they are not used.
import type { DbHandle, ListenEvent } from '@liaison/db'
import { anotherClient, testEngines, until } from '@liaison/db/testing'
import { dataState } from '@liaison/metrics'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionUser } from './auth/session.ts'
import { SessionCopy } from './auth/session-copy.ts'
import { DataVersions } from './data-versions.ts'
import { demoApi, signIn, type TestApi } from './testing.ts'

/** A handle that answers every session lookup with `session` and lets the test send the listening events. */
function fakeHandle(session: SessionUser) {
  let send: (event: ListenEvent) => void = () => {}
  let release: (() => void) | null = null
  const state = { lookups: 0, hold: false }
  const handle = {
    listen: (_channel: string, on: (event: ListenEvent) => void) => {
      send = on
    },
    rows: async () => {
      state.lookups++
      if (state.hold) await new Promise<void>((r) => (release = r))
      return [session]
    },
  } as unknown as DbHandle
  return { handle, state, send: (event: ListenEvent) => send(event), release: () => release?.() }
}

const session = (hours: number): SessionUser => ({
  sessionId: 'digest',
  csrfToken: 'csrf',
  expiresAt: new Date(Date.now() + hours * 3600_000),
  id: 1,
  username: 'demo-leader',
  displayName: '县人大常委会',
  role: 'leader',
  regionCode: '520523',
})

describe('SessionCopy', () => {
  it('asks the database until it listens, then once per session until something changes', async () => {
    const fake = fakeHandle(session(1))
    const copy = new SessionCopy(fake.handle)
    await copy.find('t')
    await copy.find('t')
    expect(fake.state.lookups).toBe(2)
    fake.send('listening')
    await copy.find('t')
    await copy.find('t')
    await copy.find('t')
    expect(fake.state.lookups).toBe(3)
    await copy.find('another')
    expect(fake.state.lookups).toBe(4)
    fake.send('changed')
    await copy.find('t')
    await copy.find('t')
    expect(fake.state.lookups).toBe(5)
    // The listening connection broke: a revocation could be missed, so every request asks.
    fake.send('lost')
    await copy.find('t')
    await copy.find('t')
    expect(fake.state.lookups).toBe(7)
    // A write through this process while the connection is down changes that in nothing.
    fake.send('changed')
    await copy.find('t')
    await copy.find('t')
    expect(fake.state.lookups).toBe(9)
  })

  it('keeps nothing read across a change, nor a session past its end', async () => {
    const fake = fakeHandle(session(1))
    const copy = new SessionCopy(fake.handle)
    fake.send('listening')
    fake.state.hold = true
    const first = copy.find('t')
    await new Promise((r) => setTimeout(r, 0))
    fake.send('changed') // a logout committed while the lookup ran
    fake.release()
    await first
    fake.state.hold = false
    await copy.find('t')
    expect(fake.state.lookups).toBe(2)

    const expired = fakeHandle(session(-1))
    const old = new SessionCopy(expired.handle)
    expired.send('listening')
    await old.find('t')
    await old.find('t')
    expect(expired.state.lookups).toBe(2)
  })
})

for (const engine of testEngines()) {
  describe(`copies in memory on ${engine.name}`, () => {
    let handle: DbHandle
    let api: TestApi
    let cookie: string
    const url = '/api/v1/metrics?ids=receptions&region=520523&from=2023-01-01&to=2023-12-31'
    const get = (headers: Record<string, string> = {}) =>
      api.request(url, { headers: { cookie, ...headers } })
    const receptions = async () =>
      ((await (await get()).json()) as { data: { receptions: number }[] }).data[0]!.receptions
    /** A write as another process makes it: through a client of its own on the real server; PGlite has one process. */
    const elsewhere = async (statement: string) => {
      const other = anotherClient(handle)
      if (!other) return handle.exec(statement)
      await other.unsafe(statement)
      await other.end()
    }

    beforeAll(async () => {
      ;({ handle, api } = await demoApi(engine))
      ;({ cookie } = await signIn(api, 'demo-leader'))
    })
    afterAll(() => handle.close())

    it('answer the data state as the database does, and see every write', async () => {
      const versions = new DataVersions(handle)
      // The first answers come from the database while the copy is read; then from the copy.
      await until(async () => {
        await versions.state('52')
        return (versions as unknown as { copy: unknown }).copy !== null
      }, 'the copy')
      for (const region of [null, '52', '5205', '520523', '520523005', '11'])
        expect(await versions.state(region)).toEqual(await dataState(handle.db, region))
      const before = await versions.state('520523')
      await handle.exec(`update stations set name = name where county_code = '520523'`)
      // A write through the handle: seen by the very next question.
      expect(await versions.state('520523')).toEqual(await dataState(handle.db, '520523'))
      expect((await versions.state('520523')).version).not.toBe(before.version)
    })

    it('see another process’s write to the figures and revocation of a session', async () => {
      const first = await receptions()
      await elsewhere(`insert into receptions (county_code, township_code, station_id, occurred_on, kind, visitors)
        select county_code, township_code, id, '2023-03-05', 'visit', 2 from stations where county_code = '520523' limit 1`)
      await until(async () => (await receptions()) === first + 1, 'the new figure')
      expect((await get()).status).toBe(200)
      await elsewhere(`update sessions set revoked_at = now()`)
      await until(async () => (await get()).status === 401, 'the revocation')
      expect((await get()).status).toBe(401)
    })
  })
}
