// Test support for the API's tests: the API over a demo database, and signing in to it.
import type { DbHandle } from '@liaison/db'
import { seedDemo } from '@liaison/db/demo'
import type { TestEngine } from '@liaison/db/testing'
import { refreshRollups } from '@liaison/metrics'
import { createApi } from './app.ts'
import { ensureDemoUsers } from './auth/users.ts'

export type TestApi = ReturnType<typeof createApi>

/** A fresh demo database on `engine` with its rollups and demo accounts, and the API over it. */
export async function demoApi(engine: TestEngine): Promise<{ handle: DbHandle; api: TestApi }> {
  const handle = await engine.create()
  await seedDemo(handle)
  await refreshRollups(handle.db, 'all')
  await ensureDemoUsers(handle.db)
  return { handle, api: createApi({ handle, demo: true }) }
}

/** Sign in: the cookie as a request sends it back, the CSRF token, and the Set-Cookie header as it came. */
export async function signIn(api: TestApi, username: string, password = 'demo') {
  const res = await api.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (res.status !== 200) throw new Error(`${username} could not sign in: ${res.status}`)
  const setCookie = res.headers.get('set-cookie')!
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return { cookie: setCookie.split(';')[0]!, csrf: csrfToken, setCookie }
}
