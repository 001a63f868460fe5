import type { DbHandle } from '@liaison/db'
import { ChangeFeed } from '../change-feed.ts'
import { findSession, type SessionUser } from './session.ts'

/** More than the open sessions of any one county's day; past it the copy starts again. */
const maxSessions = 10_000

/**
 * The live sessions recently seen, held in memory, so a request with a known session asks the database nothing to
 * check it. Any change to sessions or users (a logout, a password change, a disabled user: LISTEN sessions) drops
 * the whole copy; an entry also ends when its session expires.
 */
export class SessionCopy {
  private readonly feed: ChangeFeed
  private readonly entries = new Map<string, SessionUser>()
  /** The feed's mark the entries were read under. */
  private mark: number | null = null

  constructor(private readonly handle: DbHandle) {
    this.feed = new ChangeFeed(handle, 'sessions')
  }

  async find(token: string): Promise<SessionUser | null> {
    const mark = this.feed.mark()
    if (mark !== this.mark) {
      this.entries.clear()
      this.mark = mark
    }
    const hit = mark === null ? undefined : this.entries.get(token)
    if (hit && hit.expiresAt.getTime() > Date.now()) return hit
    const session = await findSession(this.handle, token)
    // Kept only when nothing changed while it was read: a logout that crossed the lookup is not undone.
    if (session && this.feed.current(mark)) {
      if (this.entries.size >= maxSessions) this.entries.clear()
      this.entries.set(token, session)
    }
    return session
  }
}
