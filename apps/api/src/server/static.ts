import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Context, Hono } from 'hono'
import { getCookie } from 'hono/cookie'
import { SESSION_COOKIE } from '../auth/session.ts'
import { type ModuleName, moduleDist, moduleNames, shellDist } from './paths.ts'

// Federation entry points must be revalidated on every load (a module redeploy is a new dist/);
// hashed assets never change. `path` is the file sent: the gzip copy (`.gz`) where the browser takes one.
function cacheHeaders(path: string, c: Context) {
  const entry = /(remoteEntry\.js|mf-manifest\.json|index\.html)(\.gz)?$/.test(path)
  c.header('Cache-Control', entry ? 'no-cache' : 'public, max-age=31536000, immutable')
}

/**
 * A module route's page also links the module's manifest and the files its first view loads (first-view.json,
 * written by the module's build), so that they download with the shell's own files instead of after the shell
 * has run and asked for them. Read on each request: a module redeploy is a new dist/. No list, no links.
 */
async function moduleLinks(name: ModuleName) {
  const base = `/modules/${name}/`
  let files: { js: string[]; css: string[] }
  try {
    files = JSON.parse(await readFile(`${moduleDist(name)}/first-view.json`, 'utf8'))
  } catch {
    return ''
  }
  return [
    `<link rel="preload" href="${base}mf-manifest.json" as="fetch" crossorigin>`,
    ...files.js.map((file) => `<link rel="modulepreload" crossorigin href="${base}${file}">`),
    ...files.css.map((file) => `<link rel="preload" href="${base}${file}" as="style" crossorigin>`),
  ].join('')
}

/**
 * The page for a browser without a session cookie: the session restore's preloads would only answer 401 (three
 * console errors on the login page), so they go, and a meta tag tells the shell not to ask (session.ts).
 */
export function signedOutPage(html: string): string {
  return html
    .replace(/<link rel="preload" href="\/api\/v1\/[^"]*"[^>]*>\s*/g, '')
    .replace('</head>', '<meta name="liaison-session" content="none"></head>')
}

const isModuleName = (name: string | undefined): name is ModuleName =>
  (moduleNames as readonly string[]).includes(name ?? '')

/**
 * Serve each built module under /modules/<name>/ and the shell, with an index fallback for client routes. Every
 * app's build writes a gzip copy beside each file (mf.shared.ts); `precompressed` sends it to a browser that accepts
 * gzip, with Vary: Accept-Encoding.
 */
export function mountFrontEnd(app: Hono) {
  for (const name of moduleNames) {
    const root = moduleDist(name)
    app.use(
      `/modules/${name}/*`,
      serveStatic({
        root,
        rewriteRequestPath: (p) => p.slice(`/modules/${name}`.length),
        onFound: cacheHeaders,
        precompressed: true,
      }),
    )
    app.all(`/modules/${name}/*`, (c) =>
      c.json({ error: { code: 'not_found', message: `Module file not found`, details: null } }, 404),
    )
  }
  const index = `${shellDist}/index.html`
  /** The shell's page, for every client route ('/' too: serveStatic would send index.html as it is). */
  const page = async (c: Context) => {
    if (!existsSync(index)) return c.text('The dashboard is not built yet: run `pnpm build`.', 503)
    // A file that is not there (the browser's /favicon.ico, an old hashed chunk) is a 404, not the page: the page
    // in its place is an image that does not decode or a script with the wrong MIME type.
    if (/\/[^/]+\.[a-z0-9]+$/i.test(c.req.path))
      return c.json({ error: { code: 'not_found', message: 'File not found', details: null } }, 404)
    const module = /^\/m\/([\w-]+)/.exec(c.req.path)?.[1]
    let html = await readFile(index, 'utf8')
    if (!getCookie(c, SESSION_COOKIE)) html = signedOutPage(html)
    else if (isModuleName(module)) html = html.replace('</head>', `${await moduleLinks(module)}</head>`)
    cacheHeaders(index, c)
    return c.html(html)
  }
  // An API path the API does not answer (any method) is a JSON 404, not the page with 200.
  const apiNotFound = (c: Context) =>
    c.json({ error: { code: 'not_found', message: 'Not found', details: null } }, 404)
  app.all('/api', apiNotFound)
  app.all('/api/*', apiNotFound)
  app.get('/', page)
  app.use('/*', serveStatic({ root: shellDist, onFound: cacheHeaders, precompressed: true }))
  app.get('*', page)
}
