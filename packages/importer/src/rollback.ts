// Undo one import exactly: delete the rows it inserted, put back the rows it updated, in one transaction.
import type { Db, Tx } from '@liaison/db'
import { schema } from '@liaison/db'
import { importKinds } from '@liaison/db/enums'
import { batchRollupChanges, refreshRollups, rowsOf } from '@liaison/metrics'
import { eq, sql } from 'drizzle-orm'
import { registers } from './registers/index.ts'

export class RollbackRefused extends Error {}

const kindLabel = (kind: string) => importKinds.find((k) => k.value === kind) ?? { zh: kind, en: kind }

/** The SQLSTATE of a driver error, looking through drizzle's wrapping. */
function causeCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (typeof e.code === 'string') return e.code
  return undefined
}

async function columnsOf(tx: Tx, table: string, idColumn: string) {
  const rows = await rowsOf<{ column_name: string }>(
    tx,
    sql`select column_name from information_schema.columns
        where table_schema = current_schema() and table_name = ${table} order by ordinal_position`,
  )
  return rows.map((r) => r.column_name).filter((c) => c !== idColumn && c !== 'id')
}

export async function rollbackImport(db: Db, batchId: number, user: { id: number; username: string } | null) {
  return db.transaction(async (tx) => {
    const [batch] = await tx.select().from(schema.importBatches).where(eq(schema.importBatches.id, batchId))
    if (!batch) throw new RollbackRefused(`没有批次 ${batchId} / No import batch ${batchId}`)
    if (batch.status === 'rolled_back') throw new RollbackRefused('该导入已撤销 / Already rolled back')
    // A later import that touched the same rows would be undone silently: refuse instead.
    const [later] = await rowsOf<{ id: number }>(
      tx,
      sql`select b.id from import_batches b join import_changes c on c.batch_id = b.id
          join import_changes mine on mine.batch_id = ${batchId} and mine.table_name = c.table_name and mine.row_key = c.row_key
          where b.id > ${batchId} and b.status = 'applied' and b.county_code = ${batch.countyCode} limit 1`,
    )
    if (later)
      throw new RollbackRefused(
        `请先撤销批次 ${later.id}（它在这次之后导入，改动了同样的记录） / Roll back batch ${later.id} first (it was imported later and changed the same rows)`,
      )
    let deleted = 0
    let restored = 0
    const county = batch.countyCode
    // Read before the undo, while the imported rows still stand; rebuilt after it.
    const touched = await batchRollupChanges(tx, batchId)
    // Reverse writing order: receptions before the stations they name.
    for (const register of [...registers].reverse()) {
      const table = sql.identifier(register.table)
      const idCol = sql.identifier(register.idColumn)
      const mine = sql`select row_key from import_changes where batch_id = ${batchId} and table_name = ${register.table}`
      const removed = await rowsOf<{ n: number }>(
        tx,
        sql`with d as (delete from ${table} t where t.county_code = ${county}
              and t.${idCol}::text in (${mine} and action = 'insert') returning 1)
            select count(*)::int as n from d`,
      ).catch((error: unknown) => {
        // Rows written since (by a later import or by hand) name a station or deputy this import added.
        if (causeCode(error) === '23503')
          throw new RollbackRefused(
            `之后的数据仍引用本次导入新增的${kindLabel(register.kind).zh}，请先撤销或修改这些数据 / Later records still refer to ${kindLabel(register.kind).en.toLowerCase()} this import added; roll those back or change them first`,
          )
        throw error
      })
      deleted += Number(removed[0]?.n ?? 0)
      const updates = await rowsOf<{ n: number }>(
        tx,
        sql`select count(*)::int as n from import_changes where batch_id = ${batchId} and table_name = ${register.table} and action = 'update'`,
      )
      if (!Number(updates[0]?.n)) continue
      const cols = sql.join(
        (await columnsOf(tx, register.table, register.idColumn)).map((c) => sql.identifier(c)),
        sql`, `,
      )
      await tx.execute(sql`update ${table} t set (${cols}) = (select ${cols} from jsonb_populate_record(null::${table}, c.previous))
        from import_changes c where c.batch_id = ${batchId} and c.table_name = ${register.table} and c.action = 'update'
        and t.${idCol}::text = c.row_key and t.county_code = ${county}`)
      if (register.table === 'opinions') {
        await tx.execute(
          sql`delete from opinion_events where opinion_id::text in (${mine} and action = 'update')`,
        )
        await tx.execute(sql`insert into opinion_events (opinion_id, county_code, status, occurred_on)
          select c.row_key::bigint, ${county}, e->>'status', (e->>'occurred_on')::date
          from import_changes c cross join lateral jsonb_array_elements(coalesce(c.previous->'_events', '[]'::jsonb)) e
          where c.batch_id = ${batchId} and c.table_name = 'opinions' and c.action = 'update'`)
      }
      restored += Number(updates[0]!.n)
    }
    await refreshRollups(tx, touched)
    await tx
      .update(schema.importBatches)
      .set({ status: 'rolled_back', rolledBackAt: new Date(), rolledBackBy: user?.id ?? null })
      .where(eq(schema.importBatches.id, batchId))
    await tx.insert(schema.auditLog).values({
      userId: user?.id ?? null,
      username: user?.username ?? null,
      action: 'import_rollback',
      target: `batch ${batchId}`,
      details: { deleted, restored },
    })
    return { batchId, deleted, restored, countyCode: county }
  })
}
