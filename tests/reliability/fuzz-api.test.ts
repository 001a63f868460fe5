// Bad input to the API: every route the app registers (read from app.routes, so a new route is fuzzed without
// being listed here) gets random path parameters, query strings and JSON bodies as an administrator (who passes
// every role check, so the input reaches the validators and the queries) and as a county's clerk. Every answer is
// a 2xx/4xx (never a 5xx) within a time bound; an error is JSON with a code and a human message and no stack
// trace; a refused write leaves every table's row count unchanged. Bounded for CI: ~25 s on 2 shared cores.
import { dimensions } from '@liaison/contracts'
import type { DbHandle } from '@liaison/db'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { badAnswer, fuzzApi, login, type Session, tableCounts } from './fuzz-helpers.ts'

const SEED = Number(process.env.FUZZ_SEED ?? 20261130)
const SCALE = Number(process.env.FUZZ_SCALE ?? 1)
const runs = (n: number) => Math.max(1, Math.round(n * SCALE))
/** No single request may take longer than this (a hang is a failure too). */
const SLOW_MS = 10_000

// Values that mean something to some route, mixed with nonsense: valid ones let a request get past one check
// and meet the next.
const good: Record<string, string[]> = {
  region: ['520523', '520626', '520523005', '52', '5205', 'CN', '520523005001'],
  // The first and last days a period may have (days.ts): compared, the earliest reads 1799.
  from: ['2023-01-01', '2023-06-30', '1950-01-01', '1900-01-01', '0001-01-01', '2023-02-30', '2023-1-1'],
  to: ['2023-12-31', '2024-06-30', '9999-12-31', '2023-01-01', '2100-12-31'],
  compare: ['yoy', 'mom', 'YOY'],
  by: [...dimensions],
  ids: [
    'receptions',
    'receptions,visitors,resolution_rate',
    'satisfaction_rate,coverage',
    'nope',
    ',,,',
    'receptions,receptions',
  ],
  metric: ['receptions', 'resolution_rate', 'opinions'],
  level: ['area', 'township', 'station'],
  weights: [
    'activity:0.3,resolution:0.3,satisfaction:0.2,standard:0.2',
    'activity:1e308',
    'activity:0',
    'x:1',
  ],
  lang: ['zh', 'en'],
  watermark: ['user', '某县人大常委会', '<script>alert(1)</script>'],
  background: ['white', 'dark'],
  chart: ['trend', 'categories', 'channels', 'townships', 'funding', 'reportback'],
  scale: ['1', '2', '3', '0', '1e9'],
  bundle: ['townships'],
  county: ['520523', '金沙县', '520626'],
  dryRun: ['true', 'false'],
}
const params: Record<string, string[]> = {
  county: ['520523', '520626', '000000', '52052', '5205231'],
  id: ['1', '2', '0', '-1', '1.5', '99999999999999999999', 'NaN', '1e3'],
  name: ['overview', 'stations', 'opinions', 'funding', 'reportback', '__proto__', 'constructor'],
  kind: ['receptions', 'stations', 'deputies', 'opinions', 'projects', 'reportbacks', 'plans', 'toString'],
  file: ['receptions.xlsx', 'stations.xlsx', '..%2F..%2Fetc%2Fpasswd', 'x.xlsx'],
}

const nasty = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.constantFrom(
    '',
    ' ',
    '%00',
    '%',
    '%ZZ',
    '\u0000',
    '../../etc/passwd',
    "' or 1=1 --",
    '$(id)',
    '{{7*7}}',
    'null',
    'undefined',
    '[]',
    '{}',
    'true',
    '-0',
    '9'.repeat(400),
  ),
  fc.constant('区'.repeat(20_000)), // 60 KB of UTF-8 in one value
  fc.string({ maxLength: 8 }).map((x) => `${x}\u0000${x}`), // PostgreSQL cannot store a NUL
)
const value = (key: string) =>
  good[key]
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...good[key]!) }, { weight: 2, arbitrary: nasty })
    : nasty
const queryKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...Object.keys(good)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
)
/** A query string: known keys with good or nasty values, repeated keys (arrays), unknown keys. */
const query = fc
  .array(
    queryKey.chain((k) => fc.tuple(fc.constant(k), value(k))),
    { maxLength: 8 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'))
const paramValue = (name: string) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...(params[name] ?? ['x'])) },
    { weight: 1, arbitrary: nasty },
  )

/** JSON bodies: anything JSON can say, plus near-valid bodies of the routes that take one. */
const json = fc.oneof(
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        username: fc.oneof(fc.constantFrom('demo-admin', 'fuzz-user', 'a'), nasty),
        password: fc.oneof(fc.constantFrom('demo', 'Passw0rd1234'), nasty),
        displayName: nasty,
        role: fc.oneof(fc.constantFrom('admin', 'leader', 'clerk', 'township_head', 'analyst'), nasty),
        regionCode: fc.oneof(fc.constantFrom('520523', '520626', '520523005', null), nasty),
        current: fc.oneof(fc.constant('wrong'), nasty),
        next: nasty,
        disabled: fc.oneof(fc.boolean(), nasty),
      },
      { requiredKeys: [] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.array(
      fc.dictionary(
        fc.constantFrom('接待日期', '联络站', '接待群众人次', '记录编号', '__proto__', 'constructor'),
        fc.oneof(nasty, fc.jsonValue({ maxDepth: 2 })),
      ),
      { maxLength: 5 },
    ),
  },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 6_000 }, () => ({}))) }, // over the ingest limit
)
/** Raw bodies that are not JSON at all, or JSON cut short. */
const rawBody = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    '{',
    '{"username":',
    '[1,2',
    '\u0000',
    '{"a":1}{"b":2}',
    'null',
    '"x"',
    '1e999',
    `{"x":"${'y'.repeat(1 << 20)}"}`,
    `{"deep":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
  ),
)

const CONTENT_TYPES = [
  'application/json',
  'multipart/form-data; boundary=xxx',
  'multipart/form-data',
  'application/x-www-form-urlencoded',
  'text/plain',
  'application/json; charset=gbk',
  'application/geo+json',
  '',
]
/** The content type a body claims: mostly JSON, sometimes a form (broken multipart included) or none at all. */
const contentType = fc.oneof(
  { weight: 4, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...CONTENT_TYPES),
  },
)
const anyBody = fc
  .tuple(
    fc.oneof(
      json.map((j) => ({ json: j })),
      rawBody.map((raw) => ({ raw })),
    ),
    contentType,
  )
  .map(([body, type]) => ({ ...body, type }))

interface Route {
  method: string
  path: string
}

let tried = 0
const failures: string[] = []
const slow: string[] = []
const statuses: Record<number, number> = {}

describe('fuzz: every API route', () => {
  let handle: DbHandle
  let api: Awaited<ReturnType<typeof fuzzApi>>['api']
  let sessions: Record<string, Session>
  let routes: Route[]
  let baseline: Record<string, number>

  beforeAll(async () => {
    ;({ handle, api, sessions } = await fuzzApi(['demo-admin', 'demo-clerk', 'demo-township']))
    const seen = new Set<string>()
    routes = api.routes
      .filter(
        (r) => r.method !== 'ALL' && !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`),
      )
      .map((r) => ({ method: r.method, path: r.path.replace('/api/v1', '') }))
    baseline = await tableCounts(handle)
  })
  afterAll(async () => {
    console.log(
      `fuzz: ${tried} API cases on ${routes?.length} routes, ${failures.length} failures, ${slow.length} slow; answers ${JSON.stringify(statuses)}`,
    )
    await handle?.close()
  })

  async function send(
    route: Route,
    path: string,
    user: string | null,
    body?: { json?: unknown; raw?: string; type?: string },
  ) {
    tried++
    const s = user ? sessions[user]! : null
    const headers: Record<string, string> = s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}
    let payload: string | undefined
    if (body && route.method !== 'GET') {
      if (body.type !== '') headers['content-type'] = body.type ?? 'application/json'
      payload = body.raw ?? JSON.stringify(body.json)
    }
    const label = `${route.method} ${path.slice(0, 200)}${payload ? ` body ${payload.slice(0, 120)}` : ''} as ${user}`
    const t0 = performance.now()
    const res = await api.request(`/api/v1${path}`, { method: route.method, headers, body: payload })
    const wrong = await badAnswer(res, [200, 201, 400, 401, 403, 404, 409, 413, 422, 429])
    const ms = performance.now() - t0
    statuses[res.status] = (statuses[res.status] ?? 0) + 1
    if (wrong) failures.push(`${label}: ${wrong}`)
    if (ms > SLOW_MS) slow.push(`${label}: ${Math.round(ms)} ms`)
    if (route.method !== 'GET') {
      const after = await tableCounts(handle)
      // A refused write writes nothing. (An accepted one may: a fuzzed user created, a boundary deleted.)
      // A failed login records the failure (the lockout counter and the audit log): that write is the design.
      const recorded = route.path === '/auth/login' ? ['audit_log', 'users'] : []
      const changed = Object.keys(after).filter((t) => after[t] !== baseline[t] && !recorded.includes(t))
      if (res.status >= 400 && changed.length) {
        failures.push(`${label}: refused (${res.status}) yet wrote to ${changed.join(', ')}`)
      }
      baseline = after
    }
    return res.status
  }

  /** A path with its parameters filled in. */
  const pathOf = (route: Route) =>
    fc.tuple(...(route.path.match(/:\w+/g) ?? []).map((p) => paramValue(p.slice(1)))).map((values) => {
      let i = 0
      return route.path.replace(/:\w+/g, () => encodeURIComponent(values[i++]!))
    })

  // Logging out, changing one's password and logging in (which throttles an address after failures) change the
  // sessions the other cases use: they are fuzzed last, on their own.
  const sessionChanging = (r: Route) => ['/auth/logout', '/auth/login'].includes(r.path)

  it('fuzzes query strings and path parameters of every route', async () => {
    const targets = routes.filter((r) => !sessionChanging(r))
    expect(targets.length).toBeGreaterThan(30)
    for (const route of targets) {
      await fc.assert(
        fc.asyncProperty(
          pathOf(route),
          query,
          fc.constantFrom('demo-admin', 'demo-clerk', 'demo-township'),
          async (path, q, user) => {
            await send(route, `${path}?${q}`, user, route.method === 'GET' ? undefined : { json: {} })
          },
        ),
        { seed: SEED, numRuns: runs(route.path.startsWith('/exports') ? 5 : 12) },
      )
    }
    expect(failures).toEqual([])
    expect(slow).toEqual([])
  }, 120_000)

  it('fuzzes the bodies (JSON, broken JSON, broken forms) of every route that writes', async () => {
    const targets = routes.filter((r) => r.method !== 'GET' && !sessionChanging(r))
    // First systematically: each writing route, with good path parameters, × each content type × a broken body.
    for (const route of targets) {
      const path = route.path.replace(/:(\w+)/g, (_, name: string) => params[name]?.[0] ?? 'x')
      for (const type of CONTENT_TYPES)
        for (const raw of [
          'garbage',
          '--xxx\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc',
          '{"a":',
        ])
          await send(route, `${path}?county=520523`, 'demo-admin', { raw, type })
    }
    for (const route of targets) {
      await fc.assert(
        fc.asyncProperty(pathOf(route), query, anyBody, async (path, q, body) => {
          await send(route, `${path}?${q}`, 'demo-admin', body)
        }),
        { seed: SEED, numRuns: runs(20) },
      )
    }
    expect(failures).toEqual([])
    expect(slow).toEqual([])
  }, 120_000)

  it('fuzzes logout, then login, last (they change sessions and throttle the address)', async () => {
    const logout = { method: 'POST', path: '/auth/logout' }
    await fc.assert(
      fc.asyncProperty(anyBody, async (body) => {
        sessions['demo-clerk'] = await login(api, 'demo-clerk')
        tried++ // the login above
        await send(logout, '/auth/logout', 'demo-clerk', body)
      }),
      { seed: SEED, numRuns: runs(5) },
    )
    const loginRoute = { method: 'POST', path: '/auth/login' }
    for (const username of ['demo-admin\u0000', '\u0000', 'demo-admin'.repeat(1000), '\ud800'])
      await send(loginRoute, '/auth/login', null, { json: { username, password: 'x' } })
    await fc.assert(
      fc.asyncProperty(anyBody, async (body) => {
        await send(loginRoute, '/auth/login', null, body)
      }),
      { seed: SEED, numRuns: runs(40) },
    )
    expect(failures).toEqual([])
  }, 60_000)
})
