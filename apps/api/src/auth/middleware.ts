import type { UserRole } from '@liaison/db/enums'
import { covers } from '@liaison/metrics'
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { ApiError, forbidden, unauthorized } from '../errors.ts'
import type { AppEnv } from '../types.ts'
import { SESSION_COOKIE } from './session.ts'

/** Every route but health, readiness and login: a live session, and a CSRF token on state-changing requests. */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE)
  const found = token ? await c.get('copies').sessions.find(token) : null
  if (!found) throw unauthorized()
  if (
    !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) &&
    c.req.header('x-csrf-token') !== found.csrfToken
  ) {
    throw new ApiError(403, 'csrf', '请求缺少有效的 CSRF 令牌 / Missing or wrong CSRF token')
  }
  c.set('user', {
    id: found.id,
    username: found.username,
    displayName: found.displayName,
    role: found.role as UserRole,
    regionCode: found.regionCode,
  })
  c.set('session', { id: found.sessionId, token: token!, csrfToken: found.csrfToken })
  await next()
}

export const requireRole =
  (...roles: UserRole[]): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (!roles.includes(c.get('user').role))
      throw forbidden('当前角色无权执行此操作 / Your role may not do this')
    await next()
  }

/**
 * The region a user may read figures for. A township head compares all townships of their county,
 * so aggregated figures open to the county; details (stations, people) stay inside their own township.
 */
export function readableRegion(
  user: AppEnv['Variables']['user'],
  purpose: 'figures' | 'detail' = 'figures',
): string | null {
  if (user.role === 'admin') return null
  const code = user.regionCode!
  return user.role === 'township_head' && purpose === 'figures' ? code.slice(0, 6) : code
}

export function assertInScope(c: Context<AppEnv>, code: string, purpose: 'figures' | 'detail' = 'figures') {
  if (!covers(readableRegion(c.get('user'), purpose), code)) throw forbidden()
}
