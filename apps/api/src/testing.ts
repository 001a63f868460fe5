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

/** The API over a database with the regions and the demo accounts but no figures: for tests of signing in and
 * users, which need no demo data (seeding it and its rollups is most of a test file's set-up). */
export async function accountsApi(engine: TestEngine): Promise<{ handle: DbHandle; api: TestApi }> {
  const handle = await engine.create()
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

/** Users signed in to a test API, by name, and requests made as one of them (`null`: without a session). */
export function asUsers(api: TestApi) {
  const sessions: Record<string, { cookie: string; csrf: string }> = {}
  const session = (user: string) => {
    const s = sessions[user]
    if (!s) throw new Error(`${user} has not signed in`)
    return s
  }
  return {
    sessions,
    /** Sign in (again: a new session replaces the one kept); the Set-Cookie header as it came. */
    async login(username: string, password = 'demo') {
      const { cookie, csrf, setCookie } = await signIn(api, username, password)
      sessions[username] = { cookie, csrf }
      return setCookie
    },
    get: (user: string | null, path: string, headers: Record<string, string> = {}) =>
      api.request(`/api/v1${path}`, {
        headers: user ? { cookie: session(user).cookie, ...headers } : headers,
      }),
    /** A write with the user's CSRF token and a JSON body. */
    send: (user: string, path: string, body: unknown, method = 'POST') =>
      api.request(`/api/v1${path}`, {
        method,
        headers: {
          cookie: session(user).cookie,
          'x-csrf-token': session(user).csrf,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      }),
  }
}
