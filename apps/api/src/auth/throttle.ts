// Login throttling: per address in memory (a burst guard), per user in the database (survives restarts and
// workers). Five wrong passwords lock the account for 15 minutes; every lockout is written to the audit log.
import type { Db } from '@liaison/db'
import { schema } from '@liaison/db'
import { eq, sql } from 'drizzle-orm'

export const MAX_FAILURES = 5
export const LOCK_MINUTES = 15
const WINDOW_MS = 15 * 60_000
const MAX_PER_ADDRESS = 30

const byAddress = new Map<string, number[]>()

const recentFailures = (address: string, now: number) =>
  (byAddress.get(address) ?? []).filter((t) => now - t < WINDOW_MS)

/** True when this address has failed too often in the last 15 minutes (a spray across usernames). */
export function addressLimited(address: string, now = Date.now()): boolean {
  return recentFailures(address, now).length >= MAX_PER_ADDRESS
}

export function recordAddressFailure(address: string, now = Date.now()) {
  if (byAddress.size > 10_000) byAddress.clear() // bounded memory under a spray of addresses
  byAddress.set(address, [...recentFailures(address, now), now])
}

export async function recordFailure(
  db: Db,
  user: { id: number; username: string; failedLogins: number },
  ip: string,
) {
  const failures = user.failedLogins + 1
  const lock = failures >= MAX_FAILURES
  await db
    .update(schema.users)
    .set({
      failedLogins: failures,
      ...(lock ? { lockedUntil: sql`now() + make_interval(mins => ${LOCK_MINUTES})` } : {}),
    })
    .where(eq(schema.users.id, user.id))
  await db
    .insert(schema.auditLog)
    .values({ userId: user.id, username: user.username, action: lock ? 'login_locked' : 'login_failed', ip })
}

export async function recordSuccess(db: Db, userId: number) {
  await db.update(schema.users).set({ failedLogins: 0, lockedUntil: null }).where(eq(schema.users.id, userId))
}
