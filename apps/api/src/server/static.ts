import { existsSync } from 'node:fs'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Context, Hono } from 'hono'
import { moduleDist, moduleNames, shellDist } from './paths.ts'

// Federation entry points must be revalidated on every load (a module redeploy is a new dist/);
// hashed assets never change.
function cacheHeaders(path: string, c: Context) {
  const entry = /(remoteEntry\.js|mf-manifest\.json|index\.html)$/.test(path)
  c.header('Cache-Control', entry ? 'no-cache' : 'public, max-age=31536000, immutable')
}

/** Serve each built module under /modules/<name>/ and the shell, with an index fallback for client routes. */
export function mountFrontEnd(app: Hono) {
  for (const name of moduleNames) {
    const root = moduleDist(name)
    app.use(
      `/modules/${name}/*`,
      serveStatic({
        root,
        rewriteRequestPath: (p) => p.slice(`/modules/${name}`.length),
        onFound: cacheHeaders,
      }),
    )
    app.all(`/modules/${name}/*`, (c) =>
      c.json({ error: { code: 'not_found', message: `Module file not found`, details: null } }, 404),
    )
  }
  app.use('/*', serveStatic({ root: shellDist, onFound: cacheHeaders }))
  const index = `${shellDist}/index.html`
  const serveIndex = serveStatic({ path: index, onFound: cacheHeaders })
  app.get('*', async (c, next) => {
    if (!existsSync(index)) return c.text('The dashboard is not built yet: run `pnpm build`.', 503)
    return (await serveIndex(c, next)) ?? c.notFound()
  })
}
