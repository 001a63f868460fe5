// Register imports: upload (multipart), dry run, history. Clerks and admins write, inside their scope.
import type { ImportBatch, ImportHistoryResponse } from '@liaison/contracts'
import { schema } from '@liaison/db'
import type { Problem } from '@liaison/importer'
import { MAX_BYTES, MAX_UPLOAD_BYTES } from '@liaison/importer/limits'
import { desc, eq, like } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { assertInScope, readableRegion, requireRole } from '../auth/middleware.ts'
import { ApiError, badRequest, notFound } from '../errors.ts'
import type { AppEnv } from '../types.ts'
import { validate } from '../validate.ts'

/** The importer (exceljs, iconv-lite: ≈ 50 MB resident) loads on the first import, not at start. */
const importer = () => import('@liaison/importer')

const uploadForm = z.object({
  file: z.instanceof(File, { message: '请选择文件 / Choose a file' }),
  county: z.string().min(1, '请选择县（区） / Choose a county'),
  kind: z.string().optional(),
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
})

const megabytes = MAX_BYTES / 1024 / 1024
const tooLarge = (what: { zh: string; en: string }) =>
  new ApiError(
    413,
    'too_large',
    `${what.zh}超过${megabytes}MB上限 / The ${what.en} is larger than ${megabytes} MB`,
  )

/** Refused by its size before any of it is parsed (a multipart form is otherwise read whole first). */
const limit = (maxSize: number, what: { zh: string; en: string }) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw tooLarge(what)
    },
  })
const file = { zh: '文件', en: 'file' }

/** A refused import: the problems row by row, and the API's one error envelope (a code and a message) on top. */
function refusal(errors: Problem[], warnings: Problem[]) {
  const first = errors[0]?.message
  return {
    error: {
      code: 'import_refused',
      message: `未导入，${errors.length}处问题${first ? `（${first.zh}）` : ''} / Nothing imported, ${errors.length} problem(s)${first ? ` (${first.en})` : ''}`,
      details: null,
    },
    errors,
    warnings,
  }
}

/** The county an import writes to, as resolved from what was asked: known, and the user's own (a clerk imports only
 * into their own county). */
function importCounty(c: Context<AppEnv>, county: string | null, asked: string): string {
  if (!county)
    throw badRequest(`未知的县（区） / Unknown county: ${asked}`, [
      { field: 'county', message: 'unknown county' },
    ])
  assertInScope(c, county, 'detail')
  return county
}

export const importRoutes = new Hono<AppEnv>()
  .post(
    '/imports',
    requireRole('admin', 'clerk'),
    limit(MAX_UPLOAD_BYTES, file),
    validate('form', uploadForm),
    async (c) => {
      const form = c.req.valid('form')
      const { importFile, resolveCounty } = await importer()
      // The form's fields fill part of the body's limit: the file itself is held to its own.
      if (form.file.size > MAX_BYTES) throw tooLarge(file)
      const db = c.get('deps').handle.db
      const county = importCounty(c, await resolveCounty(db, form.county), form.county)
      const report = await importFile(db, {
        buffer: Buffer.from(await form.file.arrayBuffer()),
        fileName: form.file.name,
        county,
        kind: form.kind || undefined,
        dryRun: form.dryRun,
        user: { id: c.get('user').id, username: c.get('user').username },
        source: 'file',
      })
      if (!report.ok) return c.json(refusal(report.errors, report.warnings), 422)
      return c.json({ batchId: report.batchId, counts: report.counts, warnings: report.warnings, errors: [] })
    },
  )
  .get('/imports/templates/:file', async (c) => {
    const kind = c.req.param('file').replace(/\.xlsx$/, '')
    const { isKind, templateFor } = await importer()
    const buffer = isKind(kind) ? await templateFor(kind) : null
    if (!buffer) throw notFound()
    return c.body(new Uint8Array(buffer), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${kind}-template.xlsx"`,
    })
  })
  .post(
    '/ingest/:kind',
    requireRole('admin', 'clerk'),
    limit(MAX_BYTES, { zh: '请求体', en: 'request body' }),
    validate(
      'query',
      z.object({ county: z.string().min(1), dryRun: z.enum(['true', 'false']).default('false') }),
    ),
    async (c) => {
      const kind = c.req.param('kind')
      const { ingestRecords, isKind, MAX_INGEST, resolveCounty } = await importer()
      if (!isKind(kind))
        throw badRequest(`未知的台账类型 / Unknown kind: ${kind}`, [{ field: 'kind', message: 'unknown' }])
      const body = await c.req.json().catch(() => null)
      const records = Array.isArray(body) ? body : (body as { records?: unknown } | null)?.records
      if (
        !Array.isArray(records) ||
        records.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))
      )
        throw badRequest('请求体应为记录数组 / The body must be an array of records', [
          { field: 'body', message: 'array of objects' },
        ])
      if (records.length > MAX_INGEST)
        throw badRequest(`一次最多${MAX_INGEST}条 / At most ${MAX_INGEST} records`, [
          { field: 'body', message: 'too many records' },
        ])
      const query = c.req.valid('query')
      const db = c.get('deps').handle.db
      const county = importCounty(c, await resolveCounty(db, query.county), query.county)
      const report = await ingestRecords(db, kind, records as Record<string, unknown>[], {
        county,
        dryRun: query.dryRun === 'true',
        user: { id: c.get('user').id, username: c.get('user').username },
      })
      if (!report.ok) return c.json(refusal(report.errors, report.warnings), 422)
      return c.json({ batchId: report.batchId, counts: report.counts, warnings: report.warnings, errors: [] })
    },
  )
  .get('/imports', async (c) => {
    const scope = readableRegion(c.get('user'), 'detail')
    const b = schema.importBatches
    const rows = await c
      .get('deps')
      .handle.db.select({
        id: b.id,
        countyCode: b.countyCode,
        countyName: schema.regions.name,
        userId: b.userId,
        username: schema.users.username,
        userDisplayName: schema.users.displayName,
        source: b.source,
        fileName: b.fileName,
        kinds: b.kinds,
        counts: b.counts,
        status: b.status,
        createdAt: b.createdAt,
        rolledBackAt: b.rolledBackAt,
        rolledBackBy: b.rolledBackBy,
      })
      .from(b)
      .leftJoin(schema.users, eq(schema.users.id, b.userId))
      .leftJoin(schema.regions, eq(schema.regions.code, b.countyCode))
      .where(scope ? like(b.countyCode, `${scope.slice(0, 6)}%`) : undefined)
      .orderBy(desc(b.id))
      .limit(200)
    const history: ImportHistoryResponse = {
      batches: rows.map((r) => ({
        ...r,
        source: r.source as ImportBatch['source'],
        status: r.status as ImportBatch['status'],
        counts: r.counts as ImportBatch['counts'],
        createdAt: r.createdAt.toISOString(),
        rolledBackAt: r.rolledBackAt?.toISOString() ?? null,
      })),
    }
    return c.json(history)
  })
  .get('/imports/:id', validate('param', z.object({ id: z.coerce.number().int().positive() })), async (c) => {
    const [batch] = await c
      .get('deps')
      .handle.db.select()
      .from(schema.importBatches)
      .where(eq(schema.importBatches.id, c.req.valid('param').id))
    if (!batch) throw notFound()
    assertInScope(c, batch.countyCode)
    return c.json({ batch })
  })
  .post(
    '/imports/:id/rollback',
    requireRole('admin', 'clerk'),
    validate('param', z.object({ id: z.coerce.number().int().positive() })),
    async (c) => {
      const db = c.get('deps').handle.db
      const [batch] = await db
        .select()
        .from(schema.importBatches)
        .where(eq(schema.importBatches.id, c.req.valid('param').id))
      if (!batch) throw notFound()
      assertInScope(c, batch.countyCode, 'detail')
      const { RollbackRefused, rollbackImport } = await importer()
      try {
        return c.json(
          await rollbackImport(db, batch.id, { id: c.get('user').id, username: c.get('user').username }),
        )
      } catch (error) {
        if (error instanceof RollbackRefused) throw new ApiError(409, 'rollback_refused', error.message)
        throw error
      }
    },
  )
