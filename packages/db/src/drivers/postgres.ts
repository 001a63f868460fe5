import { drizzle } from 'drizzle-orm/postgres-js'
import { migrate } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import type { Db, DbHandle } from '../index.ts'
import { migrationsFolder } from '../index.ts'
import * as schema from '../schema/index.ts'
import { copyLine } from './copy-format.ts'

export function createPostgres(url: string, max: number): DbHandle {
  const client = postgres(url, {
    max,
    onnotice: () => {},
    connect_timeout: 5,
    // Every run of a prepared statement is planned for its own parameters: a generic plan, made without them, could
    // serve a province the index scan chosen for a county.
    connection: { plan_cache_mode: 'force_custom_plan' },
    // Dates stay 'YYYY-MM-DD' strings, as on PGlite.
    types: { date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x } },
  })
  const db = drizzle(preparingReads(client), { schema, casing: 'snake_case' }) as unknown as Db
  const parsed = new URL(url)
  return {
    kind: 'postgres',
    db,
    label: `PostgreSQL ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    migrate: async () => {
      await migrate(drizzle(client, { casing: 'snake_case' }), { migrationsFolder })
    },
    exec: async (script) => {
      await client.unsafe(script)
    },
    rows: async <T>(query: string, params: unknown[] = []) =>
      (await client.unsafe(query, params as postgres.ParameterOrJSON<never>[], {
        prepare: preparable(query, params),
      })) as unknown as T[],
    copyRows: async (table, columns, rows) => {
      const writable = await client.unsafe(`copy ${table} (${columns.join(', ')}) from stdin`).writable()
      await new Promise<void>((resolve, reject) => {
        writable.on('error', reject)
        writable.on('finish', resolve)
        let chunk = ''
        for (const row of rows) {
          chunk += copyLine(row)
          if (chunk.length > 1 << 16) {
            writable.write(chunk)
            chunk = ''
          }
        }
        writable.end(chunk)
      })
    },
    close: () => client.end({ timeout: 5 }),
  }
}

/**
 * The client drizzle uses, with its reads made named prepared statements (postgres.js keeps them per connection,
 * by text): a read's later runs skip parsing, and a computed overview of a county took a fifth less time. Writes
 * stay unnamed, as drizzle sends them: a multi-row insert has a new text for every row count.
 */
function preparingReads(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key !== 'unsafe') return Reflect.get(target, key, receiver)
      return (
        query: string,
        args?: postgres.ParameterOrJSON<never>[],
        options?: postgres.UnsafeQueryOptions,
      ) => target.unsafe(query, args, { ...options, prepare: preparable(query, args) })
    },
  })
}
/** A read with parameters: the statements worth keeping prepared (a plain text runs once, by the simple protocol). */
const preparable = (query: string, params: readonly unknown[] = []) => params.length > 0 && read.test(query)
const read = /^\s*select\b/i
