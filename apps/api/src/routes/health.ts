import { Hono } from 'hono'
import type { AppDeps } from '../app.ts'

export const healthRoutes = ({ handle }: AppDeps) =>
  new Hono()
    .get('/health', (c) => c.json({ status: 'ok' }))
    .get('/ready', async (c) => {
      try {
        await withTimeout(handle.rows('select 1'), 2000)
        return c.json({ ready: true, database: handle.kind })
      } catch {
        return c.json({ ready: false, database: handle.kind }, 503)
      }
    })

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms)),
  ])
}
