// The OpenAPI document, generated from the same zod contracts the API validates with, and a readable page.
import {
  boundaryResponse,
  boundaryUploadResponse,
  importHistoryResponse,
  importReportResponse,
  loginBody,
  metricsResponse,
  moduleDataResponse,
  modulesResponse,
  overviewResponse,
  regionsResponse,
  sessionResponse,
} from '@liaison/contracts'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../types.ts'

const json = (schema: z.ZodType) => ({
  content: {
    'application/json': { schema: z.toJSONSchema(schema, { unrepresentable: 'any', io: 'output' }) },
  },
})
const q = (name: string, description: string, required = true) => ({
  name,
  in: 'query',
  required,
  description,
  schema: { type: 'string' },
})
const scope = [
  q('region', '区划代码 division code (2/4/6/9 digits, province to township), or CN for the nation'),
  q('from', 'YYYY-MM-DD (inclusive), 1950-01-01 to 2100-12-31'),
  q('to', 'YYYY-MM-DD (inclusive), 1950-01-01 to 2100-12-31'),
  q('compare', 'yoy | mom', false),
]
const path = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
})
/** The exports' watermark, background and language. */
const marks = [
  q('watermark', 'none | org | user, or free text', false),
  q('background', 'white | dark', false),
  q('lang', 'zh | en', false),
]
const county = {
  name: 'county',
  in: 'path',
  required: true,
  description: '6 位县级区划代码',
  schema: { type: 'string' },
}
const error = { description: '`{ error: { code, message, details } }`' }

interface Endpoint {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  path: string
  summary: string
  parameters?: object[]
  body?: z.ZodType
  response?: z.ZodType
}

const endpoints: Endpoint[] = [
  { method: 'get', path: '/health', summary: '存活检查 Liveness' },
  { method: 'get', path: '/ready', summary: '就绪检查（含数据库） Readiness, checks the database' },
  {
    method: 'post',
    path: '/auth/login',
    summary: '登录 Log in (sets an httpOnly session cookie)',
    body: loginBody,
    response: sessionResponse,
  },
  { method: 'post', path: '/auth/logout', summary: '退出 Log out (needs x-csrf-token)' },
  { method: 'get', path: '/auth/me', summary: '当前用户 The current user', response: sessionResponse },
  {
    method: 'get',
    path: '/regions',
    summary:
      '权限范围内的区划树（县以上只到县；within=县代码 取该县的乡镇；search=乡镇名 取乡镇名含该词的县及其乡镇，至多 10 个县，near 地区内的县在前，more 表示还有更多） Region tree inside your scope (above a county down to the counties; within=<county> gives its townships; search=<text> gives up to 10 counties whose township names contain it, with their townships, those inside near=<region> first; more: true when more counties matched)',
    parameters: [
      q('within', 'six-digit county code', false),
      q('search', 'part of a township name (1–20 characters)', false),
      q('near', 'with search: the region in view, whose counties come first', false),
    ],
    response: regionsResponse,
  },
  {
    method: 'get',
    path: '/regions/{county}/boundary',
    summary: '县（区）的乡镇边界（GeoJSON；没有时为 null） Township boundary of a county, or null',
    parameters: [county],
    response: boundaryResponse,
  },
  {
    method: 'put',
    path: '/regions/{county}/boundary',
    summary:
      '上传乡镇边界（管理员、录入员；multipart `file` 或 GeoJSON 正文，10 MB 以内；不匹配时 422，不写入） Upload a boundary',
    parameters: [county],
    response: boundaryUploadResponse,
  },
  {
    method: 'delete',
    path: '/regions/{county}/boundary',
    summary: '删除乡镇边界（管理员、录入员） Delete the boundary',
    parameters: [county],
  },
  { method: 'get', path: '/modules', summary: '可用的看板模块 Dashboard modules', response: modulesResponse },
  { method: 'get', path: '/metrics/catalog', summary: '指标定义 Figure definitions' },
  {
    method: 'get',
    path: '/metrics',
    summary: '指标查询 Figures for a region and period, optionally broken down',
    parameters: [
      q('ids', 'comma-separated metric ids'),
      ...scope,
      q(
        'by',
        'area (the next level down) | township | station | month | quarter | year | category | channel | route | kind | level | status; township and station for a county or a township only (400 above)',
        false,
      ),
    ],
    response: metricsResponse,
  },
  {
    method: 'get',
    path: '/narrative',
    summary: '自动生成的工作报告段落 The written summary',
    parameters: [...scope, q('lang', 'zh | en', false)],
  },
  {
    method: 'get',
    path: '/ranking',
    summary: '乡镇/站点排名 Ranking',
    parameters: [
      q('metric', 'metric id'),
      ...scope,
      q(
        'level',
        'area (default: the next level down) | township | station; township and station for a county or a township only',
        false,
      ),
    ],
  },
  {
    method: 'get',
    path: '/stations',
    summary: '站点清单 Station list (a county or a township)',
    parameters: scope,
  },
  {
    method: 'get',
    path: '/stations/scores',
    summary: '站点综合评分 Composite station score (a county or a township)',
    parameters: [...scope, q('weights', 'activity:0.3,resolution:0.3,satisfaction:0.2,standard:0.2', false)],
  },
  {
    method: 'get',
    path: '/stations/{id}',
    summary: '站点详情 Station detail',
    parameters: [
      { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
      q('from', 'YYYY-MM-DD, 1950-01-01 to 2100-12-31'),
      q('to', 'YYYY-MM-DD, 1950-01-01 to 2100-12-31'),
    ],
  },
  {
    method: 'get',
    path: '/modules/overview/data',
    summary: '县域总览（一次请求） Overview module data',
    parameters: scope,
    response: overviewResponse,
  },
  {
    method: 'get',
    path: '/modules/{name}/data',
    summary: '其他模块（一次请求） Data of the stations, opinions, funding or report-back module',
    parameters: [path('name', 'stations | opinions | funding | reportback'), ...scope],
    response: moduleDataResponse,
  },
  { method: 'post', path: '/auth/password', summary: '修改密码 Change your password ({ current, next })' },
  {
    method: 'get',
    path: '/exports/report.docx',
    summary: 'Word 汇报材料 The Word report of a region and period',
    parameters: [...scope, ...marks, q('bundle', 'townships: one part per area', false)],
  },
  {
    method: 'get',
    path: '/exports/deck.pptx',
    summary: '16:9 演示文稿 The deck of a region and period',
    parameters: [...scope, ...marks, q('bundle', 'townships: one part per area', false)],
  },
  ...(['xlsx', 'csv'] as const).map(
    (format): Endpoint => ({
      method: 'get',
      path: `/exports/table.${format}`,
      summary: `数据表（${format.toUpperCase()}，含口径；对比时含上期与变化） Figures as a table, with their definitions (compared: previous value and change)`,
      parameters: [
        q('ids', 'comma-separated metric ids'),
        ...scope,
        q('by', 'a breakdown, as for /metrics (township and station for a county or a township)', false),
        q('lang', 'zh | en: headers and 口径', false),
      ],
    }),
  ),
  ...(['png', 'svg'] as const).map(
    (format): Endpoint => ({
      method: 'get',
      path: `/exports/chart.${format}`,
      summary: `报告图表（${format.toUpperCase()}，带标题与口径） A report chart, framed`,
      parameters: [
        q('chart', 'trend | categories | channels | townships | funding | reportback'),
        ...scope,
        ...marks,
        q('scale', '1–3 (PNG), default 2', false),
      ],
    }),
  ),
  {
    method: 'get',
    path: '/exports/watermark',
    summary: '水印文字 The watermark text for a choice',
    parameters: [
      q('watermark', 'none | org | user'),
      q('region', 'division code', false),
      q('lang', 'zh | en', false),
    ],
  },
  {
    method: 'post',
    path: '/exports/audit',
    summary:
      '记录浏览器中导出的文件 Record an export made in the browser ({ format, name, region, from, to, … })',
  },
  {
    method: 'post',
    path: '/imports',
    summary:
      '导入台账（管理员、录入员；multipart：file、county、kind、dryRun；有错误时 422，不写入） Import a register file; 422 with every problem by row, nothing written',
    response: importReportResponse,
  },
  {
    method: 'post',
    path: '/ingest/{kind}',
    summary: '以 JSON 写入台账记录（与导入相同的校验） Ingest records as JSON, checked as an import',
    parameters: [
      path('kind', 'stations | deputies | receptions | opinions | projects | reportbacks | plans'),
      q('county', 'six-digit county code'),
      q('dryRun', 'true | false', false),
    ],
    response: importReportResponse,
  },
  {
    method: 'get',
    path: '/imports',
    summary: '导入记录 Import history inside your scope',
    response: importHistoryResponse,
  },
  {
    method: 'get',
    path: '/imports/{id}',
    summary: '一次导入的明细 One import batch',
    parameters: [path('id', 'batch id')],
  },
  {
    method: 'post',
    path: '/imports/{id}/rollback',
    summary: '撤销一次导入（管理员、录入员） Roll an import back',
    parameters: [path('id', 'batch id')],
  },
  {
    method: 'get',
    path: '/imports/templates/{file}',
    summary: '导入模板（.xlsx） A register template',
    parameters: [path('file', '<kind>.xlsx, e.g. receptions.xlsx')],
  },
  { method: 'get', path: '/users', summary: '用户列表（管理员） Users (admins)' },
  { method: 'post', path: '/users', summary: '新建用户（管理员） Create a user (admins)' },
  {
    method: 'patch',
    path: '/users/{id}',
    summary: '修改用户（管理员） Change a user (admins)',
    parameters: [path('id', 'user id')],
  },
  { method: 'get', path: '/audit', summary: '审计日志（管理员） The audit log (admins)' },
  { method: 'get', path: '/openapi.json', summary: '本文档 This document' },
  { method: 'get', path: '/docs', summary: '可读的 API 参考页 This reference as a page' },
]

export function openApiDocument() {
  const paths: Record<string, Record<string, object>> = {}
  for (const e of endpoints) {
    paths[e.path] ??= {}
    paths[e.path]![e.method] = {
      summary: e.summary,
      parameters: e.parameters ?? [],
      ...(e.body ? { requestBody: json(e.body) } : {}),
      responses: {
        200: { description: 'OK', ...(e.response ? json(e.response) : {}) },
        400: error,
        401: error,
        403: error,
        503: error,
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: '人大代表联络站履职数据驾驶舱 API', version: '1.0.0' },
    servers: [{ url: '/api/v1' }],
    paths,
  }
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`)

/** A plain reference page: no script, so it passes a strict CSP. */
function referencePage(): string {
  const rows = endpoints
    .map((e) => {
      const params = (e.parameters ?? []).map((p) => escapeHtml(`${(p as { name: string }).name}`)).join(', ')
      return `<tr><td><code>${e.method.toUpperCase()}</code></td><td><code>/api/v1${escapeHtml(e.path)}</code></td><td>${escapeHtml(e.summary)}</td><td>${params}</td></tr>`
    })
    .join('\n')
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>API 参考</title>
<style>body{font:14px/1.6 system-ui,sans-serif;margin:2rem;color:#1f2937}table{border-collapse:collapse}td,th{border:1px solid #e5e7eb;padding:.3rem .6rem;text-align:left}code{color:#b91c1c}</style>
<h1>人大代表联络站履职数据驾驶舱 · API 参考</h1>
<p>JSON over HTTP under <code>/api/v1</code>. Log in with <code>POST /auth/login</code>; send the returned <code>csrfToken</code> as <code>x-csrf-token</code> on every POST. Errors: <code>{ error: { code, message, details } }</code>. Machine-readable: <a href="/api/v1/openapi.json">openapi.json</a>.</p>
<table><tr><th>方法</th><th>路径</th><th>说明</th><th>参数</th></tr>${rows}</table></html>`
}

export const openApiRoutes = new Hono<AppEnv>()
  .get('/openapi.json', (c) => c.json(openApiDocument()))
  .get('/docs', (c) => c.html(referencePage()))
