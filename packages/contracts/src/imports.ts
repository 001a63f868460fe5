// The imports API: upload and ingestion reports, and the import history. The importer's own types come
// from here, so the API, the importer and the shell's import page share one definition.
import { importKinds } from '@liaison/db/enums'
import { z } from 'zod'

const kindValues = importKinds.map((k) => k.value) as [string, ...string[]]

/** One problem in a file, named as Excel names it; row and column are null for a problem of the whole file. */
export const importProblem = z.object({
  sheet: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.object({ zh: z.string(), en: z.string() }),
})
export type ImportProblem = z.infer<typeof importProblem>

export const importCounts = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
})
export type ImportCounts = z.infer<typeof importCounts>

/** 200: a dry run (batchId null) or an import that was written. */
export const importReportResponse = z.object({
  batchId: z.number().int().nullable(),
  counts: z.partialRecord(z.enum(kindValues), importCounts),
  warnings: z.array(importProblem),
  errors: z.tuple([]),
})
export type ImportReportResponse = z.infer<typeof importReportResponse>

/** 422: the file was refused; nothing was written. */
export const importRefusedResponse = z.object({
  errors: z.array(importProblem),
  warnings: z.array(importProblem),
})
export type ImportRefusedResponse = z.infer<typeof importRefusedResponse>

/** A row of the history (GET /imports), with who imported it and the county's name. Dates as ISO strings. */
export const importBatch = z.object({
  id: z.number().int(),
  countyCode: z.string(),
  countyName: z.string().nullable(),
  userId: z.number().int().nullable(),
  username: z.string().nullable(),
  userDisplayName: z.string().nullable(),
  source: z.enum(['file', 'cli', 'ingest']),
  fileName: z.string().nullable(),
  kinds: z.array(z.string()),
  counts: z.partialRecord(z.enum(kindValues), importCounts.partial()),
  status: z.enum(['applied', 'rolled_back']),
  createdAt: z.string(),
  rolledBackAt: z.string().nullable(),
  rolledBackBy: z.number().int().nullable(),
})
export type ImportBatch = z.infer<typeof importBatch>

export const importHistoryResponse = z.object({ batches: z.array(importBatch) })
export type ImportHistoryResponse = z.infer<typeof importHistoryResponse>
