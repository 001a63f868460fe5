// importFile / ingestRecords: a register in, a report out; written only when every row is right (and not a dry run).
import { createHash } from 'node:crypto'
import { beijingDay } from '@liaison/contracts'
import type { Db } from '@liaison/db'
import { batchRollupChanges, refreshRollups } from '@liaison/metrics'
import { loadLookups } from './lookups.ts'
import { type Problem, problem } from './problems.ts'
import { FileRefused, readFile, type Sheet } from './read-xlsx.ts'
import { planSheets } from './sheets.ts'
import { type CheckedRow, checkSheet, duplicatesAcrossSheets } from './validate.ts'
import { type Counts, finishBatch, openBatch, planRows, type WriteContext, writeRows } from './write.ts'

export { MAX_BYTES, MAX_UPLOAD_BYTES } from './limits.ts'
export type { Problem } from './problems.ts'
export { FileRefused, MAX_ROWS } from './read-xlsx.ts'
export { isKind, registers } from './registers/index.ts'

import { registers } from './registers/index.ts'

export { RollbackRefused, rollbackImport } from './rollback.ts'
export { templateFor } from './templates.ts'

export const MAX_INGEST = 5_000

import { type ImportUser, resolveCounty } from './county.ts'

export { type ImportUser, resolveCounty } from './county.ts'

export interface ImportRequest {
  buffer: Buffer
  fileName: string
  /** County code or name. */
  county: string
  /** The register of a CSV file (or the only register to read from a workbook). */
  kind?: string | undefined
  dryRun: boolean
  user: ImportUser | null
  source: 'file' | 'cli'
  /** For tests: "today" in Asia/Shanghai, for the future-date check. */
  today?: string
}

export type ImportReport =
  | {
      ok: true
      batchId: number | null
      counts: Record<string, Counts>
      warnings: Problem[]
      errors: []
    }
  | { ok: false; errors: Problem[]; warnings: Problem[] }

const refused = (sheet: string, value: unknown, zh: string, en: string): ImportReport => ({
  ok: false,
  errors: [problem(sheet, null, null, value, zh, en)],
  warnings: [],
})

interface RunOptions {
  county: string
  kind?: string | undefined
  dryRun: boolean
  user: ImportUser | null
  source: 'file' | 'cli' | 'ingest'
  fileName: string | null
  sha256: string | null
  today?: string | undefined
}

class Refused extends Error {}

/** PostgreSQL cannot store U+0000 in text: a NUL in any cell (a CSV from a broken export, a JSON record) failed the
 * whole import's transaction with a 500 and the row's values in the log (found by fuzzing). It carries nothing. */
function withoutNul(sheet: Sheet): Sheet {
  const clean = (v: unknown) =>
    typeof v === 'string' && v.includes('\u0000') ? v.replaceAll('\u0000', '') : v
  return { ...sheet, name: clean(sheet.name) as string, rows: sheet.rows.map((row) => row.map(clean)) }
}

/** Check and write register by register in ONE transaction (stations first, so the rows naming them find
 * them); any error, or a dry run, rolls everything back. */
async function run(db: Db, input: Sheet[], options: RunOptions): Promise<ImportReport> {
  const sheets = input.map(withoutNul)
  const county = await resolveCounty(db, options.county)
  if (!county) return refused('', options.county, '未知的县（区）', 'Unknown county')
  const plan = planSheets(sheets, options.kind)
  if (plan.error) return { ok: false, errors: [plan.error], warnings: plan.warnings }
  const errors: Problem[] = []
  const warnings = [...plan.warnings]
  const counts: Record<string, Counts> = {}
  // One "today" for every sheet of the import, in Beijing.
  const today = options.today ?? beijingDay(new Date())
  const ctx: WriteContext = {
    county,
    userId: options.user?.id ?? null,
    username: options.user?.username ?? null,
    source: options.source,
    fileName: options.fileName,
    sha256: options.sha256,
    warnings,
  }
  let batchId: number | null = null
  try {
    await db.transaction(async (tx) => {
      const kinds = registers.filter((r) => plan.sheets.some((s) => s.register === r))
      batchId = await openBatch(
        tx,
        ctx,
        kinds.map((r) => r.kind),
      )
      let rowCount = 0
      for (const register of kinds) {
        const lookups = await loadLookups(tx, county)
        const rows: CheckedRow[] = []
        const checkedSheets: { name: string; rows: CheckedRow[] }[] = []
        for (const { sheet } of plan.sheets.filter((s) => s.register === register)) {
          const checked = checkSheet(register, sheet, lookups, county, today)
          errors.push(...checked.errors)
          warnings.push(...checked.warnings)
          for (const r of checked.rows) rows.push(r)
          checkedSheets.push({ name: sheet.name, rows: checked.rows })
        }
        errors.push(...duplicatesAcrossSheets(register, checkedSheets, county))
        rowCount += rows.length
        // Planned (reading the stored rows) even when the file has errors: a conflict with a stored value is told
        // in the same round as the rest.
        const planned = await planRows(tx, register, rows, county)
        errors.push(...planned.errors)
        if (!errors.length) counts[register.kind] = await writeRows(tx, register, planned, batchId, county)
      }
      // A header without rows (or only 合计 rows) is not an import to confirm: it would be an empty batch.
      if (!errors.length && rowCount === 0)
        errors.push(
          problem(
            '',
            null,
            null,
            null,
            '表头下没有数据行，没有可导入的记录',
            'No data rows under the header: nothing to import',
          ),
        )
      if (errors.length || options.dryRun) throw new Refused()
      // The figures read the monthly rollups: rebuild the months this import touched, in the same transaction.
      await refreshRollups(tx, await batchRollupChanges(tx, batchId))
      await finishBatch(tx, batchId, ctx, counts)
    })
  } catch (error) {
    if (!(error instanceof Refused)) throw error
    if (errors.length) return { ok: false, errors, warnings }
    return { ok: true, batchId: null, counts, warnings, errors: [] }
  }
  return { ok: true, batchId, counts, warnings, errors: [] }
}

export async function importFile(db: Db, request: ImportRequest): Promise<ImportReport> {
  let sheets: Sheet[]
  try {
    sheets = await readFile(request.buffer, request.fileName)
  } catch (error) {
    if (error instanceof FileRefused) return refused(request.fileName, null, error.zh, error.en)
    throw error
  }
  return run(db, sheets, {
    ...request,
    sha256: createHash('sha256').update(request.buffer).digest('hex'),
  })
}

export interface IngestRequest {
  county: string
  dryRun: boolean
  user: ImportUser | null
  today?: string
}

/** JSON records (from an online liaison-station platform…): the same columns, checks and keys as a file. */
export async function ingestRecords(
  db: Db,
  kind: string,
  records: Record<string, unknown>[],
  request: IngestRequest,
) {
  if (records.length > MAX_INGEST)
    return refused(
      'ingest',
      records.length,
      `一次最多${MAX_INGEST}条记录`,
      `At most ${MAX_INGEST} records at a time`,
    )
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))]
  const sheet: Sheet = {
    name: 'ingest',
    rows: [columns, ...records.map((r) => columns.map((c) => r[c] ?? null))],
    // A key one record leaves out (another has it) keeps the stored value of that record's row.
    absent: new Map(
      records.map((r, i) => [i + 1, new Set(columns.flatMap((c, index) => (c in r ? [] : [index])))]),
    ),
    // Rows are numbered by record (1 = the first record), in the messages too (与第2行重复), not by a header row.
    rowOffset: -1,
  }
  return run(db, [sheet], { ...request, kind, source: 'ingest', fileName: null, sha256: null })
}
