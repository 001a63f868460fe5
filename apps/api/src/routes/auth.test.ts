// Signing in and out, sessions, the lockout, and user management by admins.
import type { DbHandle } from '@liaison/db'
import { testEngines } from '@liaison/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountsApi, asUsers, type TestApi } from '../testing.ts'

const year = 'from=2023-01-01&to=2023-12-31'

for (const engine of testEngines()) {
  describe(`sign-in and users on ${engine.name}`, () => {
    let handle: DbHandle
    let api: TestApi
    let users: ReturnType<typeof asUsers>
    const login = (username: string) => users.login(username)
    const get: ReturnType<typeof asUsers>['get'] = (...args) => users.get(...args)
    const send: ReturnType<typeof asUsers>['send'] = (...args) => users.send(...args)

    beforeAll(async () => {
      ;({ handle, api } = await accountsApi(engine))
      users = asUsers(api)
      for (const u of ['demo-leader', 'demo-township', 'demo-admin', 'demo-analyst']) await login(u)
    })
    afterAll(() => handle.close())

    it('sets the session cookie HttpOnly and SameSite=Strict', async () => {
      const setCookie = await login('demo-leader')
      expect(setCookie).toMatch(/HttpOnly/)
      expect(setCookie).toMatch(/SameSite=Strict/)
      expect((await get('demo-leader', '/auth/me')).status).toBe(200)
    })

    it('lets only admins manage users, audits it, and ends sessions when a password changes', async () => {
      const newUser = {
        username: 'clerk2',
        displayName: '录入员二',
        role: 'clerk',
        regionCode: '520523',
        password: 'weak',
      }
      expect((await send('demo-leader', '/users', newUser)).status).toBe(403)
      expect((await get('demo-leader', '/audit')).status).toBe(403)
      expect((await send('demo-admin', '/users', newUser)).status).toBe(400) // too weak outside demo accounts
      const created = await send('demo-admin', '/users', { ...newUser, password: 'Strong-pass-2025' })
      expect(created.status).toBe(201)
      const audit = (await (await get('demo-admin', '/audit')).json()) as {
        entries: { action: string; target: string }[]
      }
      expect(audit.entries.some((e) => e.action === 'user_create' && e.target === 'clerk2')).toBe(true)
      // Found by fuzzing: an empty patch answered 500, and a patch could leave a non-admin without a region.
      const id = ((await created.json()) as { user: { id: number } }).user.id
      expect((await send('demo-admin', `/users/${id}`, {}, 'PATCH')).status).toBe(400)
      expect((await send('demo-admin', `/users/${id}`, { regionCode: null }, 'PATCH')).status).toBe(400)
      expect((await send('demo-admin', `/users/${id}`, { role: 'leader' }, 'PATCH')).status).toBe(200)
      // Changing the password revokes the user's other sessions.
      await login('demo-township')
      const first = { ...users.sessions['demo-township']! }
      await login('demo-township')
      expect(
        (await send('demo-township', '/auth/password', { current: 'demo', next: 'New-password-42' })).status,
      ).toBe(200)
      expect((await api.request('/api/v1/auth/me', { headers: { cookie: first.cookie } })).status).toBe(401)
      expect((await get('demo-township', '/auth/me')).status).toBe(200)
      // The audit log cannot be changed through the API: there is no route, and the table refuses it.
      expect((await send('demo-admin', '/audit', {}, 'DELETE')).status).toBe(404)
    })

    it('refuses everything but health, readiness and login without a session', async () => {
      for (const path of [
        '/auth/me',
        '/regions',
        '/modules',
        `/metrics?ids=receptions&region=520523&${year}`,
        '/metrics/catalog',
        `/narrative?region=520523&${year}`,
      ]) {
        const res = await get(null, path)
        expect(res.status, path).toBe(401)
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized')
      }
      expect((await get(null, '/health')).status).toBe(200)
      expect((await get(null, '/ready')).status).toBe(200)
    })

    it('needs the CSRF token to log out, and the session ends', async () => {
      await login('demo-analyst')
      const s = users.sessions['demo-analyst']!
      const without = await api.request('/api/v1/auth/logout', {
        method: 'POST',
        headers: { cookie: s.cookie },
      })
      expect(without.status).toBe(403)
      const ok = await api.request('/api/v1/auth/logout', {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      })
      expect(ok.status).toBe(200)
      expect((await get('demo-analyst', '/auth/me')).status).toBe(401)
    })

    it('refuses a wrong password, then locks the account after five, and records the lockout', async () => {
      const attempt = (password: string) =>
        api.request('/api/v1/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'demo-clerk', password }),
        })
      for (let i = 0; i < 5; i++) expect((await attempt('nope')).status).toBe(401)
      expect((await attempt('demo')).status).toBe(429) // locked even with the right password
      const [row] = await handle.rows<{ n: number }>(
        `select count(*)::int as n from audit_log where action = 'login_locked' and username = 'demo-clerk'`,
      )
      expect(row!.n).toBe(1)
    })
  })
}
