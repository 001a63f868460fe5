// The township boundary API on both engines: who may upload, read and delete it, what a bad file does (a clear
// refusal, nothing stored, no audit entry), the size limit, CSRF, and that the cached GET never goes stale.

import { createApi } from '@liaison/api'
import type { BoundaryRefusedResponse, BoundaryResponse, BoundaryUploadResponse } from '@liaison/contracts'
import { type DbHandle, schema } from '@liaison/db'
import { testEngines } from '@liaison/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../../apps/api/src/auth/password.ts'
import { ensureDemoUsers } from '../../apps/api/src/auth/users.ts'
import { divisionTownships, schematicBoundary } from '../fixtures/schematic-boundary.ts'

const jinsha = '520523'
const path = `/api/v1/regions/${jinsha}/boundary`
const schematic = (() => {
  const { inside: _, ...file } = schematicBoundary(divisionTownships(jinsha))
  return file
})()
const good = JSON.stringify(schematic)

for (const engine of testEngines()) {
  describe(`township boundaries on ${engine.name}`, () => {
    let handle: DbHandle
    let api: ReturnType<typeof createApi>
    const session: Record<string, { cookie: string; csrf: string }> = {}
    beforeAll(async () => {
      handle = await engine.create()
      await ensureDemoUsers(handle.db)
      // A clerk of another county (德江县), to prove the scope.
      await handle.db.insert(schema.users).values({
        username: 'dejiang-clerk',
        displayName: '德江县录入员',
        role: 'clerk',
        regionCode: '520626',
        passwordHash: await hashPassword('demo'),
      })
      api = createApi({ handle, demo: true })
      for (const username of ['demo-clerk', 'demo-leader', 'demo-township', 'demo-admin', 'dejiang-clerk']) {
        const res = await api.request('/api/v1/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: 'demo' }),
        })
        session[username] = {
          cookie: res.headers.get('set-cookie')!.split(';')[0]!,
          csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
        }
      }
    })
    afterAll(() => handle.close())

    const headers = (user: string, extra: Record<string, string> = {}) => ({
      cookie: session[user]!.cookie,
      'x-csrf-token': session[user]!.csrf,
      ...extra,
    })
    const upload = (user: string, text: string, url = path) => {
      const form = new FormData()
      form.set('file', new File([text], 'jinsha.geojson'))
      return api.request(url, { method: 'PUT', body: form, headers: headers(user) })
    }
    const read = async (user = 'demo-leader', extra: Record<string, string> = {}) =>
      api.request(path, { headers: { cookie: session[user]!.cookie, ...extra } })
    const stored = async () => ((await (await read()).json()) as BoundaryResponse).boundary
    const audits = () =>
      handle.rows<{ username: string; action: string; target: string; details: Record<string, unknown> }>(
        `select username, action, target, details from audit_log where action like 'boundary%' order by id`,
      )

    it('answers null before any upload, so the dashboard shows tiles', async () => {
      const res = await read()
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ county: { code: jinsha, name: '金沙县' }, boundary: null })
    })

    it('lets the clerk upload the schematic boundary; everyone in the county reads it, marked schematic', async () => {
      const res = await upload('demo-clerk', good)
      expect(res.status).toBe(200)
      const body = (await res.json()) as BoundaryUploadResponse
      expect(body).toEqual({ features: 26, schematic: true, missing: [], warnings: [] })
      for (const user of ['demo-leader', 'demo-township']) {
        const boundary = ((await (await read(user)).json()) as BoundaryResponse).boundary!
        expect(boundary).toMatchObject({ schematic: true, fileName: 'jinsha.geojson', missing: [] })
        expect(boundary.uploadedBy).toBe('金沙县数据录入员（演示）')
        expect(boundary.geojson.features.map((f) => f.properties.name)).toEqual(
          divisionTownships(jinsha).map((t) => t.name),
        )
        expect(boundary.geojson.features[0]!.geometry).toEqual(schematic.features[0]!.geometry)
      }
      const [entry] = await audits()
      expect(entry).toMatchObject({
        username: 'demo-clerk',
        action: 'boundary_upload',
        target: 'boundary 520523',
      })
      expect(entry!.details).toMatchObject({ features: 26, schematic: true, fileName: 'jinsha.geojson' })
    })

    it('refuses a file with an unknown township, naming the feature, and keeps the stored boundary', async () => {
      const before = await stored()
      const broken = structuredClone(schematic)
      broken.features[3]!.properties = { code: '', name: '不存在镇' }
      const res = await upload('demo-clerk', JSON.stringify(broken))
      expect(res.status).toBe(422)
      const { errors } = (await res.json()) as BoundaryRefusedResponse
      expect(errors).toEqual([
        {
          feature: 4,
          label: '不存在镇',
          message: {
            zh: '与本县（区）的乡镇（街道）都不匹配（名称 不存在镇）',
            en: "Matches none of the county's townships (name 不存在镇)",
          },
        },
      ])
      expect(await stored()).toEqual(before)
      expect(await audits()).toHaveLength(1)
      const notJson = await upload('demo-clerk', 'not json')
      expect(notJson.status).toBe(422)
    })

    it('takes the GeoJSON as the request body too, and admins may write any county', async () => {
      const res = await api.request(path, {
        method: 'PUT',
        body: good,
        headers: headers('demo-admin', { 'content-type': 'application/geo+json' }),
      })
      expect(res.status).toBe(200)
      expect(await stored()).toMatchObject({ fileName: null, uploadedBy: '演示管理员' })
    })

    it('refuses writes by other roles, other counties, without CSRF, and past the size limit', async () => {
      const count = (await audits()).length
      expect((await upload('demo-leader', good)).status).toBe(403)
      expect((await upload('demo-township', good)).status).toBe(403)
      expect((await upload('dejiang-clerk', good)).status).toBe(403)
      expect((await read('dejiang-clerk')).status).toBe(403)
      const noCsrf = await api.request(path, {
        method: 'PUT',
        body: good,
        headers: { cookie: session['demo-clerk']!.cookie, 'content-type': 'application/json' },
      })
      expect(noCsrf.status).toBe(403)
      const huge = await upload('demo-clerk', ' '.repeat(11 * 1024 * 1024))
      expect(huge.status).toBe(413)
      expect(((await huge.json()) as { error: { message: string } }).error.message).toBe(
        '文件超过 10 MB 上限 / The file is larger than 10 MB',
      )
      expect(
        (await api.request('/api/v1/regions/999999/boundary', { headers: headers('demo-admin') })).status,
      ).toBe(404)
      // A broken multipart body is refused as such (it answered 500, found by fuzzing).
      const broken = await api.request(path, {
        method: 'PUT',
        body: 'garbage',
        headers: headers('demo-clerk', { 'content-type': 'multipart/form-data; boundary=xxx' }),
      })
      expect(broken.status).toBe(400)
      expect(await audits()).toHaveLength(count)
    })

    it('answers 304 to a repeated GET, and a fresh answer once the boundary is deleted', async () => {
      const first = await read()
      const tag = first.headers.get('etag')!
      expect(tag).toBeTruthy()
      expect((await read('demo-leader', { 'if-none-match': tag })).status).toBe(304)
      expect((await api.request(path, { method: 'DELETE', headers: headers('demo-leader') })).status).toBe(
        403,
      )
      const deleted = await api.request(path, { method: 'DELETE', headers: headers('demo-clerk') })
      expect(deleted.status).toBe(200)
      const after = await read('demo-leader', { 'if-none-match': tag })
      expect(after.status).toBe(200)
      expect(((await after.json()) as BoundaryResponse).boundary).toBeNull()
      expect((await api.request(path, { method: 'DELETE', headers: headers('demo-clerk') })).status).toBe(404)
      const deletes = (await audits()).filter((a) => a.action === 'boundary_delete')
      expect(deletes.map((a) => a.username)).toEqual(['demo-clerk'])
    })
  })
}
