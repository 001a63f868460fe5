// Work-conference materials generated on the server, inside the user's scope, each export audited.
import { scopeQuery } from '@liaison/contracts'
import { schema } from '@liaison/db'
import { buildReportModel, reportDocx } from '@liaison/exporter'
import { Hono } from 'hono'
import { z } from 'zod'
import { assertInScope } from '../auth/middleware.ts'
import type { AppEnv } from '../types.ts'
import { validate } from '../validate.ts'

const reportQuery = scopeQuery.and(z.object({ watermark: z.string().max(60).optional() }))

/** `attachment; filename*=UTF-8''…` so Chinese file names survive every browser. */
const attachment = (name: string) =>
  `attachment; filename="report.docx"; filename*=UTF-8''${encodeURIComponent(name)}`

export const exportRoutes = new Hono<AppEnv>().get(
  '/exports/report.docx',
  validate('query', reportQuery),
  async (c) => {
    const q = c.req.valid('query')
    assertInScope(c, q.region)
    const db = c.var.deps.handle.db
    const model = await buildReportModel(db, q)
    const file = await reportDocx(model)
    await db.insert(schema.auditLog).values({
      userId: c.var.user.id,
      username: c.var.user.username,
      action: 'export',
      target: 'report.docx',
      details: { region: q.region, from: q.from, to: q.to },
    })
    return c.body(new Uint8Array(file), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': attachment(`${model.title}.docx`),
    })
  },
)
