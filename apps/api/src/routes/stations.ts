import { detailScopeIssue, isDetailScope, periodDay, scopeQuery } from '@liaison/contracts'
import {
  catalogById,
  defaultScoreWeights,
  listStations,
  rankBy,
  stationDetail,
  stationScores,
} from '@liaison/metrics'
import { Hono } from 'hono'
import { z } from 'zod'
import { assertInScope } from '../auth/middleware.ts'
import { answer } from '../cache.ts'
import { badRequest, notFound } from '../errors.ts'
import type { AppEnv } from '../types.ts'
import { validate } from '../validate.ts'

const rankingQuery = scopeQuery
  .and(z.object({ metric: z.string(), level: z.enum(['area', 'township', 'station']).default('area') }))
  .refine((q) => q.level === 'area' || isDetailScope(q.region), detailScopeIssue)
/** A region whose stations are listed one by one: a county or a township. */
const stationsQuery = scopeQuery.refine((q) => isDetailScope(q.region), detailScopeIssue)
const weightsQuery = stationsQuery.and(
  z.object({
    // activity:0.3,resolution:0.3,satisfaction:0.2,standard:0.2
    weights: z
      .string()
      .regex(/^(\w+:\d*\.?\d+)(,\w+:\d*\.?\d+)*$/, 'weights as name:number,…')
      .optional(),
  }),
)

function parseWeights(text: string | undefined) {
  const weights = { ...defaultScoreWeights }
  for (const part of text?.split(',') ?? []) {
    const [name, value] = part.split(':') as [keyof typeof weights, string]
    if (!(name in weights))
      throw badRequest(`未知权重 / Unknown weight: ${name}`, [
        { field: 'weights', message: `unknown ${name}` },
      ])
    weights[name] = Number(value)
  }
  return weights
}

export const stationRoutes = new Hono<AppEnv>()
  .get('/ranking', validate('query', rankingQuery), async (c) => {
    const q = c.req.valid('query')
    if (!catalogById.has(q.metric))
      throw badRequest(`未知指标 / Unknown metric: ${q.metric}`, [
        { field: 'metric', message: 'unknown metric' },
      ])
    assertInScope(c, q.region)
    return answer(c, await rankBy(c.get('figures'), { ...q, level: q.level }))
  })
  .get('/stations', validate('query', stationsQuery), async (c) => {
    const q = c.req.valid('query')
    assertInScope(c, q.region)
    return answer(c, { stations: await listStations(c.get('figures'), q.region) })
  })
  .get('/stations/scores', validate('query', weightsQuery), async (c) => {
    const q = c.req.valid('query')
    assertInScope(c, q.region)
    const weights = parseWeights(q.weights)
    return answer(c, { weights, scores: await stationScores(c.get('figures'), q, weights) })
  })
  .get(
    '/stations/:id',
    validate('param', z.object({ id: z.coerce.number().int().positive() })),
    validate('query', z.object({ from: periodDay, to: periodDay })),
    async (c) => {
      const { id } = c.req.valid('param')
      const { from, to } = c.req.valid('query')
      const user = c.get('user')
      const detail = await stationDetail(c.get('figures'), id, from, to, user.role === 'admin')
      if (!detail) throw notFound()
      // Details stay inside the user's own region: a township head sees only their township's stations.
      assertInScope(c, String(detail.station.township_code), 'detail')
      return answer(c, detail)
    },
  )
