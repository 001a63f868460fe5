// Cached figure answers: the same question from the same role and scope answers from memory; a write to the
// region's data, or a hard reload, computes afresh; another scope never sees the answer.

import { gunzipSync } from 'node:zlib'
import type { DbHandle } from '@liaison/db'
import { testEngines } from '@liaison/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi } from './app.ts'
import { acceptsGzip, ResponseCache } from './cache.ts'
import { demoApi, signIn, type TestApi } from './testing.ts'

describe('ResponseCache', () => {
  const bytes = (n: number) => ({ body: new TextEncoder().encode('x'.repeat(n)), gzip: null })

  it('drops the least recently used answers past its size', () => {
    const cache = new ResponseCache(400)
    cache.set('a', bytes(90))
    cache.set('b', bytes(90))
    cache.get('a')
    cache.set('c', bytes(90))
    cache.set('d', bytes(90))
    cache.set('e', bytes(90))
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')?.body).toHaveLength(90)
    expect(cache.size.bytes).toBeLessThanOrEqual(400)
    cache.set('huge', bytes(200))
    expect(cache.get('huge')).toBeUndefined()
  })

  it('keeps a gzip copy of an answer over 1 KB, and counts its bytes', () => {
    const cache = new ResponseCache(1_000_000)
    cache.set('small', bytes(1023))
    cache.set('large', bytes(5000))
    expect(cache.get('small')?.gzip).toBeNull()
    const large = cache.get('large')!
    expect(gunzipSync(large.gzip!).toString()).toBe('x'.repeat(5000))
    expect(cache.size.bytes).toBe(1023 + 'small'.length + 5000 + large.gzip!.byteLength + 'large'.length)
  })

  it('reads Accept-Encoding as HTTP does', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true)
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true)
    expect(acceptsGzip('*')).toBe(true)
    expect(acceptsGzip('gzip;q=0')).toBe(false)
    expect(acceptsGzip('gzip;q=0.000, br')).toBe(false)
    expect(acceptsGzip('identity')).toBe(false)
    expect(acceptsGzip('x-gzip-not')).toBe(false)
    expect(acceptsGzip(undefined)).toBe(false)
  })
})

const [engine] = testEngines()
describe(`cached figures on ${engine!.name}`, () => {
  let handle: DbHandle
  let api: TestApi
  const cookies: Record<string, string> = {}
  const url = '/api/v1/metrics?ids=receptions&region=520523&from=2023-01-01&to=2023-12-31'
  const receptions = async (user: string, headers: Record<string, string> = {}) => {
    const res = await api.request(url, { headers: { cookie: cookies[user]!, ...headers } })
    expect(res.status).toBe(200)
    return ((await res.json()) as { data: { receptions: number }[] }).data[0]!.receptions
  }

  beforeAll(async () => {
    ;({ handle, api } = await demoApi(engine!))
    for (const username of ['demo-leader', 'demo-analyst'])
      cookies[username] = (await signIn(api, username)).cookie
  })
  afterAll(() => handle.close())

  it('answers from memory until the data changes, and afresh on a hard reload', async () => {
    expect(await receptions('demo-leader')).toBe(685)
    // A change the data version does not see (the rollup edited by hand) shows only in a fresh computation.
    await handle.exec(`update rollup_receptions set receptions = receptions + 1000
      where area_code = '520523' and dim = '' and month = '2023-03-01'`)
    expect(await receptions('demo-leader')).toBe(685)
    expect(await receptions('demo-leader', { 'cache-control': 'no-cache' })).toBe(1685)
    // Another role computes its own answer (the same scope here, so the same figure).
    expect(await receptions('demo-analyst')).toBe(1685)
    // A write to the county's facts changes its data version: the next answer is computed (and the facts, read
    // while the rollups are stale, know nothing of the hand edit).
    await handle.exec(`insert into receptions (county_code, township_code, station_id, occurred_on, kind, visitors)
      select county_code, township_code, id, '2023-03-05', 'visit', 2 from stations where county_code = '520523' limit 1`)
    expect(await receptions('demo-leader')).toBe(686)
  })

  it('keeps answers of other counties when one county changes', async () => {
    const other = '/api/v1/metrics?ids=receptions&region=520626&from=2023-01-01&to=2023-12-31'
    const first = await api.request(other, { headers: { cookie: cookies['demo-leader']! } })
    // 德江县 is outside the leader's county: refused, and a refusal is never cached.
    expect(first.status).toBe(403)
    const tag = (await api.request(url, { headers: { cookie: cookies['demo-leader']! } })).headers.get('etag')
    await handle.exec(`update plans set fund_budget = fund_budget + 1 where county_code = '520626'`)
    const again = await api.request(url, {
      headers: { cookie: cookies['demo-leader']!, 'if-none-match': tag! },
    })
    expect(again.status).toBe(304)
  })

  it('sends a large answer gzipped to a client that accepts gzip, computed or cached, and the same figures', async () => {
    const overview = '/api/v1/modules/overview/data?region=520523&from=2024-01-01&to=2024-12-31'
    const get = (encoding: string, extra: Record<string, string> = {}) =>
      api.request(overview, {
        headers: { cookie: cookies['demo-leader']!, 'accept-encoding': encoding, ...extra },
      })
    const plain = await get('identity', { 'cache-control': 'no-cache' })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toBe('Accept-Encoding')
    const text = await plain.text()
    expect(text.length).toBeGreaterThan(1024)
    for (const extra of [{ 'cache-control': 'no-cache' }, {}] as Record<string, string>[]) {
      const zipped = await get('gzip, deflate, br', extra)
      expect(zipped.status).toBe(200)
      expect(zipped.headers.get('content-encoding')).toBe('gzip')
      expect(zipped.headers.get('vary')).toBe('Accept-Encoding')
      expect(zipped.headers.get('content-type')).toBe('application/json')
      expect(zipped.headers.get('etag')).toBe(plain.headers.get('etag'))
      const body = Buffer.from(await zipped.arrayBuffer())
      expect(body.byteLength).toBeLessThan(text.length / 3)
      expect(JSON.parse(gunzipSync(body).toString())).toEqual(JSON.parse(text))
    }
    // The cached answer goes as it is to a client that refuses gzip.
    const refused = await get('gzip;q=0')
    expect(refused.headers.get('content-encoding')).toBeNull()
    expect(await refused.text()).toBe(text)
    // An answer under 1 KB is sent as it is.
    const small = await api.request(url, {
      headers: { cookie: cookies['demo-leader']!, 'accept-encoding': 'gzip' },
    })
    expect(small.headers.get('content-encoding')).toBeNull()
    expect(small.headers.get('vary')).toBeNull()
  })

  it('answers the module list while figures wait for a compute slot', async () => {
    // No compute slot at all: every figure waits, as behind a burst of computed answers.
    const jammed = createApi({ handle, demo: true, computeSlots: 0 })
    const { cookie } = await signIn(jammed, 'demo-leader')
    const list = await Promise.race([
      jammed.request('/api/v1/modules', { headers: { cookie } }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no module list in 2 s')), 2000)),
    ])
    expect(list.status).toBe(200)
    expect(((await list.json()) as { modules: { name: string }[] }).modules[0]!.name).toBe('overview')
    const figure = Promise.resolve(jammed.request(url, { headers: { cookie } })).then(() => 'answered')
    const later = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 300))
    expect(await Promise.race([figure, later])).toBe('still waiting')
  })
})
