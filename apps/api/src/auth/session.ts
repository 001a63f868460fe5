import { createHash, randomBytes } from 'node:crypto'
import type { Db, DbHandle } from '@liaison/db'
import { schema } from '@liaison/db'
import { eq } from 'drizzle-orm'

export const SESSION_COOKIE = 'liaison_session'
export const SESSION_HOURS = 12

const digest = (token: string) => createHash('sha256').update(token).digest('hex')

/** A new session: the cookie holds a random token; the database only its SHA-256. */
export async function createSession(db: Db, userId: number) {
  const token = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000)
  await db.insert(schema.sessions).values({ id: digest(token), userId, csrfToken, expiresAt })
  return { token, csrfToken, expiresAt }
}

/** The live session of a token and its user. Every request asks this, so it is one plain statement rather than
 * a query built per request (the builder cost more CPU than the lookup on a cached answer). */
export async function findSession(handle: DbHandle, token: string) {
  const [row] = await handle.rows<SessionUser>(
    `select s.id as "sessionId", s.csrf_token as "csrfToken", s.expires_at as "expiresAt",
            u.id, u.username, u.display_name as "displayName", u.role, u.region_code as "regionCode"
       from sessions s join users u on u.id = s.user_id
      where s.id = $1 and s.revoked_at is null and s.expires_at > now() and u.disabled_at is null`,
    [digest(token)],
  )
  // postgres.js gives the timestamp as text here, PGlite as a Date.
  return row ? { ...row, expiresAt: new Date(row.expiresAt) } : null
}

export interface SessionUser {
  sessionId: string
  csrfToken: string
  expiresAt: Date
  id: number
  username: string
  displayName: string
  role: string
  regionCode: string | null
}

export async function revokeSession(db: Db, token: string) {
  await db
    .update(schema.sessions)
    .set({ revokedAt: new Date() })
    .where(eq(schema.sessions.id, digest(token)))
}
