import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { DbHandle } from '@liaison/db'
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { createApi } from './app.ts'
import { ensureDemoUsers, ensureFirstAdmin } from './auth/users.ts'
import { openDatabase } from './server/bootstrap.ts'
import { mountFrontEnd } from './server/static.ts'

export interface StartOptions {
  port?: number
  host?: string | undefined
  databaseUrl?: string | undefined
  dataDir?: string
  demo?: boolean
  devModules?: boolean
  trustProxy?: boolean
  log?: (line: string) => void
}

export interface RunningServer {
  url: string
  handle: DbHandle
  /** Stop accepting connections, let in-flight requests finish, close the database. */
  close(): Promise<void>
}

/** Start the whole product in this process: migrations, demo data, API and built front end on one port. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const demo = options.demo ?? true
  const log = options.log ?? (() => {})
  const handle = await openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir ?? './data',
    demo,
    log,
  })
  if (demo) await ensureDemoUsers(handle.db)
  else {
    const password = await ensureFirstAdmin(handle.db)
    if (password)
      log(
        `Created the administrator: user admin, password ${password} (shown once; change it after logging in)`,
      )
  }
  const app = new Hono()
  // A CSP without inline scripts; Element Plus sets inline style attributes, so styles allow them.
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'same-origin',
      xFrameOptions: 'DENY',
    }),
  )
  app.route('/', createApi({ handle, demo, devModules: options.devModules, trustProxy: options.trustProxy }))
  mountFrontEnd(app)
  // In demo mode nobody else on the network should see the demo accounts.
  const hostname = options.host ?? (demo ? '127.0.0.1' : '0.0.0.0')
  try {
    const server = await listen(app, options.port ?? 8787, hostname)
    const { port } = server.address() as AddressInfo
    const shownHost = hostname === '0.0.0.0' ? 'localhost' : hostname
    return {
      url: `http://${shownHost}:${port}`,
      handle,
      close: async () => {
        await drain(server)
        await handle.close()
      },
    }
  } catch (error) {
    await handle.close()
    throw error
  }
}

/**
 * Stop accepting, let accepted requests finish, then close. Node's server.close() also destroys the sockets it
 * thinks idle, and that includes a socket accepted while the event loop was busy whose request has not been read
 * yet: its client gets ECONNRESET. So idle sockets are swept only after a grace period, every response while
 * stopping says `Connection: close`, and whatever is still open after `hardMs` is cut.
 */
async function drain(server: ReturnType<typeof serve>, graceMs = 1500, hardMs = 15_000) {
  const http = server as unknown as {
    closeIdleConnections(): void
    closeAllConnections(): void
    on(
      event: 'request',
      listener: (req: unknown, res: { setHeader(n: string, v: string): void }) => void,
    ): void
  }
  const sweepIdle = http.closeIdleConnections.bind(http)
  http.closeIdleConnections = () => {}
  http.on('request', (_req, res) => res.setHeader('connection', 'close'))
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  const sweep = setInterval(sweepIdle, graceMs)
  const hard = setTimeout(() => http.closeAllConnections(), hardMs)
  try {
    await closed
  } finally {
    clearInterval(sweep)
    clearTimeout(hard)
  }
}

function listen(app: Hono, port: number, hostname: string) {
  return new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname })
    server.once('error', reject)
    server.once('listening', () => {
      server.off('error', reject)
      resolve(server)
    })
  })
}
