import { importHistoryResponse } from '@liaison/contracts'
import type { DbHandle } from '@liaison/db'
import { testEngines } from '@liaison/db/testing'
import { MAX_BYTES, MAX_UPLOAD_BYTES } from '@liaison/importer/limits'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoApi, signIn, type TestApi } from '../testing.ts'

for (const engine of testEngines()) {
  describe(`register uploads on ${engine.name}`, () => {
    let handle: DbHandle
    let api: TestApi
    const session: Record<string, { cookie: string; csrf: string }> = {}
    beforeAll(async () => {
      ;({ handle, api } = await demoApi(engine))
      for (const username of ['demo-clerk', 'demo-leader']) session[username] = await signIn(api, username)
    })
    afterAll(() => handle.close())

    const upload = (user: string, county: string, csv: string, dryRun: boolean) => {
      const form = new FormData()
      form.set('file', new File([csv], 'receptions.csv'))
      form.set('county', county)
      form.set('dryRun', String(dryRun))
      return api.request('/api/v1/imports', {
        method: 'POST',
        body: form,
        headers: { cookie: session[user]!.cookie, 'x-csrf-token': session[user]!.csrf },
      })
    }
    const receptions = async () => {
      const res = await api.request(
        '/api/v1/metrics?ids=receptions,visitors&region=520523&from=2023-01-01&to=2023-12-31',
        { headers: { cookie: session['demo-leader']!.cookie } },
      )
      return ((await res.json()) as { data: { receptions: number; visitors: number }[] }).data[0]!
    }
    const good =
      '接待日期,联络站,接待群众人次,记录编号\n2023年6月14日,JS-ZZ-001,9,UP-1\n2023-06-15,JS-ZZ-001,4,UP-2\n合计,,13,\n'

    it('lets a clerk dry-run, then import, and the figures change by exactly the file', async () => {
      const before = await receptions()
      const dry = await upload('demo-clerk', '金沙县', good, true)
      expect(dry.status).toBe(200)
      expect(await receptions()).toEqual(before)
      const done = await upload('demo-clerk', '520523', good, false)
      expect(done.status).toBe(200)
      const body = (await done.json()) as { batchId: number; counts: { receptions: { inserted: number } } }
      expect(body.counts.receptions.inserted).toBe(2)
      expect(await receptions()).toEqual({
        receptions: before.receptions + 2,
        visitors: before.visitors + 13,
      })
      const history = (await (
        await api.request('/api/v1/imports', { headers: { cookie: session['demo-clerk']!.cookie } })
      ).json()) as unknown
      // The history answers its contract, naming who imported and where.
      const latest = importHistoryResponse.parse(history).batches[0]!
      expect(latest).toMatchObject({ id: body.batchId, username: 'demo-clerk', countyName: '金沙县' })
      // …and rolling it back from its history restores the figures.
      const rollback = await api.request(`/api/v1/imports/${body.batchId}/rollback`, {
        method: 'POST',
        headers: { cookie: session['demo-clerk']!.cookie, 'x-csrf-token': session['demo-clerk']!.csrf },
      })
      expect(rollback.status).toBe(200)
      expect(await receptions()).toEqual(before)
    })

    it('answers 422 with the rows for a bad file, and refuses other counties and other roles', async () => {
      const bad = await upload(
        'demo-clerk',
        '520523',
        '接待日期,联络站,接待群众人次\n2023-13-01,JS-ZZ-001,1\n',
        false,
      )
      expect(bad.status).toBe(422)
      expect(((await bad.json()) as { errors: { row: number }[] }).errors[0]!.row).toBe(2)
      expect((await upload('demo-clerk', '德江县', good, true)).status).toBe(403)
      expect((await upload('demo-leader', '520523', good, true)).status).toBe(403)
    })
    it('serves templates with drop-downs and ingests JSON records inside the clerk scope', async () => {
      const cookie = session['demo-clerk']!.cookie
      const template = await api.request('/api/v1/imports/templates/receptions.xlsx', { headers: { cookie } })
      expect(template.status).toBe(200)
      expect(template.headers.get('content-type')).toContain('spreadsheetml')
      expect((await api.request('/api/v1/imports/templates/nope.xlsx', { headers: { cookie } })).status).toBe(
        404,
      )
      const before = await receptions()
      const ingest = (county: string, records: unknown) =>
        api.request(`/api/v1/ingest/receptions?county=${county}`, {
          method: 'POST',
          headers: {
            cookie,
            'x-csrf-token': session['demo-clerk']!.csrf,
            'content-type': 'application/json',
          },
          body: JSON.stringify(records),
        })
      const records = [
        { date: '2023-07-01', station: 'JS-ZZ-001', visitors: 5, record_no: 'ON-1' },
        { date: '2023-07-02', station: 'JS-ZZ-001', visitors: 6, record_no: 'ON-2' },
      ]
      const ok = await ingest('520523', records)
      expect(ok.status).toBe(200)
      expect(await receptions()).toEqual({
        receptions: before.receptions + 2,
        visitors: before.visitors + 11,
      })
      expect((await ingest('520523', records)).status).toBe(200)
      expect(await receptions()).toEqual({
        receptions: before.receptions + 2,
        visitors: before.visitors + 11,
      })
      const bad = await ingest('520523', [{ date: 'soon', station: 'JS-ZZ-001', visitors: 1 }])
      expect(bad.status).toBe(422)
      expect(((await bad.json()) as { errors: { row: number }[] }).errors[0]!.row).toBe(1)
      // A duplicate names both records by their place in the list, in its message too (it said row 3 for row 2).
      const twice = await ingest('520523', [
        { date: '2023-07-03', station: 'JS-ZZ-001', visitors: 1, record_no: 'ON-3' },
        { date: '2023-07-04', station: 'JS-ZZ-001', visitors: 1, record_no: 'ON-4' },
        { date: '2023-07-05', station: 'JS-ZZ-001', visitors: 1, record_no: 'ON-4' },
      ])
      expect(twice.status).toBe(422)
      const [duplicate] = ((await twice.json()) as { errors: { row: number; message: { en: string } }[] })
        .errors
      expect([duplicate!.row, duplicate!.message.en]).toEqual([3, 'Duplicate key (same as row 2)'])
      expect((await ingest('520626', records)).status).toBe(403)
      expect(
        (
          await ingest(
            '520523',
            Array.from({ length: 5001 }, () => records[0]),
          )
        ).status,
      ).toBe(400)
    })

    it('answers 413 to an upload or records over the limit, before reading the body', async () => {
      const headers = { cookie: session['demo-clerk']!.cookie, 'x-csrf-token': session['demo-clerk']!.csrf }
      // Spaces: no form, and JSON of no records. Only their size can answer 413 (read, they answer 400 and 422).
      const spaces = (n: number) => new Uint8Array(n).fill(0x20)
      const upload = await api.request('/api/v1/imports', {
        method: 'POST',
        body: spaces(MAX_UPLOAD_BYTES + 1),
        headers: { ...headers, 'content-type': 'multipart/form-data; boundary=x' },
      })
      expect(upload.status).toBe(413)
      expect(await upload.json()).toEqual({
        error: {
          code: 'too_large',
          message: expect.stringMatching(/上限 \/ .*larger than 20 MB/),
          details: null,
        },
      })
      const records = (size: number) =>
        api.request('/api/v1/ingest/receptions?county=520523', {
          method: 'POST',
          body: Buffer.concat([Buffer.from('['), spaces(size - 2), Buffer.from(']')]),
          headers: { ...headers, 'content-type': 'application/json' },
        })
      const over = await records(MAX_BYTES + 1)
      expect(over.status).toBe(413)
      expect(((await over.json()) as { error: { code: string } }).error.code).toBe('too_large')
      // At the limit the body is read, and refused for holding no records.
      expect((await records(MAX_BYTES)).status).toBe(422)
    })
  })
}
