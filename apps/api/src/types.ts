import type { Db } from '@liaison/db'
import type { UserRole } from '@liaison/db/enums'
import type { AppDeps } from './app.ts'
import type { SessionCopy } from './auth/session-copy.ts'
import type { Answer, Reader, ReadState } from './cache.ts'
import type { DataVersions } from './data-versions.ts'

/** What every request handler can read from the context, with `c.get(name)`: hono's `c.var` copies every
 * variable into a new object on each read. */
export interface AppEnv {
  Variables: {
    deps: AppDeps
    /** What every request would otherwise ask the database first, held in memory while nothing changes. */
    copies: { sessions: SessionCopy; versions: DataVersions }
    user: { id: number; username: string; displayName: string; role: UserRole; regionCode: string | null }
    session: { id: string; token: string; csrfToken: string }
    /** Where figures are read: the read replica when it is as current as the primary for the request's region,
     * else the primary (chooseReader). */
    figures: Db
    /** The data version of the counties a read request reads, and whether their rollups are current
     * (chooseReader; set on read paths only). */
    readState: ReadState
    /** The question chooseReader answers, asked before the session check (askReader). */
    reader: Promise<Reader> | undefined
    /** A figure route's encoded answer (answer()), for the cache. */
    answer: Answer
  }
}
