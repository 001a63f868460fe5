// The deterministic demo: the places of the source articles, 2021–2025, calibrated to their figures.
import type { DbHandle } from '../index.ts'
import { buildCounty, type CountyRows, idCounters } from './county.ts'
import { type DemoCounty, demoCounties } from './places.ts'
import { Random } from './random.ts'
import { demoTables, finishSeed, writeCounties } from './write.ts'

export { calibration, demoCounties, demoCountyCodes, demoFrom, demoTo, demoYears } from './places.ts'

export interface SeedOptions {
  /** Same seed, same rows. */
  seed?: number
  /**
   * 'demo' = the seven article counties at their real size. Larger scales (county, province, nation) will
   * feed more counties through the same build-one-county-then-write loop.
   */
  scale?: 'demo'
}

export interface SeedResult {
  /** Rows written per table. */
  rows: Record<string, number>
  seconds: number
}

export const defaultSeed = 20231231
/** Counties built before they are written: the whole demo fits in memory at once. */
const countiesPerBatch = demoCounties.length

/** True when there is no station yet: the demo is only ever seeded into an empty database. */
export async function isDatabaseEmpty(handle: DbHandle): Promise<boolean> {
  const [row] = await handle.rows<{ empty: boolean }>('select not exists (select 1 from stations) as empty')
  return row?.empty ?? true
}

/** Each county gets its own generator, so a county's rows do not depend on the ones before it. */
async function* countyRows(handle: DbHandle, counties: DemoCounty[], seed: number) {
  const ids = idCounters()
  for (const [i, county] of counties.entries()) {
    yield { county, rows: await buildCounty(handle, county, new Random(seed + i * 7919), ids) }
  }
}

/**
 * Seed the demo into an empty database. COPY runs outside a transaction on postgres.js (the pool hands it its
 * own connection), so instead of one transaction a failure empties the demo tables again: no partial seed.
 */
export async function seedDemo(handle: DbHandle, options: SeedOptions = {}): Promise<SeedResult> {
  const started = performance.now()
  if (!(await isDatabaseEmpty(handle))) throw new Error('seedDemo: the database already holds stations')
  const seed = options.seed ?? defaultSeed
  const rows: Record<string, number> = {}
  const written: { county: DemoCounty; townships: CountyRows['townships'] }[] = []
  const batch: CountyRows[] = []
  const flush = async () => {
    for (const [table, n] of Object.entries(await writeCounties(handle, batch)))
      rows[table] = (rows[table] ?? 0) + n
    batch.length = 0
  }
  try {
    for await (const { county, rows: built } of countyRows(handle, demoCounties, seed)) {
      batch.push(built)
      written.push({ county, townships: built.townships })
      if (batch.length === countiesPerBatch) await flush()
    }
    await flush()
    await finishSeed(handle, written)
  } catch (error) {
    await handle.exec(`truncate ${demoTables.join(', ')} restart identity cascade`)
    throw error
  }
  rows.county_settings = written.length
  return { rows, seconds: (performance.now() - started) / 1000 }
}
