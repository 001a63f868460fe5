// The access matrix's rows (access-matrix.test.ts runs them): every API route the product registers, how to call it
// inside a role's scope and outside it, and who may.
/** Deliberately public, each with its reason. Everything else needs a session. */
export const PUBLIC: Record<string, string> = {
  'GET /api/v1/health': 'liveness for the process supervisor and load balancer; says only "ok"',
  'GET /api/v1/ready': 'readiness (database reachable) for the load balancer; no data',
  'POST /api/v1/auth/login': 'the way to get a session; throttled per user and per address',
}
/** Routes outside /api/v1 are the front end's static files (the shell and the modules' bundles): code and styles,
 * no data — every figure they show comes from the API, which refuses them without a session. */
export const FRONT_END_REASON = 'static front-end files (code, styles), no data'

/** `use(...)` entries of app.routes: the session check and caches on everything, the admin check on users/audit. Any
 * other ALL route would be an endpoint answering every method, and needs a row. */
export const MIDDLEWARE = ['ALL /api/v1/*', 'ALL /api/v1/users/*', 'ALL /api/v1/users', 'ALL /api/v1/audit']

export type Role = 'demo-admin' | 'demo-leader' | 'demo-township' | 'demo-analyst' | 'demo-clerk'
export const roles: Role[] = ['demo-admin', 'demo-leader', 'demo-township', 'demo-analyst', 'demo-clerk']
export type Where = 'in' | 'out'

export interface Req {
  path: string
  method?: string
  json?: unknown
  form?: () => FormData
  raw?: string
}
export interface Spec {
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

export const JINSHA = '520523'
export const MINXING = '520523005' // demo-township's township
export const DEJIANG = '520626'
const period = 'from=2023-01-01&to=2023-12-31'
const fig = (path: string) => (_role: Role, where: Where) => [
  { path: path.replace('{r}', where === 'in' ? JINSHA : DEJIANG) },
]
const csv = (station: string) => `接待日期,联络站,接待群众人次,记录编号\n2023-06-14,${station},9,ACL-1\n`

/** What the rows name, found in the seeded database before the first row is called. */
export interface MatrixIds {
  /** A station in 民兴街道 (demo-township's own township). */
  stationIn: number
  /** A station of another township of 金沙县. */
  stationOtherTownship: number
  /** A station of 德江县. */
  stationOut: number
  batchIn: number
  batchOut: number
  user: number
  /** A station code of 德江县: out-of-scope writes name it and are not dry runs, so a missing check would write. */
  codeOut: string
}

/** One row per API route: how to call it, and who may. The rows read `ids` when they are called, after the
 * test has found them in the seeded database. */
export function matrixRows(ids: MatrixIds): Record<string, Spec> {
  return {
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
}
