// importFile: a register file in, a report out; written only when every row is right (and not a dry run).
import { createHash } from 'node:crypto'
import type { Db } from '@liaison/db'
import { rowsOf } from '@liaison/metrics'
import { sql } from 'drizzle-orm'
import { type Problem, problem } from './problems.ts'
import { FileRefused, readFile } from './read.ts'
import { checkReceptions, findHeader } from './receptions.ts'
import { writeReceptions } from './write.ts'

export type { Problem } from './problems.ts'
export { FileRefused, MAX_BYTES, MAX_ROWS } from './read.ts'

export interface ImportRequest {
  buffer: Buffer
  fileName: string
  /** County code or name. */
  county: string
  dryRun: boolean
  user: { id: number; username: string } | null
  source: 'file' | 'cli'
  /** For tests: "today" in Asia/Shanghai, for the future-date check. */
  today?: string
}

export type ImportReport =
  | {
      ok: true
      batchId: number | null
      counts: Record<string, { inserted: number; updated: number; unchanged: number } | { rows: number }>
      warnings: Problem[]
      errors: []
    }
  | { ok: false; errors: Problem[]; warnings: Problem[] }

/** A county by code or by its name. */
export async function resolveCounty(db: Db, county: string): Promise<string | null> {
  const rows = await rowsOf<{ code: string }>(
    db,
    sql`select code from regions where level = 'county' and (code = ${county} or name = ${county.trim()})`,
  )
  return rows.length === 1 ? rows[0]!.code : null
}

const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

export async function importFile(db: Db, request: ImportRequest): Promise<ImportReport> {
  const county = await resolveCounty(db, request.county)
  if (!county)
    return {
      ok: false,
      errors: [problem('', null, null, request.county, '未知的县（区）', 'Unknown county')],
      warnings: [],
    }
  let sheets: Awaited<ReturnType<typeof readFile>>
  try {
    sheets = await readFile(request.buffer, request.fileName)
  } catch (error) {
    if (error instanceof FileRefused)
      return {
        ok: false,
        errors: [problem(request.fileName, null, null, null, error.zh, error.en)],
        warnings: [],
      }
    throw error
  }
  // This version reads the receptions register (接待记录); the sheet is found by its name or its header.
  const sheet =
    sheets.find((s) => /接待|reception/i.test(s.name)) ??
    sheets.find((s) => findHeader(s) !== null) ??
    sheets[0]
  if (!sheet)
    return {
      ok: false,
      errors: [problem(request.fileName, null, null, null, '文件为空', 'The file is empty')],
      warnings: [],
    }
  const { errors, warnings, records } = await checkReceptions(
    db,
    sheet,
    county,
    request.today ?? shanghaiToday(),
  )
  if (errors.length) return { ok: false, errors, warnings }
  if (request.dryRun)
    return { ok: true, batchId: null, counts: { receptions: { rows: records.length } }, warnings, errors: [] }
  const written = await writeReceptions(db, records, {
    county,
    userId: request.user?.id ?? null,
    username: request.user?.username ?? null,
    source: request.source,
    fileName: request.fileName,
    sha256: createHash('sha256').update(request.buffer).digest('hex'),
    warnings,
  })
  return { ok: true, ...written, warnings, errors: [] }
}
export { RollbackRefused, rollbackImport } from './rollback.ts'
