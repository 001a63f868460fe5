// The access matrix over EVERY route the product registers (read from app.routes of the app as startServer builds
// it, so a new route fails this test until it is given a row here): without a session only the deliberately
// public routes answer; every role × every route × a region in its scope and one outside: nothing read or written
// across scopes; admin-only routes refused to everyone else. A refused write must leave every table as it was.
import type { DbHandle } from '@liaison/db'
import { seedDemo } from '@liaison/db/demo'
import { testEngines } from '@liaison/db/testing'
import { refreshRollups } from '@liaison/metrics'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi } from './app.ts'
import { ensureDemoUsers } from './auth/users.ts'
import { mountFrontEnd } from './server/static.ts'

/** Deliberately public, each with its reason. Everything else needs a session. */
const PUBLIC: Record<string, string> = {
  'GET /api/v1/health': 'liveness for the process supervisor and load balancer; says only "ok"',
  'GET /api/v1/ready': 'readiness (database reachable) for the load balancer; no data',
  'POST /api/v1/auth/login': 'the way to get a session; throttled per user and per address',
}
/** Routes outside /api/v1 are the front end's static files (the shell and the modules' bundles): code and styles,
 * no data — every figure they show comes from the API, which refuses them without a session. */
const FRONT_END_REASON = 'static front-end files (code, styles), no data'

/** `use(...)` entries of app.routes: the session check and caches on everything, the admin check on users/audit. Any
 * other ALL route would be an endpoint answering every method, and needs a row. */
const MIDDLEWARE = ['ALL /api/v1/*', 'ALL /api/v1/users/*', 'ALL /api/v1/users', 'ALL /api/v1/audit']

type Role = 'demo-admin' | 'demo-leader' | 'demo-township' | 'demo-analyst' | 'demo-clerk'
const roles: Role[] = ['demo-admin', 'demo-leader', 'demo-township', 'demo-analyst', 'demo-clerk']
type Where = 'in' | 'out'

interface Req {
  path: string
  method?: string
  json?: unknown
  form?: () => FormData
  raw?: string
}
interface Spec {
  /** session: any role; writer: admins and clerks; admin: admins only. */
  access: 'public' | 'session' | 'writer' | 'admin'
  /** Scoped routes are tried with a target inside the role's scope and one (or more) outside it. */
  scoped?: boolean
  /** What an allowed request may answer (default 200/201): a validation answer past the checks is still access. */
  ok?: number[]
  /** A session of its own (logout ends it). */
  fresh?: boolean
  build(role: Role, where: Where): Req[]
}

const JINSHA = '520523'
const MINXING = '520523005' // demo-township's township
const DEJIANG = '520626'
const period = 'from=2023-01-01&to=2023-12-31'
const fig = (path: string) => (_role: Role, where: Where) => [
  { path: path.replace('{r}', where === 'in' ? JINSHA : DEJIANG) },
]
const csv = (station: string) => `接待日期,联络站,接待群众人次,记录编号\n2023-06-14,${station},9,ACL-1\n`

let requests = 0

describe('access matrix over every registered route', () => {
  let handle: DbHandle
  let app: Hono
  const sessions: Partial<Record<Role, { cookie: string; csrf: string }>> = {}
  const ids = {
    stationIn: 0, // in 民兴街道 (demo-township's own township)
    stationOtherTownship: 0, // another township of 金沙县
    stationOut: 0, // 德江县
    batchIn: 0,
    batchOut: 0,
    user: 0,
    /** A station code of 德江县: out-of-scope writes name it and are not dry runs, so a missing check would write. */
    codeOut: '',
  }

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

  /** One row per API route: how to call it, and who may. */
  const specs: Record<string, Spec> = {
    'GET /api/v1/health': { access: 'public', build: () => [{ path: '/health' }] },
    'GET /api/v1/ready': { access: 'public', build: () => [{ path: '/ready' }] },
    'POST /api/v1/auth/login': {
      access: 'public',
      build: () => [
        { path: '/auth/login', method: 'POST', json: { username: 'demo-leader', password: 'demo' } },
      ],
    },
    'GET /api/v1/auth/me': { access: 'session', build: () => [{ path: '/auth/me' }] },
    'POST /api/v1/auth/logout': {
      access: 'session',
      fresh: true,
      build: () => [{ path: '/auth/logout', method: 'POST' }],
    },
    'POST /api/v1/auth/password': {
      access: 'session',
      ok: [400], // a wrong current password: past the session check, nothing changed
      build: () => [
        { path: '/auth/password', method: 'POST', json: { current: 'wrong', next: 'Another-pass-42' } },
      ],
    },
    'GET /api/v1/regions': { access: 'session', build: () => [{ path: '/regions' }] },
    'GET /api/v1/modules': { access: 'session', build: () => [{ path: '/modules' }] },
    'GET /api/v1/metrics/catalog': { access: 'session', build: () => [{ path: '/metrics/catalog' }] },
    'GET /api/v1/openapi.json': { access: 'session', build: () => [{ path: '/openapi.json' }] },
    'GET /api/v1/docs': { access: 'session', build: () => [{ path: '/docs' }] },
    // The history is filtered to the user's county (access.test.ts checks no other county appears).
    'GET /api/v1/imports': { access: 'session', build: () => [{ path: '/imports' }] },
    'GET /api/v1/imports/templates/:file': {
      access: 'session',
      build: () => [{ path: '/imports/templates/receptions.xlsx' }],
    },
    'GET /api/v1/metrics': {
      access: 'session',
      scoped: true,
      build: fig(`/metrics?ids=receptions&region={r}&${period}`),
    },
    'GET /api/v1/narrative': {
      access: 'session',
      scoped: true,
      build: fig(`/narrative?region={r}&${period}`),
    },
    'GET /api/v1/ranking': {
      access: 'session',
      scoped: true,
      build: fig(`/ranking?metric=receptions&region={r}&${period}`),
    },
    'GET /api/v1/stations': { access: 'session', scoped: true, build: fig(`/stations?region={r}&${period}`) },
    'GET /api/v1/stations/scores': {
      access: 'session',
      scoped: true,
      build: fig(`/stations/scores?region={r}&${period}`),
    },
    'GET /api/v1/modules/overview/data': {
      access: 'session',
      scoped: true,
      build: fig(`/modules/overview/data?region={r}&${period}`),
    },
    'GET /api/v1/modules/:name/data': {
      access: 'session',
      scoped: true,
      build: (role, where) =>
        ['stations', 'opinions', 'funding', 'reportback'].flatMap((name) =>
          fig(`/modules/${name}/data?region={r}&${period}`)(role, where),
        ),
    },
    // Exports: the table ones are asked for an unknown figure, answered 400 after the scope check (access
    // granted, nothing rendered); the report, deck and charts are rendered, only the cheapest chart.
    'GET /api/v1/exports/table.csv': {
      access: 'session',
      scoped: true,
      ok: [400],
      build: fig(`/exports/table.csv?ids=no_such_figure&region={r}&${period}`),
    },
    'GET /api/v1/exports/table.xlsx': {
      access: 'session',
      scoped: true,
      ok: [400],
      build: fig(`/exports/table.xlsx?ids=no_such_figure&region={r}&${period}`),
    },
    'GET /api/v1/exports/report.docx': {
      access: 'session',
      scoped: true,
      build: fig(`/exports/report.docx?region={r}&${period}`),
    },
    'GET /api/v1/exports/deck.pptx': {
      access: 'session',
      scoped: true,
      build: fig(`/exports/deck.pptx?region={r}&${period}`),
    },
    'GET /api/v1/exports/chart.png': {
      access: 'session',
      scoped: true,
      build: fig(`/exports/chart.png?chart=channels&scale=1&region={r}&${period}`),
    },
    'GET /api/v1/exports/chart.svg': {
      access: 'session',
      scoped: true,
      build: fig(`/exports/chart.svg?chart=channels&region={r}&${period}`),
    },
    // The watermark's text for a browser export, and the audit entry of one (any session, in its own region).
    'GET /api/v1/exports/watermark': {
      access: 'session',
      scoped: true,
      build: fig('/exports/watermark?watermark=org&region={r}&lang=zh'),
    },
    'POST /api/v1/exports/audit': {
      access: 'session',
      scoped: true,
      ok: [204],
      build: (_role, where) => [
        {
          path: '/exports/audit',
          method: 'POST',
          json: {
            format: 'csv',
            name: 'access-matrix',
            region: where === 'in' ? JINSHA : DEJIANG,
            from: '2023-01-01',
            to: '2023-12-31',
          },
        },
      ],
    },
    'GET /api/v1/regions/:county/boundary': {
      access: 'session',
      scoped: true,
      build: fig('/regions/{r}/boundary'),
    },
    // Details stay in the user's own region: a township head sees only their township's stations.
    'GET /api/v1/stations/:id': {
      access: 'session',
      scoped: true,
      build: (role, where) =>
        (where === 'in'
          ? [ids.stationIn]
          : role === 'demo-township'
            ? [ids.stationOtherTownship, ids.stationOut]
            : [ids.stationOut]
        ).map((id) => ({ path: `/stations/${id}?${period}` })),
    },
    'GET /api/v1/imports/:id': {
      access: 'session',
      scoped: true,
      build: (_role, where) => [{ path: `/imports/${where === 'in' ? ids.batchIn : ids.batchOut}` }],
    },
    // Writes: clerks and admins, in their county. Each is a real write (not a dry run) when allowed, so a missing
    // check would show as rows written.
    'POST /api/v1/imports': {
      access: 'writer',
      scoped: true,
      build: (_role, where) => [
        {
          path: '/imports',
          method: 'POST',
          form: () => {
            const form = new FormData()
            form.set('file', new File([csv(where === 'in' ? 'JS-ZZ-001' : ids.codeOut)], 'receptions.csv'))
            form.set('county', where === 'in' ? JINSHA : DEJIANG)
            form.set('dryRun', String(where === 'in'))
            return form
          },
        },
      ],
    },
    'POST /api/v1/ingest/:kind': {
      access: 'writer',
      scoped: true,
      build: (_role, where) => [
        {
          path: `/ingest/receptions?county=${where === 'in' ? JINSHA : DEJIANG}&dryRun=${where === 'in'}`,
          method: 'POST',
          json: [
            {
              接待日期: '2023-06-14',
              联络站: where === 'in' ? 'JS-ZZ-001' : ids.codeOut,
              接待群众人次: 3,
              记录编号: 'ACL-2',
            },
          ],
        },
      ],
    },
    'POST /api/v1/imports/:id/rollback': {
      access: 'writer',
      scoped: true,
      ok: [200, 409], // the first allowed role rolls it back, the next finds it already rolled back
      build: (_role, where) => [
        { path: `/imports/${where === 'in' ? ids.batchIn : ids.batchOut}/rollback`, method: 'POST' },
      ],
    },
    'PUT /api/v1/regions/:county/boundary': {
      access: 'writer',
      scoped: true,
      ok: [422], // not a GeoJSON of the county's townships: checked, refused, nothing stored
      build: (_role, where) => [
        {
          path: `/regions/${where === 'in' ? JINSHA : DEJIANG}/boundary`,
          method: 'PUT',
          raw: '{"type":"FeatureCollection","features":[]}',
        },
      ],
    },
    'DELETE /api/v1/regions/:county/boundary': {
      access: 'writer',
      scoped: true,
      ok: [200, 404], // 404: the county has no boundary to delete
      build: (_role, where) => [
        { path: `/regions/${where === 'in' ? JINSHA : DEJIANG}/boundary`, method: 'DELETE' },
      ],
    },
    'GET /api/v1/users': { access: 'admin', build: () => [{ path: '/users' }] },
    'GET /api/v1/audit': { access: 'admin', build: () => [{ path: '/audit' }] },
    'POST /api/v1/users': {
      access: 'admin',
      build: (role) => [
        {
          path: '/users',
          method: 'POST',
          json: {
            username: `acl-${role}`,
            displayName: '矩阵测试',
            role: 'clerk',
            regionCode: JINSHA,
            password: 'Matrix-pass-2026',
          },
        },
      ],
    },
    'PATCH /api/v1/users/:id': {
      access: 'admin',
      build: () => [
        { path: `/users/${ids.user}`, method: 'PATCH', json: { displayName: '金沙县人大办公室（演示）' } },
      ],
    },
  }

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
    // The front end: the modules' files and the shell (its page at / and every client route), public by design.
    expect(
      frontEnd.every((key) => /^(GET|ALL) \/((modules\/[\w-]+\/)?\*)?$/.test(key)),
      frontEnd.join(', '),
    ).toBe(true)
    expect(FRONT_END_REASON).toBeTruthy()
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
