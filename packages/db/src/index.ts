import { fileURLToPath } from 'node:url'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { lockDataDir } from './lock.ts'
import * as schema from './schema/index.ts'

export * from './lock.ts'
export { schema }

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>
/** A transaction handle: inside `db.transaction(tx => …)` use `tx`, never `db` (PGlite would deadlock). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type DbOrTx = Db | Tx

export interface DbHandle {
  kind: 'pglite' | 'postgres'
  db: Db
  /** Apply the drizzle-kit migrations (idempotent). */
  migrate(): Promise<void>
  /** Run a multi-statement SQL script (db.execute takes one statement only). */
  exec(script: string): Promise<void>
  /** Rows of a raw query, the same shape on both drivers. */
  rows<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>
  /** Stream rows into a table with COPY (text format, tab-separated). */
  copyRows(table: string, columns: string[], rows: Iterable<readonly unknown[]>): Promise<void>
  /**
   * Hear of changes others may have made: `on('changed')` after each NOTIFY on `channel` and after each write
   * through this handle, `on('listening')` once notifications arrive (again), `on('lost')` when they may be missed
   * (the listening connection broke; it is tried again every second).
   */
  listen(channel: string, on: (event: ListenEvent) => void): void
  close(): Promise<void>
  /** PGlite only: a tarball of the data directory, to start test databases from. */
  dumpDataDir?: () => Promise<Blob>
  /** A description without secrets, for log lines. */
  label: string
}

export type ListenEvent = 'listening' | 'changed' | 'lost'

export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url))

export interface CreateDbOptions {
  /** postgres:// URL; when absent the embedded PGlite is used. */
  url?: string | undefined
  /** PGlite data directory; `memory://` keeps it in memory (tests). */
  dataDir?: string | undefined
  /** PGlite only: a dump from `dumpDataDir` to start from (fast test databases). */
  loadDataDir?: Blob | File | undefined
  /** The same database on a connection that keeps its session, for LISTEN (default: `url`). */
  listenUrl?: string | undefined
  /** postgres.js pool size. */
  max?: number
}

export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  if (options.url) {
    const { createPostgres } = await import('./drivers/postgres.ts')
    return createPostgres(options.url, options.max ?? 10, options.listenUrl)
  }
  const dataDir = options.dataDir ?? './data'
  const inMemory = dataDir === 'memory://'
  const unlock = inMemory ? () => {} : lockDataDir(dataDir)
  try {
    const { createPglite } = await import('./drivers/pglite.ts')
    const handle = await createPglite(inMemory ? undefined : dataDir, options.loadDataDir)
    const close = handle.close
    handle.close = async () => {
      try {
        await close()
      } finally {
        unlock()
      }
    }
    return handle
  } catch (error) {
    unlock()
    throw error
  }
}

export { schema as tables }
