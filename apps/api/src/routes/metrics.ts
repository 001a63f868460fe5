import { metricsQuery, scopeQuery } from '@liaison/contracts'
import type { DbOrTx } from '@liaison/db'
import { buildNarrative, describeRegion, MetricsError, publicCatalog, queryMetrics } from '@liaison/metrics'
import { Hono } from 'hono'
import { z } from 'zod'
import { assertInScope } from '../auth/middleware.ts'
import { answer, rollupChoice } from '../cache.ts'
import { badRequest, notFound } from '../errors.ts'
import type { AppEnv } from '../types.ts'
import { validate } from '../validate.ts'

export async function regionRef(db: DbOrTx, code: string) {
  const region = await describeRegion(db, code)
  if (!region)
    throw badRequest(`未知地区 / Unknown region: ${code}`, [{ field: 'region', message: 'unknown region' }])
  return region
}

export const metricRoutes = new Hono<AppEnv>()
  .get('/metrics/catalog', (c) => answer(c, { metrics: publicCatalog() }))
  .get('/metrics', validate('query', metricsQuery), async (c) => {
    const q = c.req.valid('query')
    assertInScope(c, q.region)
    try {
      // The region's name is asked alongside the figures (an unknown region refuses the answer either way).
      const [region, { data, previous }] = await Promise.all([
        regionRef(c.get('figures'), q.region),
        queryMetrics(c.get('figures'), { ...q, ...rollupChoice(c, q.region) }),
      ])
      return answer(c, {
        data,
        meta: {
          region,
          from: q.from,
          to: q.to,
          compare: q.compare ?? null,
          previous,
          by: q.by ?? null,
          ids: q.ids,
        },
      })
    } catch (error) {
      if (error instanceof MetricsError) throw badRequest(error.message, error.details)
      throw error
    }
  })
  .get(
    '/narrative',
    validate('query', scopeQuery.and(z.object({ lang: z.enum(['zh', 'en']).optional() }))),
    async (c) => {
      const q = c.req.valid('query')
      assertInScope(c, q.region)
      const region = await regionRef(c.get('figures'), q.region)
      const narrative = await buildNarrative(c.get('figures'), q)
      if (!narrative) throw notFound()
      return answer(c, {
        region,
        from: q.from,
        to: q.to,
        lang: q.lang ?? 'zh',
        text: q.lang === 'en' ? narrative.en : narrative.zh,
      })
    },
  )
