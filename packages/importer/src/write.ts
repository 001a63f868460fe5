// All-or-nothing writing: one transaction, upsert by the register's key, every change recorded for rollback.
import type { ImportCounts } from '@liaison/contracts'
import type { Tx } from '@liaison/db'
import { schema } from '@liaison/db'
import { replyDay, rowsOf } from '@liaison/metrics'
import { type SQL, sql } from 'drizzle-orm'
import { type Problem, problem } from './problems.ts'
import type { DbRow, Register } from './registers/index.ts'
import { type CheckedRow, columnLabel } from './validate.ts'

export interface WriteContext {
  county: string
  userId: number | null
  username: string | null
  source: 'file' | 'cli' | 'ingest'
  fileName: string | null
  sha256: string | null
  warnings: Problem[]
}

export type Counts = ImportCounts

const CHUNK = 500
const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`
const id = (name: string) => sql.identifier(name)
const list = (names: readonly string[], prefix = '') =>
  sql.join(
    names.map((n) => (prefix ? sql`${sql.raw(prefix)}.${id(n)}` : id(n))),
    sql`, `,
  )
const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK))

/** The opinion's status history from its dates: one event per step reached (收集 → 上报 → 办理 → 答复 → 办结), the reply
 * dated as the figures date it. */
const opinionEvents = (where: SQL) => sql`
  insert into opinion_events (opinion_id, county_code, status, occurred_on)
  select o.id, o.county_code, s.status, s.day from opinions o
  cross join lateral (values
    ('collected', o.received_on, 1), ('reported', o.received_on, 2), ('handling', o.received_on, 3),
    ('replied', ${sql.raw(replyDay)}, 4), ('resolved', o.resolved_on, 5)) s(status, day, step)
  where ${where} and s.day is not null
    and s.step <= array_position(array['collected','reported','handling','replied','resolved'], o.status)`

/** A row as JSON, opinions with their status history (so a rollback restores both). */
const snapshot = (register: Register) =>
  register.table === 'opinions'
    ? sql`to_jsonb(t) || jsonb_build_object('_events', coalesce((select jsonb_agg(jsonb_build_object('status', e.status, 'occurred_on', e.occurred_on)) from opinion_events e where e.opinion_id = t.id), '[]'::jsonb))`
    : sql`to_jsonb(t)`

const keyOf = (cols: readonly string[], row: Record<string, unknown>) =>
  JSON.stringify(cols.map((c) => row[c] ?? null))

const same = (a: unknown, b: unknown) =>
  (a ?? null) === (b ?? null) || (typeof b === 'number' && a !== null && Number(a) === b)

async function existingRows(tx: Tx, register: Register, county: string, rows: DbRow[]) {
  const found = new Map<string, Record<string, unknown>[]>()
  const groups = new Map<string, DbRow[]>()
  for (const r of rows) {
    const cols = JSON.stringify(register.keyColumns(r))
    if (!groups.has(cols)) groups.set(cols, [])
    groups.get(cols)!.push(r)
  }
  for (const [colsJson, group] of groups) {
    const cols = JSON.parse(colsJson) as string[]
    // The first two key columns are never null: they find the candidates; the whole key decides in JS.
    const probe = cols.slice(0, 2)
    for (const chunk of chunks(group)) {
      const keys = chunk.map((r) => Object.fromEntries(probe.map((c) => [c, r[c]])))
      const hits = await rowsOf<{ row: Record<string, unknown> }>(
        tx,
        sql`select ${snapshot(register)} as row from ${id(register.table)} t
            where t.county_code = ${county} and (${list(probe, 't')}) in
            (select ${list(probe)} from jsonb_populate_recordset(null::${id(register.table)}, ${json(keys)}))`,
      )
      for (const { row } of hits) {
        const parsed = typeof row === 'string' ? (JSON.parse(row) as Record<string, unknown>) : row
        const key = keyOf(cols, parsed)
        if (!found.has(key)) found.set(key, [])
        const bucket = found.get(key)!
        if (!bucket.some((b) => b[register.idColumn] === parsed[register.idColumn])) bucket.push(parsed)
      }
    }
  }
  return found
}

export interface Planned {
  counts: Counts
  /** Updated rows that cannot be stored with the values they keep (Register.settle). */
  errors: Problem[]
  inserts: DbRow[]
  updates: { key: unknown; row: DbRow; previous: Record<string, unknown> }[]
}

/**
 * What writing the rows would do, reading only: new rows as toRow made them; an existing row updated from the
 * columns its sheet has, the others keeping their stored values (a file of two columns wipes nothing), and checked
 * as it will be stored.
 */
export async function planRows(tx: Tx, register: Register, rows: CheckedRow[], county: string) {
  const plan: Planned = {
    counts: { inserted: 0, updated: 0, unchanged: 0 },
    errors: [],
    inserts: [],
    updates: [],
  }
  const existing = await existingRows(
    tx,
    register,
    county,
    rows.map((r) => r.data),
  )
  for (const { sheet, row: number, data, given } of rows) {
    const keys = register.keyColumns(data)
    const previous = existing.get(keyOf(keys, data))?.shift()
    if (!previous) {
      plan.inserts.push(data)
      continue
    }
    const kept = new Set(
      Object.entries(register.sources)
        .filter(([column, from]) => !keys.includes(column) && !from.some((key) => given.has(key)))
        .map(([column]) => column),
    )
    const row = { ...data }
    for (const column of kept) row[column] = (previous[column] ?? null) as DbRow[string]
    const conflict = register.settle?.(row, previous, kept)
    if (conflict)
      plan.errors.push(
        problem(
          sheet,
          number,
          columnLabel(register.columns, given, conflict.key),
          null,
          conflict.zh,
          conflict.en,
        ),
      )
    else if (Object.keys(row).every((c) => same(previous[c], row[c]))) plan.counts.unchanged++
    else plan.updates.push({ key: previous[register.idColumn], row, previous })
  }
  return plan
}

/** An opinion's status history follows its status and dates: rebuilt only when one of them changes. */
const progress = ['status', 'received_on', 'replied_on', 'resolved_on']

export async function writeRows(tx: Tx, register: Register, plan: Planned, batchId: number, county: string) {
  const counts = { ...plan.counts }
  const stamped = (row: DbRow): DbRow => ({ ...row, import_batch_id: batchId })
  const inserts = plan.inserts.map(stamped)
  const updates = plan.updates.map((u) => ({ ...u, row: stamped(u.row) }))
  const table = id(register.table)
  const idCol = id(register.idColumn)
  for (const chunk of chunks(inserts)) {
    const cols = Object.keys(chunk[0]!)
    await tx.execute(sql`with ins as (
        insert into ${table} (${list(cols)})
        select ${list(cols)} from jsonb_populate_recordset(null::${table}, ${json(chunk)}) returning ${idCol})
      insert into import_changes (batch_id, table_name, row_key, action)
      select ${batchId}, ${register.table}, ins.${idCol}::text, 'insert' from ins`)
    counts.inserted += chunk.length
  }
  for (const chunk of chunks(updates)) {
    const cols = Object.keys(chunk[0]!.row)
    const items = chunk.map((u) => ({ key: String(u.key), row: u.row, previous: u.previous }))
    await tx.execute(sql`update ${table} t set (${list(cols)}) = (select ${list(cols)} from jsonb_populate_record(null::${table}, x.item->'row'))
      from jsonb_array_elements(${json(items)}) x(item)
      where t.${idCol}::text = x.item->>'key' and t.county_code = ${county}`)
    await tx.execute(sql`insert into import_changes (batch_id, table_name, row_key, action, previous)
      select ${batchId}, ${register.table}, x.item->>'key', 'update', x.item->'previous'
      from jsonb_array_elements(${json(items)}) x(item)`)
    const moved = items.filter((i) => progress.some((c) => !same(i.previous[c], i.row[c])))
    if (register.table === 'opinions' && moved.length)
      await tx.execute(
        sql`delete from opinion_events where opinion_id in (select (jsonb_array_elements_text(${json(moved.map((i) => i.key))}))::bigint)`,
      )
    counts.updated += chunk.length
  }
  if (register.table === 'opinions' && inserts.length + updates.length > 0)
    await tx.execute(
      opinionEvents(
        sql`o.import_batch_id = ${batchId} and not exists (select 1 from opinion_events e where e.opinion_id = o.id)`,
      ),
    )
  return counts
}

/** Open the import's batch row inside the transaction; `finish` records its counts and the audit row. */
export async function openBatch(tx: Tx, ctx: WriteContext, kinds: string[]) {
  const [batch] = await tx
    .insert(schema.importBatches)
    .values({
      countyCode: ctx.county,
      userId: ctx.userId,
      source: ctx.source,
      fileName: ctx.fileName,
      fileSha256: ctx.sha256,
      kinds,
      counts: {},
      warnings: ctx.warnings.slice(0, 1000),
    })
    .returning({ id: schema.importBatches.id })
  return batch!.id
}

export async function finishBatch(
  tx: Tx,
  batchId: number,
  ctx: WriteContext,
  counts: Record<string, Counts>,
) {
  await tx
    .update(schema.importBatches)
    .set({ counts, warnings: ctx.warnings.slice(0, 1000) })
    .where(sql`id = ${batchId}`)
  await tx.insert(schema.auditLog).values({
    userId: ctx.userId,
    username: ctx.username,
    action: 'import',
    target: `batch ${batchId}`,
    details: { county: ctx.county, source: ctx.source, fileName: ctx.fileName, counts },
  })
}
