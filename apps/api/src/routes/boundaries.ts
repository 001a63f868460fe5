// A county's township boundary (GeoJSON) for the stations module's map. Anyone may read it within their scope;
// clerks and admins replace it (multipart `file`, or the GeoJSON as the body) or delete it in their county.
import type { BoundaryResponse, BoundaryUploadResponse } from '@liaison/contracts'
import { deleteBoundary, MAX_BOUNDARY_BYTES, readBoundary, saveBoundary } from '@liaison/importer/boundary'
import type { Context } from 'hono'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { assertInScope, requireRole } from '../auth/middleware.ts'
import { answer } from '../cache.ts'
import { ApiError, badRequest, notFound } from '../errors.ts'
import type { AppEnv } from '../types.ts'
import { validate } from '../validate.ts'
import { regionName } from './regions.ts'

const tooLarge = () =>
  new ApiError(
    413,
    'too_large',
    `文件超过 ${MAX_BOUNDARY_BYTES / 1024 / 1024} MB 上限 / The file is larger than ${MAX_BOUNDARY_BYTES / 1024 / 1024} MB`,
  )
const countyParam = validate(
  'param',
  z.object({ county: z.string().regex(/^\d{6}$/, '应为 6 位县级区划代码 / a 6-digit county code') }),
)

/** The county of the URL, which must exist; the user must see it (figures) or write in it (detail). */
async function countyOf(c: Context<AppEnv>, code: string, purpose: 'figures' | 'detail') {
  assertInScope(c, code, purpose)
  const name = await regionName(c.get('deps').handle.db, code)
  if (!name) throw notFound('未知的县（区） / Unknown county')
  return { code, name }
}

/** The uploaded text: a multipart form's `file`, or the GeoJSON itself as the body. */
async function uploadedText(c: Context<AppEnv>): Promise<{ text: string; fileName: string | null }> {
  if ((c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
    // A broken multipart body is the client's mistake: 400, not the 500 it answered (found by fuzzing).
    const form = await c.req.parseBody().catch(() => {
      throw badRequest('无法读取上传的表单 / Cannot read the uploaded form', [
        { field: 'file', message: 'malformed multipart body' },
      ])
    })
    const file = form.file
    if (!(file instanceof File))
      throw badRequest('请选择文件 / Choose a file', [{ field: 'file', message: 'missing' }])
    if (file.size > MAX_BOUNDARY_BYTES) throw tooLarge()
    return { text: await file.text(), fileName: file.name || null }
  }
  return { text: await c.req.text(), fileName: null }
}

export const boundaryRoutes = new Hono<AppEnv>()
  .get('/regions/:county/boundary', countyParam, async (c) => {
    const county = await countyOf(c, c.req.valid('param').county, 'figures')
    const body: BoundaryResponse = {
      county,
      boundary: await readBoundary(c.get('deps').handle.db, county.code),
    }
    return answer(c, body)
  })
  .put(
    '/regions/:county/boundary',
    requireRole('admin', 'clerk'),
    countyParam,
    // The form's own bytes on top of the file's limit.
    bodyLimit({
      maxSize: MAX_BOUNDARY_BYTES + 64 * 1024,
      onError: () => {
        throw tooLarge()
      },
    }),
    async (c) => {
      const county = await countyOf(c, c.req.valid('param').county, 'detail')
      const { text, fileName } = await uploadedText(c)
      const report = await saveBoundary(c.get('deps').handle.db, {
        county,
        text,
        fileName,
        user: { id: c.get('user').id, username: c.get('user').username },
        source: 'file',
      })
      if (!report.ok)
        return c.json(
          {
            error: {
              code: 'boundary_refused',
              message: `边界未保存，${report.errors.length}处问题 / Boundary not saved, ${report.errors.length} problem(s)`,
              details: null,
            },
            errors: report.errors,
          },
          422,
        )
      const body: BoundaryUploadResponse = {
        features: report.collection.features.length,
        schematic: report.schematic,
        missing: report.missing,
        warnings: report.warnings,
      }
      return c.json(body)
    },
  )
  .delete('/regions/:county/boundary', requireRole('admin', 'clerk'), countyParam, async (c) => {
    const county = await countyOf(c, c.req.valid('param').county, 'detail')
    const user = { id: c.get('user').id, username: c.get('user').username }
    if (!(await deleteBoundary(c.get('deps').handle.db, county.code, user)))
      throw notFound('该县（区）没有边界 / The county has no boundary')
    return c.json({ deleted: true })
  })
