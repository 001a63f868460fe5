// Test databases for both engines: embedded PGlite always, real PostgreSQL when TEST_DATABASE_URL is set.
// PGlite is PostgreSQL 18 and production runs 15, so only the real server proves the SQL runs in production.
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { connect, createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import postgres from 'postgres'
import { demoCountyCodes } from './demo/places.ts'
import { createDb, type DbHandle, migrationsFolder } from './index.ts'
import { loadRegions } from './regions/load.ts'

export interface TestEngine {
  name: 'pglite' | 'postgres'
  /** A fresh, migrated database with the region tree loaded. */
  create(): Promise<DbHandle>
}

function templateKey(): string {
  const hash = createHash('sha256')
  for (const file of readdirSync(migrationsFolder).sort()) {
    if (file.endsWith('.sql')) hash.update(readFileSync(join(migrationsFolder, file)))
  }
  return hash.digest('hex').slice(0, 16)
}

async function prepare(handle: DbHandle) {
  await handle.migrate()
  await loadRegions(handle, { villagesOf: demoCountyCodes })
}

/** Migrate once, dump the data directory, and start every later test database from the dump (≈0.3 s). */
async function pgliteFromTemplate(): Promise<DbHandle> {
  const dir = join(tmpdir(), 'liaison-test-templates')
  const file = join(dir, `pglite-${templateKey()}.tar.gz`)
  if (!existsSync(file)) {
    const seed = await createDb({ dataDir: 'memory://' })
    await prepare(seed)
    const dump = await seed.dumpDataDir!()
    mkdirSync(dir, { recursive: true })
    const partial = `${file}.${process.pid}.tmp`
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
    renameSync(partial, file) // atomic: parallel workers never read half a file
    await seed.close()
  }
  const handle = await createDb({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(file)]) })
  return handle
}

async function postgresFresh(adminUrl: string): Promise<DbHandle> {
  const name = `liaison_t_${randomBytes(5).toString('hex')}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const handle = await createDb({ url: url.toString(), max: 4 })
  urls.set(handle, url.toString())
  await prepare(handle)
  const close = handle.close
  handle.close = async () => {
    await close()
    const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} })
    await cleanup.unsafe(`drop database if exists ${name} with (force)`)
    await cleanup.end()
  }
  return handle
}

const urls = new WeakMap<DbHandle, string>()

/** Another client of a test database on the real server, as another process would be (null on PGlite, which one
 * process owns). End it after use. */
export function anotherClient(handle: DbHandle): postgres.Sql | null {
  const url = urls.get(handle)
  return url ? postgres(url, { max: 1, onnotice: () => {} }) : null
}

export function testEngines(): TestEngine[] {
  const engines: TestEngine[] = [{ name: 'pglite', create: pgliteFromTemplate }]
  const url = process.env.TEST_DATABASE_URL
  if (url) engines.push({ name: 'postgres', create: () => postgresFresh(url) })
  return engines
}

/**
 * A loopback TCP proxy to PostgreSQL, to make outages without stopping the shared server: `cut` closes every
 * connection and the port (`open` again on the same port); `freeze` stops all traffic and closes nothing, as a
 * network that drops packets does, until `thaw`.
 */
export function tcpProxy(target: URL) {
  const pairs = new Set<[Socket, Socket]>()
  let server: Server | null = null
  let port = 0
  const flow = (on: boolean) => {
    for (const [client, upstream] of pairs) {
      if (on) client.pipe(upstream).pipe(client)
      else {
        client.unpipe(upstream).pause()
        upstream.unpipe(client).pause()
      }
    }
  }
  const open = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname)
        const pair: [Socket, Socket] = [client, upstream]
        pairs.add(pair)
        for (const s of pair) {
          s.on('close', () => pairs.delete(pair))
          s.on('error', () => s.destroy())
        }
        client.pipe(upstream).pipe(client)
      })
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port
        resolve()
      })
    })
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const pair of pairs) for (const s of pair) s.destroy()
      server!.close(() => resolve())
    })
  /** The proxy's URL for a database on the target server. */
  const url = (database: string) => {
    const u = new URL(target)
    u.host = `127.0.0.1:${port}`
    u.pathname = `/${database}`
    return u.toString()
  }
  return { open, cut, freeze: () => flow(false), thaw: () => flow(true), port: () => port, url }
}

/** Wait until `test` holds, asking every `every` ms; past `ms`, fail, naming `what`. */
export async function until(test: () => boolean | Promise<boolean>, what: string, ms = 5000, every = 20) {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await test()) return
    await new Promise((r) => setTimeout(r, every))
  }
  throw new Error(`timed out waiting for ${what}`)
}
