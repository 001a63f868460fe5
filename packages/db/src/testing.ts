// Test databases for both engines: embedded PGlite always, real PostgreSQL when TEST_DATABASE_URL is set.
// PGlite is PostgreSQL 18 and production runs 15, so only the real server proves the SQL runs in production.
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
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

export function testEngines(): TestEngine[] {
  const engines: TestEngine[] = [{ name: 'pglite', create: pgliteFromTemplate }]
  const url = process.env.TEST_DATABASE_URL
  if (url) engines.push({ name: 'postgres', create: () => postgresFresh(url) })
  return engines
}
