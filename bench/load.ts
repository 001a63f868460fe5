// Load a scale into PostgreSQL: migrate, region tree, the scale generator (COPY per batch of counties) with a
// progress bar, then the area rollups. Shared by `pnpm generate` and `pnpm bench`.
import { createDb, type DbHandle } from '@liaison/db'
import { demoCountyCodes } from '@liaison/db/demo'
import { loadRegions } from '@liaison/db/regions'
import { refreshRollups } from '@liaison/metrics'
import cliProgress from 'cli-progress'
import postgres from 'postgres'
import { generateScale, type Scale, scales } from '../packages/db/src/scale/index.ts'

export function parseArgs(argv: string[]) {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`)
    if (i >= 0) return argv[i + 1]
    const eq = argv.find((a) => a.startsWith(`--${name}=`))
    return eq?.slice(name.length + 3)
  }
  const scale = (get('scale') ?? 'county') as Scale
  if (!scales.includes(scale)) throw new Error(`--scale must be one of ${scales.join(', ')}`)
  return { scale, databaseUrl: get('database-url') ?? process.env.DATABASE_URL, get }
}

/** The bench database of a scale on the local server, created when missing. */
export async function benchDatabase(scale: Scale, server = 'postgres://postgres@127.0.0.1:5432/postgres') {
  const name = `liaison_bench_${scale}`
  const admin = postgres(server, { max: 1, onnotice: () => {} })
  try {
    const [found] = await admin`select 1 from pg_database where datname = ${name}`
    if (!found) await admin.unsafe(`create database ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(server)
  url.pathname = `/${name}`
  return url.toString()
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US')

export interface LoadResult {
  scale: Scale
  counties: number
  rows: Record<string, number>
  totalRows: number
  generate_seconds: number
  /** The rollups' build and the VACUUM (ANALYZE) after it. */
  rollup_seconds: number
  load_seconds: number
}

export async function loadScale(handle: DbHandle, scale: Scale, log = console.log): Promise<LoadResult> {
  const started = performance.now()
  await handle.migrate()
  await loadRegions(handle, { villagesOf: scale === 'nation' ? [] : demoCountyCodes })
  const bar = new cliProgress.SingleBar(
    {
      format: `${scale} |{bar}| {value}/{total} counties · {rows} rows · {rate} rows/s · ETA {eta_formatted}`,
      etaBuffer: 20,
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    cliProgress.Presets.shades_classic,
  )
  let barStarted = false
  const genStarted = performance.now()
  const generated = await generateScale(handle, scale, {
    onProgress: ({ counties, totalCounties, rows }) => {
      const rate = rows / ((performance.now() - genStarted) / 1000)
      if (!barStarted) {
        bar.start(totalCounties, 0, { rows: '0', rate: '0' })
        barStarted = true
      }
      bar.update(counties, { rows: fmt(rows), rate: fmt(rate) })
    },
  })
  bar.stop()
  log(
    `generated ${fmt(generated.totalRows)} rows in ${generated.counties} counties in ${generated.seconds.toFixed(1)} s (${fmt(generated.totalRows / generated.seconds)} rows/s)`,
  )
  // The area rollups: one statement per table and level; show which one is running and the time so far.
  const rollStarted = performance.now()
  const rollBar = new cliProgress.SingleBar(
    {
      format: 'rollups |{bar}| {value}/{total} statements · {duration_formatted} elapsed',
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    cliProgress.Presets.shades_classic,
  )
  rollBar.start(1, 0)
  await refreshRollups(handle.db, 'all', (done, total) => {
    rollBar.setTotal(total)
    rollBar.update(done)
  })
  // VACUUM, not only ANALYZE: it sets the visibility map, without which every index-only scan reads the heap too.
  // Autovacuum would do that after a load in production; the machines here run PostgreSQL with autovacuum off, and
  // the region tree's probe of each county's stations took 52–127 ms instead of 20 at nation scale (20 s for all).
  await handle.exec('vacuum (analyze)')
  rollBar.stop()
  const rollupSeconds = (performance.now() - rollStarted) / 1000
  const loadSeconds = (performance.now() - started) / 1000
  log(
    `rollups rebuilt and tables vacuumed in ${rollupSeconds.toFixed(1)} s; load total ${loadSeconds.toFixed(1)} s`,
  )
  return {
    scale,
    counties: generated.counties,
    rows: generated.rows,
    totalRows: generated.totalRows,
    generate_seconds: +generated.seconds.toFixed(1),
    rollup_seconds: +rollupSeconds.toFixed(1),
    load_seconds: +loadSeconds.toFixed(1),
  }
}

/** Load unless the database already holds the scale; the load figures are kept as the database's comment. */
export async function ensureLoaded(url: string, scale: Scale): Promise<LoadResult | null> {
  const handle = await createDb({ url })
  try {
    const [has] = await handle
      .rows<{ n: boolean }>('select exists (select 1 from stations) as n')
      .catch(() => [{ n: false }])
    if (has?.n) {
      const [c] = await handle.rows<{ comment: string | null }>(
        'select shobj_description(oid, $1) as comment from pg_database where datname = current_database()',
        ['pg_database'],
      )
      return c?.comment ? (JSON.parse(c.comment) as LoadResult) : null
    }
    const result = await loadScale(handle, scale)
    const dbName = new URL(url).pathname.slice(1)
    await handle.exec(`comment on database "${dbName}" is '${JSON.stringify(result).replace(/'/g, "''")}'`)
    return result
  } finally {
    await handle.close()
  }
}
