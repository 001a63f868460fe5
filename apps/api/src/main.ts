import type { AddressInfo, Socket } from 'node:net'
import { serve } from '@hono/node-server'
import { createDb, type DbHandle } from '@liaison/db'
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
  /** A streaming replica of databaseUrl for figure reads. */
  readDatabaseUrl?: string | undefined
  /** The same database as databaseUrl, on a connection that keeps its session (for LISTEN). */
  listenDatabaseUrl?: string | undefined
  dataDir?: string
  demo?: boolean
  devModules?: boolean
  trustProxy?: boolean
  /** On close, how long accepted requests may run before their connections are cut (default 15 s). */
  shutdownGraceMs?: number
  log?: (line: string) => void
}

export interface RunningServer {
  url: string
  handle: DbHandle
  /** Stop accepting connections, let in-flight requests finish, close the database. */
  close(): Promise<void>
}

/** Migrations, the region tree, the demo data and its accounts (or the first administrator): what a start needs
 * once in the database, idempotent. */
export async function prepareDatabase(options: StartOptions): Promise<DbHandle> {
  const demo = options.demo ?? true
  const log = options.log ?? (() => {})
  const handle = await openDatabase({
    databaseUrl: options.databaseUrl,
    listenDatabaseUrl: options.listenDatabaseUrl,
    dataDir: options.dataDir ?? './data',
    demo,
    log,
  })
  try {
    if (demo) await ensureDemoUsers(handle.db)
    else {
      const password = await ensureFirstAdmin(handle.db)
      if (password)
        log(
          `Created the administrator: user admin, password ${password} (shown once; change it after logging in)`,
        )
    }
    return handle
  } catch (error) {
    await handle.close()
    throw error
  }
}

/** Start the whole product in this process: migrations, demo data, API and built front end on one port. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const demo = options.demo ?? true
  const handle = await prepareDatabase(options)
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
  const replica = options.readDatabaseUrl ? await createDb({ url: options.readDatabaseUrl }) : undefined
  app.route(
    '/',
    createApi({ handle, replica, demo, devModules: options.devModules, trustProxy: options.trustProxy }),
  )
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
        await drain(server, options.shutdownGraceMs)
        await Promise.all([handle.close(), replica?.close()])
      },
    }
  } catch (error) {
    await Promise.all([handle.close(), replica?.close()])
    throw error
  }
}

/**
 * Stop accepting, let accepted requests finish, then close. Node's server.close() also destroys every socket it
 * thinks idle, and that includes a socket accepted while the event loop was busy whose request has not been read
 * yet: its client gets ECONNRESET. So only keep-alive sockets that have been answered and carry no request are
 * closed; every response while stopping says `Connection: close`; whatever is still open after `hardMs` is cut.
 */
async function drain(server: ReturnType<typeof serve>, hardMs = 15_000) {
  const http = server as unknown as {
    closeIdleConnections(): void
    closeAllConnections(): void
    on(
      event: 'request',
      listener: (req: unknown, res: { setHeader(n: string, v: string): void }) => void,
    ): void
  }
  http.closeIdleConnections = () => {}
  http.on('request', (_req, res) => res.setHeader('connection', 'close'))
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  const sweep = setInterval(() => {
    for (const [socket, state] of sockets.get(server) ?? [])
      if (state.served > 0 && !state.active) socket.destroy()
  }, 250)
  const hard = setTimeout(() => http.closeAllConnections(), hardMs)
  try {
    await closed
  } finally {
    clearInterval(sweep)
    clearTimeout(hard)
  }
}

/** Per socket: has it been answered before, and is a request on it now. */
const sockets = new WeakMap<object, Map<Socket, { served: number; active: boolean }>>()

function track(server: ReturnType<typeof serve>) {
  const states = new Map<Socket, { served: number; active: boolean }>()
  sockets.set(server, states)
  const http = server as unknown as {
    on(event: 'connection', listener: (socket: Socket) => void): void
    on(
      event: 'request',
      listener: (req: { socket: Socket }, res: { once(e: 'finish' | 'close', f: () => void): void }) => void,
    ): void
  }
  http.on('connection', (socket) => {
    states.set(socket, { served: 0, active: false })
    socket.once('close', () => states.delete(socket))
  })
  http.on('request', (req, res) => {
    const state = states.get(req.socket)
    if (!state) return
    state.active = true
    const done = () => {
      state.active = false
      state.served += 1
    }
    res.once('finish', done)
  })
}

function listen(app: Hono, port: number, hostname: string) {
  return new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname })
    // Node's 5 s keep-alive timer can fire late, after an event loop kept busy by the embedded database, and
    // close a socket whose next request is already waiting (ECONNRESET for the client). 65 s, as behind a proxy.
    const http = server as unknown as { keepAliveTimeout: number; headersTimeout: number }
    http.keepAliveTimeout = 65_000
    http.headersTimeout = 66_000
    track(server)
    server.once('error', reject)
    server.once('listening', () => {
      server.off('error', reject)
      resolve(server)
    })
  })
}
