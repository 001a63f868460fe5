// Shared by the fuzz suites: a demo API on in-memory PGlite with sessions for each demo role, a row count of every
// table (to prove a refused request wrote nothing), and the one check every answer must pass.
import type { DbHandle } from '@liaison/db'
import { seedDemo } from '@liaison/db/demo'
import { testEngines } from '@liaison/db/testing'
import { refreshRollups } from '@liaison/metrics'
import { createApi } from '../../apps/api/src/app.ts'
import { ensureDemoUsers } from '../../apps/api/src/auth/users.ts'

export interface Session {
  cookie: string
  csrf: string
}

/** The API on in-memory PGlite: the demo data (or, lighter, only the region tree and one station of 金沙县). */
export async function fuzzApi(users: readonly string[], { demo = true } = {}) {
  const handle = await testEngines()[0]!.create()
  if (demo) {
    await seedDemo(handle)
    await refreshRollups(handle.db, 'all')
  } else
    await handle.exec(`insert into stations (county_code, township_code, code, name, kind, status, built_on)
      values ('520523', '520523005', 'JS-ZZ-001', '民兴街道人大代表联络站', 'station', 'built', '2020-01-01')`)
  await ensureDemoUsers(handle.db)
  const api = createApi({ handle, demo: true })
  const sessions: Record<string, Session> = {}
  for (const username of users) sessions[username] = await login(api, username)
  return { handle, api, sessions }
}

export async function login(api: ReturnType<typeof createApi>, username: string): Promise<Session> {
  const res = await api.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  })
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`)
  return {
    cookie: res.headers.get('set-cookie')!.split(';')[0]!,
    csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
  }
}

/** Row count of every table of the public schema, in one query. */
export async function tableCounts(handle: DbHandle): Promise<Record<string, number>> {
  const tables = await handle.rows<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  )
  const union = tables.map((t) => `select '${t.name}' as name, count(*)::int as n from "${t.name}"`)
  const rows = await handle.rows<{ name: string; n: number }>(union.join(' union all '))
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]))
}

/**
 * What every answer must be: never a 5xx; an error is JSON with a code and a human message (the one error
 * envelope) and carries no stack trace. Returns a description of what is wrong, or null.
 */
export async function badAnswer(res: Response, allowed: number[]): Promise<string | null> {
  const text = await res.text()
  if (res.status >= 500) return `status ${res.status}: ${text.slice(0, 300)}`
  if (!allowed.includes(res.status)) return `unexpected status ${res.status}: ${text.slice(0, 300)}`
  if (/\bat .+:\d+:\d+\)?$/m.test(text) || /node_modules|\/src\/.+\.ts\b/.test(text))
    return `stack trace or source path in the answer: ${text.slice(0, 300)}`
  if (res.status < 400) return null
  let body: { error?: { code?: unknown; message?: unknown } }
  try {
    body = JSON.parse(text)
  } catch {
    return `error answer is not JSON: ${text.slice(0, 200)}`
  }
  const { code, message } = body.error ?? {}
  if (typeof code !== 'string' || !code) return `error without a code: ${text.slice(0, 200)}`
  if (typeof message !== 'string' || message.trim().length < 4)
    return `error without a human message: ${text.slice(0, 200)}`
  return null
}
