import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '@liaison/db'
import { schema } from '@liaison/db'
import { and, eq, gt, isNull } from 'drizzle-orm'

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

export async function findSession(db: Db, token: string) {
  const [row] = await db
    .select({ session: schema.sessions, user: schema.users })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .where(
      and(
        eq(schema.sessions.id, digest(token)),
        isNull(schema.sessions.revokedAt),
        gt(schema.sessions.expiresAt, new Date()),
        isNull(schema.users.disabledAt),
      ),
    )
  return row ?? null
}

export async function revokeSession(db: Db, token: string) {
  await db
    .update(schema.sessions)
    .set({ revokedAt: new Date() })
    .where(eq(schema.sessions.id, digest(token)))
}
