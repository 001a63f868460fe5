import { createDb, type DbHandle } from '@liaison/db'
import { demoCountyCodes, isDatabaseEmpty, seedDemo } from '@liaison/db/demo'
import { loadRegions } from '@liaison/db/regions'
import { countyMonths, refreshRollups, staleCounties } from '@liaison/metrics'

export interface BootstrapOptions {
  databaseUrl?: string | undefined
  listenDatabaseUrl?: string | undefined
  dataDir: string
  demo: boolean
  log: (line: string) => void
}

/** Open the database, apply migrations, load the region tree on first start and seed the demo when empty. */
export async function openDatabase(options: BootstrapOptions): Promise<DbHandle> {
  const handle = await createDb({
    url: options.databaseUrl,
    listenUrl: options.listenDatabaseUrl,
    dataDir: options.dataDir,
  })
  try {
    await handle.migrate()
    const [regionCount] = await handle.rows<{ n: number }>('select count(*)::int as n from regions')
    if (!regionCount?.n) {
      const { seconds } = await loadRegions(handle, { villagesOf: demoCountyCodes })
      options.log(`Loaded the region tree (2023 division codes) in ${seconds.toFixed(1)} s`)
    }
    if (options.demo && (await isDatabaseEmpty(handle))) {
      const { seconds, rows } = await seedDemo(handle)
      await refreshRollups(handle.db, 'all')
      const total = Object.values(rows).reduce((a, b) => a + b, 0)
      options.log(`Seeded the demo data (${total.toLocaleString('en')} rows) in ${seconds.toFixed(1)} s`)
    }
    await catchUpRollups(handle, options.log)
    return handle
  } catch (error) {
    await handle.close()
    throw error
  }
}

/**
 * Rebuild the rollups of counties whose facts changed without a refresh (a new rollup layout after an upgrade,
 * or a writer outside the product). Until then their figures come from the facts: right, only slower.
 */
async function catchUpRollups(handle: DbHandle, log: (line: string) => void) {
  const stale = await staleCounties(handle.db)
  if (!stale.length) return
  const started = performance.now()
  const [all] = await handle.rows<{ n: number }>('select count(*)::int as n from data_versions')
  await handle.db.transaction(async (tx) => {
    if (stale.length === all?.n) await refreshRollups(tx, 'all')
    else
      for (const countyCode of stale)
        await refreshRollups(tx, [{ countyCode, months: await countyMonths(tx, countyCode) }])
  })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  log(`Rebuilt the rollups of ${stale.length} counties in ${seconds} s`)
}
