// Undo one import exactly: delete the rows it inserted, put back the rows it updated, in one transaction.
import type { Db } from '@liaison/db'
import { schema } from '@liaison/db'
import { rowsOf } from '@liaison/metrics'
import { and, eq, sql } from 'drizzle-orm'

export class RollbackRefused extends Error {}

/** Columns of a receptions row as the import recorded it (snake_case, from `select *`). */
const restorable = [
  'county_code',
  'township_code',
  'station_id',
  'occurred_on',
  'kind',
  'deputy_attendances',
  'visitors',
  'opinions_noted',
  'record_no',
  'note',
  'import_batch_id',
]

export async function rollbackImport(db: Db, batchId: number, user: { id: number; username: string } | null) {
  return db.transaction(async (tx) => {
    const [batch] = await tx.select().from(schema.importBatches).where(eq(schema.importBatches.id, batchId))
    if (!batch) throw new RollbackRefused(`没有编号为${batchId}的导入 / No import ${batchId}`)
    if (batch.status === 'rolled_back') throw new RollbackRefused('该导入已撤销 / Already rolled back')
    // A later import that touched the same rows would be undone silently: refuse instead.
    const [later] = await rowsOf<{ id: number }>(
      tx,
      sql`select b.id from import_batches b join import_changes c on c.batch_id = b.id
          where b.id > ${batchId} and b.status = 'applied' and c.table_name = 'receptions'
          and c.row_key in (select row_key from import_changes where batch_id = ${batchId}) limit 1`,
    )
    if (later)
      throw new RollbackRefused(
        `请先撤销之后的导入${later.id} / Roll back the later import ${later.id} first`,
      )
    const changes = await tx
      .select()
      .from(schema.importChanges)
      .where(eq(schema.importChanges.batchId, batchId))
    let deleted = 0
    let restored = 0
    for (const change of changes) {
      if (change.tableName !== 'receptions') continue
      if (change.action === 'insert') {
        await tx.delete(schema.receptions).where(eq(schema.receptions.id, Number(change.rowKey)))
        deleted++
      } else {
        const previous = change.previous as Record<string, unknown>
        const assignments = sql.join(
          restorable.map((column) => sql`${sql.identifier(column)} = ${previous[column] ?? null}`),
          sql`, `,
        )
        await tx.execute(sql`update receptions set ${assignments} where id = ${Number(change.rowKey)}`)
        restored++
      }
    }
    await tx
      .update(schema.importBatches)
      .set({ status: 'rolled_back', rolledBackAt: new Date(), rolledBackBy: user?.id ?? null })
      .where(and(eq(schema.importBatches.id, batchId)))
    await tx.insert(schema.auditLog).values({
      userId: user?.id ?? null,
      username: user?.username ?? null,
      action: 'import_rollback',
      target: `batch ${batchId}`,
      details: { deleted, restored },
    })
    return { batchId, deleted, restored, countyCode: batch.countyCode }
  })
}
