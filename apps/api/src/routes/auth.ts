import { getConnInfo } from '@hono/node-server/conninfo'
import { loginBody } from '@liaison/contracts'
import { schema } from '@liaison/db'
import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { verifyPassword } from '../auth/password.ts'
import { createSession, revokeSession, SESSION_COOKIE, SESSION_HOURS } from '../auth/session.ts'
import { addressLimited, recordAddressFailure, recordFailure, recordSuccess } from '../auth/throttle.ts'
import { ApiError } from '../errors.ts'
import type { AppEnv } from '../types.ts'
import { validate } from '../validate.ts'
import { regionName } from './regions.ts'

const secure = (url: string, forwardedProto: string | undefined) =>
  url.startsWith('https:') || forwardedProto === 'https'

/** POST /auth/login is public; the rest of /auth sits behind requireUser (mounted in app.ts). */
export const loginRoutes = new Hono<AppEnv>().post('/auth/login', validate('json', loginBody), async (c) => {
  const { username, password } = c.req.valid('json')
  const { db } = c.get('deps').handle
  const ip = clientAddress(c)
  const tooMany = () =>
    new ApiError(
      429,
      'too_many_attempts',
      '尝试次数过多，请15分钟后再试 / Too many attempts, try again in 15 minutes',
    )
  if (addressLimited(ip)) throw tooMany()
  const [user] = await db.select().from(schema.users).where(eq(schema.users.username, username))
  if (user?.lockedUntil && user.lockedUntil > new Date()) throw tooMany()
  if (!user || user.disabledAt || !(await verifyPassword(password, user.passwordHash))) {
    recordAddressFailure(ip)
    if (user) await recordFailure(db, user, ip)
    throw new ApiError(401, 'invalid_credentials', '用户名或密码错误 / Wrong username or password')
  }
  await recordSuccess(db, user.id)
  const session = await createSession(db, user.id)
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: secure(c.req.url, c.get('deps').trustProxy ? c.req.header('x-forwarded-proto') : undefined),
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  })
  await db.insert(schema.auditLog).values({ userId: user.id, username: user.username, action: 'login', ip })
  return c.json({
    user: {
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      regionCode: user.regionCode,
      regionName: await regionName(db, user.regionCode),
    },
    csrfToken: session.csrfToken,
  })
})

function clientAddress(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown' // app.request() in tests has no socket
  }
}

export const sessionRoutes = new Hono<AppEnv>()
  .get('/auth/me', async (c) => {
    const u = c.get('user')
    return c.json({
      user: {
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        regionCode: u.regionCode,
        regionName: await regionName(c.get('deps').handle.db, u.regionCode),
      },
      csrfToken: c.get('session').csrfToken,
    })
  })
  .post('/auth/logout', async (c) => {
    await revokeSession(c.get('deps').handle.db, c.get('session').token)
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.json({ ok: true })
  })
