// `pnpm soak [--minutes 10] [--connections 200] [--pg postgres://…]`: run by hand, not in CI.
// Starts the production server (apps/api/src/cli.ts, as `pnpm start` does) on a fresh data directory, logs in as
// the demo leader, holds N connections on the overview and /metrics of 金沙县 2023 with autocannon for the given
// minutes, samples the server's RSS every 10 s and prints p99, errors and RSS first/last/max with its slope.
// With --pg (an admin URL) it runs on a fresh PostgreSQL database created for the run and dropped after; without,
// on the embedded PGlite (the database then lives in the server's own memory, so its RSS includes it).
// The result goes to bench/results/<date>-soak[-postgres].json.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import postgres from 'postgres'

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    connections: { type: 'string', default: '200' },
    pg: { type: 'string' },
    'sample-seconds': { type: 'string', default: '10' },
  },
})
const minutes = Number(args.minutes)
const connections = Number(args.connections)
const sampleMs = Number(args['sample-seconds']) * 1000
if (!(minutes > 0) || !(connections > 0))
  throw new Error('--minutes and --connections must be positive numbers')

const root = new URL('../../', import.meta.url).pathname
const cli = join(root, 'apps/api/src/cli.ts')
const period = 'region=520523&from=2023-01-01&to=2023-12-31'

function start(dataDir: string, databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    // One process (WORKERS unset), so its RSS is the server's.
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir }
    delete env.WORKERS
    if (databaseUrl) env.DATABASE_URL = databaseUrl
    else delete env.DATABASE_URL
    const child = spawn('node', ['--import', 'tsx', cli], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running at (http:\/\/\S+)/.exec(output)
      if (match) resolve({ child, url: match[1]! })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${output.slice(-2000)}`)))
  })
}

/** Resident memory of a process and its descendants, in MB (Linux /proc). */
function rssMb(pid: number): number {
  const kb = (p: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0)
  const children = (p: number): number[] =>
    readdirSync(`/proc/${p}/task`).flatMap((t) =>
      readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number),
    )
  let total = 0
  const queue = [pid]
  while (queue.length) {
    const p = queue.pop()!
    try {
      total += kb(p)
      queue.push(...children(p))
    } catch {
      // the process ended between listing and reading
    }
  }
  return Math.round((total / 1024) * 10) / 10
}

/** Least-squares slope of MB over minutes. */
function slope(samples: { seconds: number; mb: number }[]): number | null {
  if (samples.length < 2) return null
  const xs = samples.map((s) => s.seconds / 60)
  const ys = samples.map((s) => s.mb)
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length
  const my = ys.reduce((a, b) => a + b, 0) / ys.length
  const num = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0)
  const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0)
  return den ? Math.round((num / den) * 100) / 100 : null
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-soak-'))
  const name = `liaison_soak_${process.pid}`
  const admin = args.pg ? postgres(args.pg, { max: 1, onnotice: () => {} }) : null
  let databaseUrl = ''
  if (admin && args.pg) {
    await admin.unsafe(`drop database if exists ${name} with (force)`)
    await admin.unsafe(`create database ${name}`)
    databaseUrl = Object.assign(new URL(args.pg), { pathname: `/${name}` }).toString()
  }
  const database = admin ? 'postgres' : 'pglite'
  let server: { child: ChildProcess; url: string } | null = null
  try {
    console.log(`soak: starting the server on ${database} (first start seeds the demo)…`)
    server = await start(dataDir, databaseUrl)
    const pid = server.child.pid!
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo-leader', password: 'demo' }),
    })
    if (login.status !== 200) throw new Error(`login answered ${login.status}`)
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!

    const samples: { seconds: number; mb: number }[] = []
    const t0 = Date.now()
    const sample = () => {
      const mb = rssMb(pid)
      const seconds = Math.round((Date.now() - t0) / 1000)
      samples.push({ seconds, mb })
      console.log(`soak: ${String(seconds).padStart(4)} s  RSS ${mb} MB`)
    }
    sample()
    const timer = setInterval(sample, sampleMs)
    const failures = new Map<string, number>()
    console.log(`soak: ${connections} connections for ${minutes} min on the overview and /metrics…`)
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: server!.url,
          connections,
          duration: Math.round(minutes * 60),
          headers: { cookie },
          timeout: 60,
          requests: [
            { method: 'GET', path: `/api/v1/modules/overview/data?${period}` },
            { method: 'GET', path: `/api/v1/metrics?ids=receptions,visitors,resolution_rate&${period}` },
          ],
        },
        (error, done) => (error ? reject(error) : resolve(done)),
      )
      instance.on('reqError', (error: NodeJS.ErrnoException) => {
        const key = error.code ?? error.message
        failures.set(key, (failures.get(key) ?? 0) + 1)
      })
    })
    clearInterval(timer)
    sample()
    const mbs = samples.map((s) => s.mb)
    const half = samples.filter((s) => s.seconds >= (minutes * 60) / 2)
    const summary = {
      date: new Date().toISOString(),
      minutes,
      connections,
      database,
      machine: { cpus: cpus().length, node: process.version },
      endpoints: ['/api/v1/modules/overview/data', '/api/v1/metrics?ids=receptions,visitors,resolution_rate'],
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      failures: Object.fromEntries(failures),
      rssMb: {
        first: mbs[0],
        last: mbs.at(-1),
        max: Math.max(...mbs),
        slopeMbPerMinute: slope(samples),
        secondHalfSlopeMbPerMinute: slope(half),
        samples,
      },
    }
    console.log(
      `soak (${database}, ${minutes} min, ${connections} connections): ${summary.requests} requests, p50 ${summary.latencyMs.p50} ms, p99 ${summary.latencyMs.p99} ms, errors ${summary.errors} ${JSON.stringify(summary.failures)}, timeouts ${summary.timeouts}, non2xx ${summary.non2xx}`,
    )
    console.log(
      `soak: RSS first ${summary.rssMb.first} MB, last ${summary.rssMb.last} MB, max ${summary.rssMb.max} MB, slope ${summary.rssMb.slopeMbPerMinute} MB/min (second half ${summary.rssMb.secondHalfSlopeMbPerMinute} MB/min)`,
    )
    const dir = join(root, 'bench/results')
    mkdirSync(dir, { recursive: true })
    const file = join(
      dir,
      `${summary.date.slice(0, 10)}-soak${database === 'postgres' ? '-postgres' : ''}.json`,
    )
    writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`)
    console.log(`soak: wrote ${file}`)
    process.exitCode = summary.errors || summary.timeouts || summary.non2xx ? 1 : 0
  } finally {
    if (server && server.child.exitCode === null) {
      const exited = new Promise((resolve) => server!.child.once('exit', resolve))
      server.child.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))])
      if (server.child.exitCode === null) server.child.kill('SIGKILL')
    }
    await admin?.unsafe(`drop database if exists ${name} with (force)`)
    await admin?.end()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(`soak: ${(error as Error).message}`)
  process.exit(1)
})
