// The API as a child process of the bench and the memory scripts: started from a checkout, ready, then signed in.
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface ApiProcess {
  base: string
  child: ChildProcess
  /** Waits until the API is ready and signs in (demo-admin unless named): the session cookie and CSRF token. */
  signIn(username?: string): Promise<{ cookie: string; csrfToken: string }>
  stop(): Promise<void>
}

/** The API of `checkout` on 127.0.0.1 and a random port; `env` adds to (or overrides) DATABASE_URL, DEMO=1… */
export function startApi(checkout: string, env: Record<string, string>): ApiProcess {
  const port = 19_000 + Math.floor(Math.random() * 1000)
  const base = `http://127.0.0.1:${port}`
  const child = spawn('node', ['--import', 'tsx', join(checkout, 'apps/api/src/cli.ts')], {
    cwd: checkout,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DEMO: '1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  async function waitUp() {
    for (let i = 0; i < 2400; i++) {
      if (child.exitCode !== null) throw new Error('the API exited')
      try {
        if ((await fetch(`${base}/api/v1/ready`)).ok) return
      } catch {}
      await new Promise((r) => setTimeout(r, 250))
    }
    throw new Error('the API did not start')
  }
  return {
    base,
    child,
    async signIn(username = 'demo-admin') {
      await waitUp()
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'demo' }),
      })
      if (!login.ok) throw new Error(`login failed: ${login.status}`)
      const { csrfToken } = (await login.json()) as { csrfToken: string }
      return { cookie: login.headers.get('set-cookie')!.split(';')[0]!, csrfToken }
    },
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    },
  }
}

/** A process's resident memory now (VmRSS) or at its peak (VmHWM), in kB; 0 once it has gone. */
export function memoryKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    return Number(
      new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0,
    )
  } catch {
    return 0
  }
}
