import type { DbHandle } from '@liaison/db'
import { Hono } from 'hono'
import { etag } from 'hono/etag'
import { requireUser } from './auth/middleware.ts'
import { SessionCopy } from './auth/session-copy.ts'
import { askReader, chooseReader, dataCache, ResponseCache } from './cache.ts'
import { DataVersions } from './data-versions.ts'
import { errorResponse, notFound } from './errors.ts'
import { Gate } from './gate.ts'
import { loginRoutes, sessionRoutes } from './routes/auth.ts'
import { boundaryRoutes } from './routes/boundaries.ts'
import { exportRoutes } from './routes/exports.ts'
import { healthRoutes } from './routes/health.ts'
import { importRoutes } from './routes/imports.ts'
import { metricRoutes } from './routes/metrics.ts'
import { moduleDataRoutes } from './routes/module-data.ts'
import { moduleRoutes } from './routes/modules.ts'
import { openApiRoutes } from './routes/openapi.ts'
import { overviewRoutes } from './routes/overview.ts'
import { regionRoutes } from './routes/regions.ts'
import { stationRoutes } from './routes/stations.ts'
import { userRoutes } from './routes/users.ts'
import type { AppEnv } from './types.ts'

export interface AppDeps {
  handle: DbHandle
  /** A streaming replica for figure reads (DATABASE_READ_URL); writes and sessions stay on `handle`. */
  replica?: DbHandle | undefined
  /** True when the demo data and demo accounts are in use. */
  demo: boolean
  /** Modules come from their Vite dev servers (`pnpm dev`) instead of their built dist/. */
  devModules?: boolean
  /** Behind a reverse proxy: trust X-Forwarded-Proto for Secure cookies. */
  trustProxy?: boolean
  /** Memory for cached figure answers (default 32 MB; 0 turns the cache off). */
  cacheBytes?: number
  /** Figure answers computed at once per process; more wait their turn (default 4). Each answer runs several
   * queries at once, so four keep the pool busy; more at once finish no sooner and hold more memory. */
  computeSlots?: number
}

/** The API under /api/v1. Static files are mounted around it by server/static.ts. */
export function createApi(deps: AppDeps) {
  const cacheBytes = deps.cacheBytes ?? 32 * 1024 * 1024
  const cache = cacheBytes > 0 ? new ResponseCache(cacheBytes) : null
  const copies = { sessions: new SessionCopy(deps.handle), versions: new DataVersions(deps.handle) }
  const api = new Hono<AppEnv>().basePath('/api/v1')
  api.onError(errorResponse)
  api.notFound((c) => errorResponse(notFound(), c))
  api.use(async (c, next) => {
    c.set('deps', deps)
    c.set('copies', copies)
    await next()
  })
  // Public: health, readiness, login. Everything else needs a session.
  api.route('/', healthRoutes(deps))
  api.route('/', loginRoutes)
  const secured = new Hono<AppEnv>()
  secured.use(askReader)
  secured.use(requireUser)
  // Responses carry an ETag of their body, so a repeated request answers 304 until the data changes.
  secured.use(etag())
  // Set before the handler answers: a header set on a finished response turns its body into a stream, and every
  // response would then be written through web streams (a sixth of the API's CPU when answering from the cache).
  secured.use(async (c, next) => {
    c.header('Cache-Control', 'private, no-cache')
    await next()
  })
  // Figures: a tag from the data version, the user's scope and the URL, checked before any query runs, and the
  // answer kept in memory under the same key. Answers not in memory are computed a few at a time.
  secured.use(chooseReader)
  secured.use(dataCache(cache, new Gate(deps.computeSlots ?? 4)))
  secured
    .route('/', sessionRoutes)
    .route('/', regionRoutes)
    .route('/', boundaryRoutes)
    .route('/', moduleRoutes)
    .route('/', metricRoutes)
    .route('/', overviewRoutes)
    .route('/', moduleDataRoutes)
    .route('/', stationRoutes)
    .route('/', openApiRoutes)
    .route('/', userRoutes)
    .route('/', importRoutes)
    .route('/', exportRoutes)
  api.route('/', secured)
  return api
}

export type Api = ReturnType<typeof createApi>
