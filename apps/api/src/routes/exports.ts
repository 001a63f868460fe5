// Work-conference materials generated on the server, inside the user's scope, each export audited.
// Exports hold aggregated figures only: no deputy names or phones, no opinion texts, for any role.
import {
  areaWord,
  beijingDay,
  breakdownAllowed,
  detailScopeIssue,
  dimensions,
  nationCode,
  organisationName,
  periodDay,
  regionCode,
  safeFileName,
  scopeQuery,
} from '@liaison/contracts'
import { schema } from '@liaison/db'
import type { ExportModel } from '@liaison/exporter'
import { describeRegion, regionLevel, resolveMetrics } from '@liaison/metrics'
import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { assertInScope, readableRegion } from '../auth/middleware.ts'
import { badRequest } from '../errors.ts'
import type { AppEnv } from '../types.ts'
import { validate } from '../validate.ts'
import { comparedWithin } from './module-data.ts'

/** The exporter (ECharts, docx, pptxgenjs, exceljs, resvg: ≈ 175 MB resident) loads on the first export, not at
 * start: most API processes serve figures all day and never export. */
const exporter = () => import('@liaison/exporter')

const marks = z.object({
  /** `org` for the organisation's name (the user's people's congress body), `user` for the exporting user's
   * name and the date, `none`, or free text. */
  watermark: z.string().trim().min(1).max(60).optional(),
  background: z.enum(['white', 'dark']).optional(),
  /** The report, deck and chart images in Chinese (default) or English. */
  lang: z.enum(['zh', 'en']).optional(),
})
const reportQuery = scopeQuery.and(marks).and(z.object({ bundle: z.literal('townships').optional() }))
const chartQuery = scopeQuery.and(marks).and(
  z.object({
    chart: z.enum(['trend', 'categories', 'channels', 'townships', 'funding', 'reportback']),
    scale: z.coerce.number().int().min(1).max(3).default(2),
  }),
)
/** A table by township or station, as the figures it holds: for a county or a township (detailScopeIssue). */
const tableQuery = scopeQuery
  .and(
    z.object({
      by: z.enum(dimensions).optional(),
      ids: z
        .string()
        .min(1)
        .transform((s) => s.split(',').filter(Boolean)),
      /** Headers and 口径 in Chinese (default) or English. */
      lang: z.enum(['zh', 'en']).optional(),
    }),
  )
  .refine(breakdownAllowed, detailScopeIssue)

const types = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  png: 'image/png',
  svg: 'image/svg+xml; charset=utf-8',
}
type Format = keyof typeof types

/** Writes an export of `name.format` to the audit log: the server's files and the browser's alike. */
async function auditExport(c: Context<AppEnv>, name: string, format: string, details: object) {
  const user = c.get('user')
  await c
    .get('deps')
    .handle.db.insert(schema.auditLog)
    .values({
      userId: user.id,
      username: user.username,
      action: 'export',
      target: `${name}.${format}`,
      details: { format, ...details },
    })
}

/** Records the export, then answers with the file under a Chinese name (`filename*` for every browser). */
async function send(
  c: Context<AppEnv>,
  file: Buffer | string,
  format: Format,
  name: string,
  details: object,
) {
  await auditExport(c, name, format, details)
  const body = typeof file === 'string' ? file : new Uint8Array(file)
  return c.body(body, 200, {
    'content-type': types[format],
    'content-disposition': `attachment; filename="export.${format}"; filename*=UTF-8''${encodeURIComponent(`${safeFileName(name)}.${format}`)}`,
  })
}

const watermarkQuery = z.object({
  watermark: z.enum(['none', 'org', 'user']),
  /** The region exported: names the organisation of a user whose scope is everything. */
  region: regionCode.optional(),
  lang: z.enum(['zh', 'en']).optional(),
})

/** An export made in the browser (a chart image, a panel's data), recorded like the server's own. */
const auditBody = z.object({
  format: z.enum(['png', 'svg', 'xlsx', 'csv']),
  /** The file's name without its extension. */
  name: z.string().trim().min(1).max(200),
  region: regionCode,
  from: periodDay,
  to: periodDay,
  panel: z.string().max(80).optional(),
  rows: z.number().int().min(0).optional(),
  watermark: z.enum(['none', 'org', 'user']).optional(),
})

/**
 * The watermark's text: none; the organisation — the people's congress body of the user's region (of the
 * region exported for a user without one), "金沙县人大常委会"; the user's name and today's date; or free text.
 */
async function watermarkOf(
  c: Context<AppEnv>,
  watermark: string | undefined,
  region: string | undefined,
  lang: 'zh' | 'en' = 'zh',
): Promise<string | null> {
  if (!watermark || watermark === 'none') return null
  // Beijing's day, as the footer's 生成日期 (the UTC day is yesterday's before 08:00 in Beijing).
  if (watermark === 'user') return `${c.get('user').displayName} ${beijingDay(new Date())}`
  if (watermark !== 'org') return watermark
  const code = c.get('user').regionCode ?? region ?? nationCode
  const info = await describeRegion(c.get('figures'), code)
  return organisationName(code, info?.name ?? code)[lang]
}

async function model(c: Context<AppEnv>, q: z.infer<typeof reportQuery>): Promise<ExportModel> {
  assertInScope(c, q.region)
  const { buildExportModel } = await exporter()
  return buildExportModel(c.get('figures'), {
    region: q.region,
    from: q.from,
    to: q.to,
    watermark: await watermarkOf(c, q.watermark, q.region, q.lang),
    townships: q.bundle === 'townships',
    comparedWithin: comparedWithin(q.region, readableRegion(c.get('user'))),
    lang: q.lang,
    // As every figure endpoint: without `compare`, nothing is compared (the dashboard sends its choice).
    compare: q.compare ?? 'none',
  })
}

/** The report's file name: its title, and for a bundle which parts it holds, so the two downloads differ. */
function reportName(title: string, q: z.infer<typeof reportQuery>) {
  if (!q.bundle || regionLevel(q.region) === 'township') return title
  const area = areaWord(q.region)
  return q.lang === 'en' ? `${title} (by ${area.en})` : `${title}（分${area.zh}汇编）`
}

const scopeOf = (q: { region: string; from: string; to: string }) => ({
  region: q.region,
  from: q.from,
  to: q.to,
})

async function table(c: Context<AppEnv>, q: z.infer<typeof tableQuery>, format: 'xlsx' | 'csv') {
  assertInScope(c, q.region)
  try {
    resolveMetrics(q.ids, q.by)
  } catch (error) {
    throw badRequest((error as Error).message)
  }
  const db = c.get('figures')
  const { buildExportBasis, buildMetricTable, tableCsv, tableXlsx } = await exporter()
  // Its 口径 defines what it holds (已建成站室 excludes the online stations), not the report's key figures.
  const [basis, data] = await Promise.all([
    buildExportBasis(db, { region: q.region, from: q.from, to: q.to, lang: q.lang }, q.ids),
    buildMetricTable(db, q),
  ])
  const file = format === 'xlsx' ? await tableXlsx(data, basis) : tableCsv(data, basis)
  const name =
    basis.lang === 'en'
      ? `${basis.regionName} – ${data.title} (${basis.period})`
      : `${basis.regionName}${data.title}（${basis.period}）`
  return send(c, file, format, name, {
    ...scopeOf(q),
    by: q.by ?? null,
    ids: q.ids,
  })
}

async function chart(c: Context<AppEnv>, q: z.infer<typeof chartQuery>, format: 'png' | 'svg') {
  const m = await model(c, q)
  const spec = m.charts.find((ch) => ch.id === q.chart)
  if (!spec) throw badRequest(`该地区没有此图表 / No chart "${q.chart}" for this region`)
  const frame = { basis: m.basis, watermark: m.watermark, background: q.background, scale: q.scale }
  const { renderPng, renderSvg } = await exporter()
  const file = format === 'png' ? await renderPng(spec, frame) : renderSvg(spec, frame)
  return send(c, file, format, `${spec.title}（${m.basis.regionName}${m.basis.period}）`, {
    ...scopeOf(q),
    chart: q.chart,
    scale: q.scale,
  })
}

export const exportRoutes = new Hono<AppEnv>()
  // The text a browser-side export (a chart image) prints as its watermark, worded as the documents word it.
  .get('/exports/watermark', validate('query', watermarkQuery), async (c) => {
    const q = c.req.valid('query')
    if (q.region) assertInScope(c, q.region)
    return c.json({ text: await watermarkOf(c, q.watermark, q.region, q.lang) })
  })
  // A browser-side export is written to the audit log before the browser saves it (it is refused otherwise).
  .post('/exports/audit', validate('json', auditBody), async (c) => {
    const q = c.req.valid('json')
    assertInScope(c, q.region)
    await auditExport(c, q.name, q.format, {
      ...scopeOf(q),
      where: 'browser',
      panel: q.panel ?? null,
      rows: q.rows ?? null,
      watermark: q.watermark ?? null,
    })
    return c.body(null, 204)
  })
  .get('/exports/report.docx', validate('query', reportQuery), async (c) => {
    const q = c.req.valid('query')
    const m = await model(c, q)
    const file = await (await exporter()).reportDocx(m, { background: q.background })
    return send(c, file, 'docx', reportName(m.title, q), { ...scopeOf(q), bundle: q.bundle ?? null })
  })
  .get('/exports/deck.pptx', validate('query', reportQuery), async (c) => {
    const q = c.req.valid('query')
    const m = await model(c, q)
    const file = await (await exporter()).reportPptx(m, { background: q.background })
    return send(c, file, 'pptx', reportName(m.title, q), { ...scopeOf(q), bundle: q.bundle ?? null })
  })
  .get('/exports/table.xlsx', validate('query', tableQuery), (c) => table(c, c.req.valid('query'), 'xlsx'))
  .get('/exports/table.csv', validate('query', tableQuery), (c) => table(c, c.req.valid('query'), 'csv'))
  .get('/exports/chart.png', validate('query', chartQuery), (c) => chart(c, c.req.valid('query'), 'png'))
  .get('/exports/chart.svg', validate('query', chartQuery), (c) => chart(c, c.req.valid('query'), 'svg'))
