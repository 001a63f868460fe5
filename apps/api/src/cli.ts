// `pnpm start`: one port (one process, or WORKERS processes), one clear line on failure.
import cluster from 'node:cluster'
import { DataDirInUseError } from '@liaison/db'
import { readEnv } from './env.ts'
import { prepareDatabase, startServer } from './main.ts'
import { checkDataDir, DataDirUnusableError } from './server/data-dir.ts'
import { logUnhandledRejections } from './server/unhandled.ts'
import { forkWorkers } from './server/workers.ts'

function explain(error: unknown, port: number): string {
  // drizzle wraps driver errors: the code that explains them is on the cause.
  let e = error as NodeJS.ErrnoException & { cause?: unknown }
  while (!e?.code && e?.cause) e = e.cause as typeof e
  if (error instanceof DataDirInUseError || error instanceof DataDirUnusableError) return error.message
  if (e?.code === 'EADDRINUSE')
    return `Port ${port} is already in use. Stop the other process or set PORT to a free port.`
  if (e?.code === 'EACCES')
    return `Not allowed to listen on port ${port}. Choose a port above 1024 with PORT.`
  if (
    e?.code === 'ECONNREFUSED' ||
    e?.code === 'ENOTFOUND' ||
    e?.code === 'CONNECT_TIMEOUT' ||
    e?.code === 'EAI_AGAIN'
  )
    return `Cannot reach the database in DATABASE_URL (${e.code}). Check the host, port and that PostgreSQL is running.`
  if (e?.code === '28P01' || e?.code === '28000')
    return 'The database refused the login in DATABASE_URL. Check the user and password.'
  if (e?.code === '3D000') return `The database named in DATABASE_URL does not exist: ${e.message}`
  if (e?.code === 'EROFS' || e?.code === 'EACCES' || e?.code === 'ENOSPC')
    return `Cannot write the data directory (${e.code}): ${e.message}. Set DATA_DIR to a writable directory with free space.`
  // PGlite's file system throws plain objects: print what they hold, never "[object Object]".
  const text = e?.message ?? (typeof error === 'object' ? JSON.stringify(error) : String(error))
  return `Could not start: ${text.slice(0, 300)}`
}

async function main() {
  logUnhandledRejections((line) => console.error(line))
  let env: ReturnType<typeof readEnv>
  try {
    env = readEnv()
  } catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
  const demo = process.argv.includes('--no-demo') ? false : env.DEMO
  const options = {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    readDatabaseUrl: env.DATABASE_READ_URL,
    listenDatabaseUrl: env.DATABASE_LISTEN_URL,
    dataDir: env.DATA_DIR,
    demo,
    devModules: env.DEV_MODULES,
    trustProxy: env.TRUST_PROXY,
    shutdownGraceMs: env.SHUTDOWN_GRACE_SECONDS && env.SHUTDOWN_GRACE_SECONDS * 1000,
    log: (line: string) => console.log(line),
  }
  const many = env.WORKERS > 1
  if (many && !env.DATABASE_URL) {
    console.error('WORKERS needs DATABASE_URL: the embedded database (PGlite) serves one process.')
    process.exit(1)
  }
  let stop: () => Promise<void>
  try {
    if (many && cluster.isPrimary) {
      // The database is prepared once (migrations, the demo seed), then the workers start on it.
      await (await prepareDatabase(options)).close()
      const pool = forkWorkers(env.WORKERS, options.log)
      await pool.ready
      const host = env.HOST ?? (demo ? '127.0.0.1' : 'localhost')
      console.log(
        `人大代表联络站履职数据驾驶舱 is running at http://${host}:${env.PORT}  (PostgreSQL, ${env.WORKERS} workers${demo ? ', demo data' : ''})`,
      )
      stop = pool.stop
    } else {
      if (!env.DATABASE_URL) checkDataDir(env.DATA_DIR)
      const server = await startServer(options)
      if (cluster.isPrimary)
        console.log(
          `人大代表联络站履职数据驾驶舱 is running at ${server.url}  (${server.handle.label}${demo ? ', demo data' : ''})`,
        )
      stop = server.close
    }
  } catch (error) {
    console.error(explain(error, env.PORT))
    process.exit(1)
  }
  let stopping = false
  const onSignal = async (signal: string) => {
    if (stopping) return
    stopping = true
    if (cluster.isPrimary) console.log(`${signal}: finishing in-flight requests and stopping…`)
    try {
      await stop()
    } catch (error) {
      // Not left to the unhandled-rejection log, which keeps a process going: a stop that failed still ends it.
      console.error(`Stopping failed: ${(error as Error)?.message ?? error}`)
      process.exit(1)
    }
    process.exit(0)
  }
  process.on('SIGTERM', () => void onSignal('SIGTERM'))
  process.on('SIGINT', () => void onSignal('SIGINT'))
}

await main()
