import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** The one error shape of the API: `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

export const badRequest = (message: string, details?: unknown) =>
  new ApiError(400, 'bad_request', message, details)
export const unauthorized = () => new ApiError(401, 'unauthorized', '请先登录 / Please log in')
export const forbidden = (message = '无权访问该范围的数据 / Outside your scope') =>
  new ApiError(403, 'forbidden', message)
export const notFound = (message = '未找到 / Not found') => new ApiError(404, 'not_found', message)

/** The first code on an error or its causes (drizzle wraps the driver's error). */
function codeOf(error: unknown): string | undefined {
  for (
    let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.code === 'string') return e.code
  }
  return undefined
}

/** PostgreSQL refusing a value it cannot store (a NUL character, text the encoding lacks): the input's fault. */
const unstorable = ['22021', '22P05']

/** True for errors that mean the database is unreachable (refused, reset, timed out), also when wrapped by drizzle. */
export function isDatabaseDown(error: unknown): boolean {
  const codes = [
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    'CONNECT_TIMEOUT',
    'CONNECTION_CLOSED',
    'CONNECTION_ENDED',
    'CONNECTION_DESTROYED',
    '57P01',
    '57P03',
    '08006',
    '08001',
    '08003',
  ]
  for (
    let e = error as { code?: string; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (e.code && codes.includes(e.code)) return true
  }
  return false
}

export function errorResponse(error: unknown, c: Context) {
  if (error instanceof ApiError) {
    return c.json(
      { error: { code: error.code, message: error.message, details: error.details ?? null } },
      error.status,
    )
  }
  if (error instanceof HTTPException) {
    return c.json({ error: { code: 'http_error', message: error.message, details: null } }, error.status)
  }
  if (isDatabaseDown(error)) {
    return c.json(
      {
        error: {
          code: 'database_unavailable',
          message: '数据库暂不可用，请稍后重试 / Database unavailable',
          details: null,
        },
      },
      503,
    )
  }
  if (unstorable.includes(codeOf(error) ?? '')) {
    return c.json(
      {
        error: {
          code: 'bad_request',
          message:
            '输入含有无法保存的字符（如 NUL） / The input holds characters that cannot be stored (such as NUL)',
          details: null,
        },
      },
      400,
    )
  }
  // 53100 disk_full: PostgreSQL (PGlite too) rolls the write back and carries on; reads keep working, and writes
  // work again once there is space. Say so, rather than "internal error".
  if (codeOf(error) === '53100') {
    console.error('Disk full: a write was rolled back')
    return c.json(
      {
        error: {
          code: 'disk_full',
          message:
            '数据库所在磁盘已满，本次写入未保存；请联系管理员释放空间后重试 / The database disk is full: nothing was saved. Ask an administrator to free space, then try again',
          details: null,
        },
      },
      507,
    )
  }
  // Never a stack trace to users: log it, answer plainly.
  console.error('Unhandled error', loggable(String((error as Error)?.message ?? error)))
  return c.json(
    { error: { code: 'internal', message: '服务器内部错误 / Internal error', details: null } },
    500,
  )
}

/** An error's text as the logs may keep it: at most 2,000 characters, without the query's parameters (drizzle puts
 * them in its message, and a stack repeats it; they can be a deputy's phone number or an opinion's text, over
 * several lines), so without the stack frames after them either. */
export function loggable(text: string): string {
  return text.replace(/\nparams: [\s\S]*/, '\nparams: (withheld)').slice(0, 2000)
}
