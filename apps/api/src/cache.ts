// ETags tied to the data's version: a repeated request for figures answers 304 without running a query, and
// any write to the data (statement triggers bump data_versions) changes every tag.
import { createHash, randomUUID } from 'node:crypto'
import { dataVersion } from '@liaison/metrics'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './types.ts'

/** Responses that depend only on the data, the user's role and scope, and the URL. */
const dataPaths = /^\/api\/v1\/(metrics|narrative|ranking|regions|stations|modules)(\/|$|\?)/

/** Differs per process: a restart (new code, new module URLs) never answers 304 to an older body. */
const boot = randomUUID()

export const dataEtag: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'GET' || !dataPaths.test(c.req.path)) return next()
  const { role, regionCode } = c.var.user
  const version = await dataVersion(c.var.deps.handle.db)
  const key = createHash('sha1').update(`${boot}|${version}|${role}|${regionCode}|${c.req.url}`).digest('hex')
  const tag = `W/"d${key.slice(0, 27)}"`
  const asked = c.req.header('if-none-match')
  if (asked?.split(',').some((t) => t.trim() === tag)) {
    return c.body(null, 304, { ETag: tag, 'Cache-Control': 'private, no-cache' })
  }
  await next()
  if (c.res.ok) c.res.headers.set('ETag', tag)
}
