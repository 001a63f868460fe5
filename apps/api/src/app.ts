import type { DbHandle } from '@liaison/db'
import { Hono } from 'hono'
import { errorResponse, notFound } from './errors.ts'
import { healthRoutes } from './routes/health.ts'

export interface AppDeps {
  handle: DbHandle
  /** True when the demo data and demo accounts are in use. */
  demo: boolean
}

/** The API under /api/v1. Static files are mounted around it by server/serve.ts. */
export function createApi(deps: AppDeps) {
  const api = new Hono().basePath('/api/v1')
  api.onError(errorResponse)
  api.notFound((c) => errorResponse(notFound(), c))
  return api.route('/', healthRoutes(deps))
}

export type Api = ReturnType<typeof createApi>
