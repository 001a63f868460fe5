// Roles × routes × regions: what each account may read and write, and that nothing leaks across counties.
import type { DbHandle } from '@liaison/db'
import { testEngines } from '@liaison/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoApi, signIn, type TestApi } from './testing.ts'

const period = 'from=2023-01-01&to=2023-12-31'
/** Every read route that takes a region, with `{r}` for the region. */
const regionRoutes = [
  `/metrics?ids=receptions&region={r}&${period}`,
  `/metrics?ids=receptions&region={r}&by=township&${period}`,
  `/narrative?region={r}&${period}`,
  `/ranking?metric=receptions&region={r}&${period}`,
  `/stations?region={r}&${period}`,
  `/stations/scores?region={r}&${period}`,
  `/modules/overview/data?region={r}&${period}`,
  `/modules/stations/data?region={r}&${period}`,
  `/modules/opinions/data?region={r}&${period}`,
  `/modules/funding/data?region={r}&${period}`,
  `/modules/reportback/data?region={r}&${period}`,
  `/exports/report.docx?region={r}&${period}`,
  '/regions/{r}/boundary',
]
const plainRoutes = [
  '/auth/me',
  '/regions',
  '/modules',
  '/metrics/catalog',
  '/openapi.json',
  '/docs',
  '/imports',
]
const adminRoutes = ['/users', '/audit']

const roles = ['demo-admin', 'demo-leader', 'demo-township', 'demo-analyst', 'demo-clerk'] as const
const JINSHA = '520523'
const DEJIANG = '520626'

// One engine: scope enforcement is application code, the SQL beneath it is tested on both.
const engine = testEngines()[0]!

describe('access matrix', () => {
  let handle: DbHandle
  let api: TestApi
  const cookie: Record<string, string> = {}
  beforeAll(async () => {
    ;({ handle, api } = await demoApi(engine))
    for (const username of roles) cookie[username] = (await signIn(api, username)).cookie
  })
  afterAll(() => handle.close())
  const get = (user: string | null, path: string) =>
    api.request(`/api/v1${path}`, { headers: user ? { cookie: cookie[user]! } : {} })

  it('refuses every route without a session', async () => {
    for (const path of [
      ...regionRoutes.map((p) => p.replace('{r}', JINSHA)),
      ...plainRoutes,
      ...adminRoutes,
    ]) {
      expect((await get(null, path)).status, path).toBe(401)
    }
  })

  it('answers each role inside its county and refuses another county', async () => {
    let tried = 0
    for (const role of roles) {
      for (const route of regionRoutes) {
        const inside = await get(role, route.replace('{r}', JINSHA))
        expect(inside.status, `${role} ${route} 金沙县`).toBe(200)
        const outside = await get(role, route.replace('{r}', DEJIANG))
        expect(outside.status, `${role} ${route} 德江县`).toBe(role === 'demo-admin' ? 200 : 403)
        tried += 2
      }
      for (const route of plainRoutes) expect((await get(role, route)).status, `${role} ${route}`).toBe(200)
      for (const route of adminRoutes) {
        expect((await get(role, route)).status, `${role} ${route}`).toBe(role === 'demo-admin' ? 200 : 403)
      }
    }
    expect(tried).toBe(roles.length * regionRoutes.length * 2)
  })

  it('never shows another county in the region tree or the import history', async () => {
    for (const role of roles.filter((r) => r !== 'demo-admin')) {
      const tree = JSON.stringify(await (await get(role, '/regions')).json())
      expect(tree, role).not.toContain(DEJIANG)
      const history = (await (await get(role, '/imports')).json()) as { batches: { countyCode: string }[] }
      expect(
        history.batches.every((b) => b.countyCode === JINSHA),
        role,
      ).toBe(true)
    }
  })
})
