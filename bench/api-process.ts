// The API as a child process of the bench: started from a checkout on a database, then signed in as demo-admin.
import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'

export interface ApiProcess {
  base: string
  child: ChildProcess
  /** Waits until the API is ready and answers with demo-admin's session cookie. */
  signIn(): Promise<string>
  stop(): Promise<void>
}

export function startApi(checkout: string, url: string, workers = 1): ApiProcess {
  const port = 19_000 + Math.floor(Math.random() * 1000)
  const base = `http://127.0.0.1:${port}`
  const child = spawn('node', ['--import', 'tsx', join(checkout, 'apps/api/src/cli.ts')], {
    cwd: checkout,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO: '1',
      WORKERS: String(workers),
    },
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
    async signIn() {
      await waitUp()
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'demo-admin', password: 'demo' }),
      })
      if (!login.ok) throw new Error(`login failed: ${login.status}`)
      return login.headers.get('set-cookie')!.split(';')[0]!
    },
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    },
  }
}
