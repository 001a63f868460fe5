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
    // Dates stay 'YYYY-MM-DD' strings, as on PGlite.
    types: { date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x } },
  })
  const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db
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
      (await client.unsafe(query, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
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
