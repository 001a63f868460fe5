import { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'
import type { Db, DbHandle } from '../index.ts'
import { migrationsFolder } from '../index.ts'
import * as schema from '../schema/index.ts'
import { copyLine } from './copy-format.ts'

export async function createPglite(
  dataDir: string | undefined,
  loadDataDir?: Blob | File,
): Promise<DbHandle> {
  const client = await PGlite.create({
    dataDir,
    loadDataDir,
    // Dates stay 'YYYY-MM-DD' strings, as on postgres.js.
    parsers: { 1082: (x: string) => x },
  })
  await client.exec(`set work_mem = '32MB'; set timezone = 'Asia/Shanghai'`)
  const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db
  return {
    kind: 'pglite',
    db,
    label: dataDir ? `embedded PGlite in ${dataDir}` : 'embedded PGlite in memory',
    migrate: async () => {
      await migrate(drizzle(client, { casing: 'snake_case' }), { migrationsFolder })
    },
    exec: async (script) => {
      await client.exec(script)
    },
    rows: async <T>(query: string, params: unknown[] = []) => (await client.query<T>(query, params)).rows,
    copyRows: async (table, columns, rows) => {
      let text = ''
      for (const row of rows) text += copyLine(row)
      await client.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], {
        blob: new Blob([text]),
      })
    },
    // One process owns the database, so every write's notification arrives here, before the write's promise settles
    // (PGlite runs the callbacks as microtasks while it reads the answer).
    listen: (channel, on) => {
      client
        .listen(channel, () => on('changed'))
        .then(
          () => on('listening'),
          () => on('lost'),
        )
    },
    dumpDataDir: () => client.dumpDataDir('gzip'),
    close: () => client.close(),
  }
}
