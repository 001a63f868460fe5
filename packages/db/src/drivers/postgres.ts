import { drizzle } from 'drizzle-orm/postgres-js'
import { migrate } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import type { Db, DbHandle } from '../index.ts'
import { migrationsFolder } from '../index.ts'
import * as schema from '../schema/index.ts'
import { copyLine } from './copy-format.ts'
import { createListener } from './postgres-listen.ts'

export function createPostgres(url: string, max: number, listenUrl = url): DbHandle {
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
  const listener = createListener(listenUrl)
  const written = <T>(done: Promise<T>) => done.finally(listener.written)
  const unsafe = statements(client, written)
  const db = drizzle(preparingReads(client, unsafe, written), {
    schema,
    casing: 'snake_case',
  }) as unknown as Db
  const parsed = new URL(url)
  return {
    kind: 'postgres',
    db,
    label: `PostgreSQL ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    migrate: async () => {
      await migrate(drizzle(client, { casing: 'snake_case' }), { migrationsFolder })
    },
    exec: async (script) => {
      await written(client.unsafe(script))
    },
    rows: async <T>(query: string, params: unknown[] = []) =>
      (await unsafe(query, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
    listen: listener.listen,
    copyRows: (table, columns, rows) => written(copy(table, columns, rows)),
    close: async () => {
      await listener.close()
      await client.end({ timeout: 5 })
    },
  }

  async function copy(table: string, columns: string[], rows: Iterable<readonly unknown[]>) {
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
  }
}

/**
 * The client drizzle uses, with its reads made named prepared statements (postgres.js keeps them per connection,
 * by text): a read's later runs skip parsing, and a computed overview of a county took a fifth less time. Writes
 * stay unnamed, as drizzle sends them: a multi-row insert has a new text for every row count.
 */
function preparingReads(client: postgres.Sql, unsafe: Unsafe, written: Written): postgres.Sql {
  return new Proxy(client, {
    get(target, key, receiver) {
      // A transaction may write: the handle's listeners hear of it when it has ended.
      if (key === 'begin')
        return (...args: Parameters<postgres.Sql['begin']>) => written(target.begin(...args))
      return key === 'unsafe' ? unsafe : Reflect.get(target, key, receiver)
    },
  })
}

type Written = <T>(done: Promise<T>) => Promise<T>
type Unsafe = (
  query: string,
  args?: postgres.ParameterOrJSON<never>[],
  options?: postgres.UnsafeQueryOptions,
) => ReturnType<postgres.Sql['unsafe']>

/** One statement as the handle runs it, for drizzle and `rows` alike: a read with parameters prepared, anything
 * else told to `written` once it has run. */
function statements(client: postgres.Sql, written: Written): Unsafe {
  const typed = typesOnce(client)
  return (query, args, options) => {
    const run = typed(client.unsafe(query, args, { ...options, prepare: preparable(query, args) }))
    return read.test(query) ? run : afterRun(run, written)
  }
}

/**
 * postgres.js asks every new connection for the array types, and drops that query's promise: a connection lost
 * while it asks ends the process with an unhandled rejection (porsager/postgres#1192). The answer is kept for the
 * whole client (its parsers are shared), so once a query has run the later connections need not ask.
 */
function typesOnce(client: postgres.Sql) {
  const learned: Written = (done) =>
    done.then((result) => {
      client.options.fetch_types = false
      return result
    })
  return <Q extends PromiseLike<unknown>>(query: Q): Q =>
    client.options.fetch_types ? afterRun(query, learned) : query
}

/** The query, told to `written` once it has run. The hook goes on its `then`, so the query stays lazy and drizzle
 * may still ask it for `.values()` (which returns the same query) before awaiting it. */
function afterRun<Q extends PromiseLike<unknown>>(query: Q, written: Written): Q {
  const then = query.then.bind(query)
  return Object.assign(query, {
    // biome-ignore lint/suspicious/noThenProperty: wrapping the query's own then
    then: ((ok, fail) => written(Promise.resolve({ then })).then(ok, fail)) as Q['then'],
  })
}

/** A read with parameters: the statements worth keeping prepared (a plain text runs once, by the simple protocol). */
const preparable = (query: string, params: readonly unknown[] = []) => params.length > 0 && read.test(query)
const read = /^\s*select\b/i
