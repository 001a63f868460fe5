// All-or-nothing writing: one transaction, upsert by the register's key, every change recorded for rollback.
import type { Db } from '@liaison/db'
import { schema } from '@liaison/db'
import { rowsOf } from '@liaison/metrics'
import { sql } from 'drizzle-orm'
import type { Problem } from './problems.ts'
import type { ReceptionRecord } from './receptions.ts'

export interface WriteContext {
  county: string
  userId: number | null
  username: string | null
  source: 'file' | 'cli' | 'ingest'
  fileName: string | null
  sha256: string | null
  warnings: Problem[]
}

const same = (a: Record<string, unknown>, r: ReceptionRecord) =>
  a.kind === r.kind &&
  Number(a.visitors) === r.visitors &&
  Number(a.deputy_attendances) === r.deputyAttendances &&
  (a.opinions_noted ?? null) === r.opinionsNoted &&
  a.station_id === r.stationId &&
  a.occurred_on === r.occurredOn

/** Receptions keep their 记录编号 as the key; without one, an identical row (station, date, type, counts) is the same row. */
export async function writeReceptions(db: Db, records: ReceptionRecord[], ctx: WriteContext) {
  return db.transaction(async (tx) => {
    const [batch] = await tx
      .insert(schema.importBatches)
      .values({
        countyCode: ctx.county,
        userId: ctx.userId,
        source: ctx.source,
        fileName: ctx.fileName,
        fileSha256: ctx.sha256,
        kinds: ['receptions'],
        counts: {},
        warnings: ctx.warnings,
      })
      .returning({ id: schema.importBatches.id })
    const counts = { inserted: 0, updated: 0, unchanged: 0 }
    for (const r of records) {
      const [existing] = await rowsOf<Record<string, unknown>>(
        tx,
        r.recordNo
          ? sql`select * from receptions where county_code = ${ctx.county} and record_no = ${r.recordNo}`
          : sql`select * from receptions where station_id = ${r.stationId} and occurred_on = ${r.occurredOn} and kind = ${r.kind}
                and visitors = ${r.visitors} and deputy_attendances = ${r.deputyAttendances} and record_no is null limit 1`,
      )
      const values = {
        countyCode: ctx.county,
        townshipCode: r.townshipCode,
        stationId: r.stationId,
        occurredOn: r.occurredOn,
        kind: r.kind,
        visitors: r.visitors,
        deputyAttendances: r.deputyAttendances,
        opinionsNoted: r.opinionsNoted,
        recordNo: r.recordNo,
        note: r.note,
        importBatchId: batch!.id,
      }
      if (existing && same(existing, r)) {
        counts.unchanged++
        continue
      }
      if (existing) {
        await tx.update(schema.receptions).set(values).where(sql`id = ${existing.id}`)
        await tx.insert(schema.importChanges).values({
          batchId: batch!.id,
          tableName: 'receptions',
          rowKey: String(existing.id),
          action: 'update',
          previous: existing,
        })
        counts.updated++
      } else {
        const [row] = await tx
          .insert(schema.receptions)
          .values(values)
          .returning({ id: schema.receptions.id })
        await tx
          .insert(schema.importChanges)
          .values({ batchId: batch!.id, tableName: 'receptions', rowKey: String(row!.id), action: 'insert' })
        counts.inserted++
      }
    }
    await tx
      .update(schema.importBatches)
      .set({ counts: { receptions: counts } })
      .where(sql`id = ${batch!.id}`)
    await tx.insert(schema.auditLog).values({
      userId: ctx.userId,
      username: ctx.username,
      action: 'import',
      target: `batch ${batch!.id}`,
      details: { county: ctx.county, fileName: ctx.fileName, counts },
    })
    return { batchId: batch!.id, counts: { receptions: counts } }
  })
}
