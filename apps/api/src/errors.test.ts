// The error handler: plain answers, no stack traces, and no query parameters (personal data) in the log.
import { Hono } from 'hono'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { errorResponse } from './errors.ts'

const appThrowing = (error: unknown) => {
  const app = new Hono()
  app.onError(errorResponse)
  app.get('/', () => {
    throw error
  })
  return app
}

describe('errorResponse', () => {
  afterEach(() => vi.restoreAllMocks())

  it('logs an unexpected database error without its parameters, and answers 500 without details', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const error = new Error('Failed query: select * from deputies where phone = $1\nparams: 13800001111')
    const res = await appThrowing(error).request('/')
    expect(res.status).toBe(500)
    expect(await res.text()).not.toContain('13800001111')
    const logged = log.mock.calls.flat().join(' ')
    expect(logged).toContain('select * from deputies')
    expect(logged).not.toContain('13800001111')
  })

  it('answers 507 disk_full when the database disk is full (53100), wrapped as drizzle does', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const pg = Object.assign(new Error('could not extend file "base/5/1": No space left on device'), {
      code: '53100',
    })
    const res = await appThrowing(Object.assign(new Error('Failed query'), { cause: pg })).request('/')
    expect(res.status).toBe(507)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('disk_full')
    expect(body.error.message).not.toContain('base/5/1')
  })

  it('answers 400 when PostgreSQL cannot store a character (a NUL), wrapped or not', async () => {
    const pg = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' })
    for (const error of [pg, Object.assign(new Error('Failed query'), { cause: pg })]) {
      const res = await appThrowing(error).request('/')
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_request')
    }
  })
})
