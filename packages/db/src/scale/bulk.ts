// A bulk load without the tables' secondary indexes, unique and foreign-key constraints: COPY into a table that
// maintains them spent ~28 µs of the server's time per row (the generator itself ~10), so they are dropped first
// and built once at the end (a sort per index, a join per foreign key) — also when the load fails.
import type { DbHandle } from '../index.ts'

interface Definition {
  table: string
  name: string
  sql: string
}

export async function withoutIndexes<T>(handle: DbHandle, tables: readonly string[], load: () => Promise<T>) {
  const list = `{${tables.join(',')}}`
  const constraints = await handle.rows<Definition & { type: string }>(
    `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as sql, contype as type
     from pg_constraint where conrelid::regclass::text = any($1::text[]) and contype in ('f', 'u')
     order by contype`,
    [list],
  )
  const indexes = await handle.rows<Definition>(
    `select tablename as table, indexname as name, indexdef as sql from pg_indexes
     where schemaname = 'public' and tablename = any($1::text[])
       and indexname not in (select conname from pg_constraint where contype in ('p', 'u'))`,
    [list],
  )
  // Foreign keys first ('f' sorts before 'u'), then unique constraints and indexes; rebuilt the other way round.
  for (const c of constraints) await handle.exec(`alter table ${c.table} drop constraint "${c.name}"`)
  for (const i of indexes) await handle.exec(`drop index "${i.name}"`)
  try {
    return await load()
  } finally {
    for (const i of indexes) await handle.exec(i.sql)
    for (const c of [...constraints].reverse())
      await handle.exec(`alter table ${c.table} add constraint "${c.name}" ${c.sql}`)
  }
}
