// The access matrix over EVERY route the product registers (read from app.routes of the app as startServer builds
// it, so a new route fails this test until it is given a row in access-matrix.rows.ts): without a session only the
// deliberately public routes answer; every role × every route × a region in its scope and one outside: nothing read
// or written across scopes; admin-only routes refused to everyone else. A refused write must leave every table as
// it was.
import type { DbHandle } from '@liaison/db'
import { seedDemo } from '@liaison/db/demo'
import { testEngines } from '@liaison/db/testing'
import { refreshRollups } from '@liaison/metrics'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEJIANG,
  FRONT_END_REASON,
  JINSHA,
  type MatrixIds,
  MIDDLEWARE,
  MINXING,
  matrixRows,
  PUBLIC,
  type Req,
  type Role,
  roles,
} from './access-matrix.rows.ts'
import { createApi } from './app.ts'
import { ensureDemoUsers } from './auth/users.ts'
import { openApiDocument } from './routes/openapi.ts'
import { mountFrontEnd } from './server/static.ts'

let requests = 0

describe('access matrix over every registered route', () => {
  let handle: DbHandle
  let app: Hono
  const sessions: Partial<Record<Role, { cookie: string; csrf: string }>> = {}
  const ids: MatrixIds = {
    stationIn: 0,
    stationOtherTownship: 0,
    stationOut: 0,
    batchIn: 0,
    batchOut: 0,
    user: 0,
    codeOut: '',
  }
  const specs = matrixRows(ids)

  const login = async (username: string) => {
    const res = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo' }),
    })
    expect(res.status, username).toBe(200)
    return {
      cookie: res.headers.get('set-cookie')!.split(';')[0]!,
      csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
    }
  }

  beforeAll(async () => {
    handle = await testEngines()[0]!.create()
    await seedDemo(handle)
    await refreshRollups(handle.db, 'all')
    await ensureDemoUsers(handle.db)
    // The product as startServer assembles it: the API and the front end on one app.
    app = new Hono()
    app.route('/', createApi({ handle, demo: true }))
    mountFrontEnd(app)
    for (const role of roles) sessions[role] = await login(role)
    const station = async (where: string) =>
      (await handle.rows<{ id: number }>(`select id from stations where ${where} order by id limit 1`))[0]!.id
    ids.stationIn = await station(`township_code = '${MINXING}'`)
    ids.stationOtherTownship = await station(`county_code = '${JINSHA}' and township_code <> '${MINXING}'`)
    ids.stationOut = await station(`county_code = '${DEJIANG}'`)
    ids.codeOut = (
      await handle.rows<{ code: string }>(`select code from stations where id = $1`, [ids.stationOut])
    )[0]!.code
    const batch = async (county: string) =>
      (
        await handle.rows<{ id: number }>(
          `insert into import_batches (county_code, source, kinds, counts) values ($1, 'ingest', '{receptions}', '{}') returning id`,
          [county],
        )
      )[0]!.id
    ids.batchIn = await batch(JINSHA)
    ids.batchOut = await batch(DEJIANG)
    ids.user = (
      await handle.rows<{ id: number }>(`select id from users where username = 'demo-analyst'`)
    )[0]!.id
  })
  afterAll(async () => {
    console.log(
      `access matrix: ${Object.keys(specs).length} API routes × ${roles.length} roles and no session, ${requests} requests`,
    )
    await handle?.close()
  })

  /** The API routes and the front-end routes of the assembled app, each once. */
  const registered = () => {
    const seen = new Set<string>()
    const api: string[] = []
    const frontEnd: string[] = []
    for (const r of app.routes) {
      const key = `${r.method} ${r.path}`
      if (seen.has(key)) continue
      seen.add(key)
      if (!r.path.startsWith('/api/v1')) frontEnd.push(key)
      // Middleware (`use`) registers as ALL: requireUser, etag, cache on /api/v1/*, the admin check on the rest.
      else if (!MIDDLEWARE.includes(key)) api.push(key)
    }
    return { api, frontEnd }
  }

  async function call(role: Role | null, req: Req, fresh = false) {
    const session = role ? (fresh ? await login(role) : sessions[role]!) : null
    const headers: Record<string, string> = session
      ? { cookie: session.cookie, 'x-csrf-token': session.csrf }
      : {}
    let body: BodyInit | undefined
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(req.json)
    } else if (req.raw !== undefined) {
      headers['content-type'] = 'application/json'
      body = req.raw
    } else if (req.form) body = req.form()
    requests++
    return app.request(`/api/v1${req.path}`, { method: req.method ?? 'GET', headers, body })
  }

  async function counts() {
    const tables = await handle.rows<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    )
    return (
      await handle.rows<{ name: string; n: number }>(
        tables
          .map((t) => `select '${t.name}' as name, count(*)::int as n from "${t.name}"`)
          .join(' union all '),
      )
    )
      .map((r) => `${r.name}=${r.n}`)
      .sort()
      .join(' ')
  }

  it('has a row for every API route and no row for a route that is gone; the rest is the front end', () => {
    const { api, frontEnd } = registered()
    expect(
      api.filter((key) => !specs[key]),
      'routes without a row in the matrix',
    ).toEqual([])
    expect(
      Object.keys(specs).filter((key) => !api.includes(key)),
      'rows for routes that do not exist',
    ).toEqual([])
    expect(
      Object.entries(specs)
        .filter(([, s]) => s.access === 'public')
        .map(([key]) => key)
        .sort(),
    ).toEqual(Object.keys(PUBLIC).sort())
    expect(api.length).toBeGreaterThan(35)
    // The front end: the modules' files and the shell (its page at / and every client route), public by design,
    // and the JSON 404 of an API path the API does not answer.
    expect(
      frontEnd.every((key) => /^(GET|ALL) \/((modules\/[\w-]+\/|api\/)?\*|api)?$/.test(key)),
      frontEnd.join(', '),
    ).toBe(true)
    expect(FRONT_END_REASON).toBeTruthy()
  })

  it('answers an API path or method it does not serve with a JSON 404, not the dashboard page', async () => {
    const { cookie, csrf } = sessions['demo-leader']!
    for (const [method, path] of [
      ['GET', '/api/v1/nonexistent'],
      ['GET', '/api/v1/metrics/foo'],
      ['DELETE', '/api/v1/metrics'],
      ['GET', '/api/v2/metrics'],
      ['GET', '/api'],
    ] as const) {
      const res = await app.request(path, { method, headers: { cookie, 'x-csrf-token': csrf } })
      expect([method, path, res.status, res.headers.get('content-type')]).toEqual([
        method,
        path,
        404,
        'application/json',
      ])
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found')
    }
  })

  it('documents every API route in the OpenAPI document, and no route that is gone', () => {
    const documented = Object.entries(openApiDocument().paths).flatMap(([path, methods]) =>
      Object.keys(methods).map(
        (method) => `${method.toUpperCase()} /api/v1${path.replace(/\{(\w+)\}/g, ':$1')}`,
      ),
    )
    const { api } = registered()
    expect(api.filter((key) => !documented.includes(key)).sort(), 'routes missing from openapi.json').toEqual(
      [],
    )
    expect(
      documented.filter((key) => !api.includes(key)).sort(),
      'documented routes that do not exist',
    ).toEqual([])
  })

  it('answers nothing but the public routes without a session, and writes nothing', async () => {
    const tried: string[] = []
    for (const [key, spec] of Object.entries(specs)) {
      for (const req of spec.build('demo-admin', 'in')) {
        const before = req.method && req.method !== 'GET' ? await counts() : null
        const res = await call(null, req)
        if (spec.access === 'public') expect(res.status, `${key} without a session`).toBe(200)
        else {
          expect(res.status, `${key} without a session`).toBe(401)
          expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized')
          if (before && key !== 'POST /api/v1/auth/login') expect(await counts(), key).toBe(before)
        }
        tried.push(key)
      }
    }
    // Nor an unknown or disguised API path: the session check covers all of /api/v1.
    for (const path of [
      '/api/v1/no-such-route',
      '/api/v1/users/1/../../metrics',
      '/api/v1/audit/',
      '/api/v1/%2e%2e/v1/audit',
      '/api/v1//users',
      '/api/v1/USERS',
    ]) {
      expect((await app.request(path)).status, path).toBe(401)
    }
    expect(tried.length).toBeGreaterThanOrEqual(Object.keys(specs).length)
  })

  for (const role of roles) {
    it(`${role}: every route, inside its scope and outside it`, async () => {
      const cases: string[] = []
      for (const [key, spec] of Object.entries(specs)) {
        if (spec.access === 'public') continue
        for (const where of spec.scoped ? (['in', 'out'] as const) : (['in'] as const)) {
          for (const req of spec.build(role, where)) {
            const label = `${role} ${key} ${req.method ?? 'GET'} ${req.path} (${where} scope)`
            const roleRefused =
              (spec.access === 'admin' && role !== 'demo-admin') ||
              (spec.access === 'writer' && role !== 'demo-admin' && role !== 'demo-clerk')
            const scopeRefused = where === 'out' && role !== 'demo-admin'
            const write = (req.method ?? 'GET') !== 'GET'
            const before = write ? await counts() : null
            const res = await call(role, req, spec.fresh)
            if (roleRefused || scopeRefused) {
              expect(res.status, label).toBe(403)
              const body = (await res.json()) as { error: { code: string; message: string } }
              expect(body.error.code, label).toBe('forbidden')
              // Nothing written across the scope or past the role.
              if (before) expect(await counts(), label).toBe(before)
            } else {
              expect(
                spec.ok ?? [200, 201],
                `${label}: ${res.status} ${(await res.clone().text()).slice(0, 200)}`,
              ).toContain(res.status)
            }
            cases.push(label)
          }
        }
      }
      expect(cases.length).toBeGreaterThan(50)
    }, 120_000)
  }
})
