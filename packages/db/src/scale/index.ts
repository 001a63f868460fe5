// The demo generator at larger scales (issue 7): the same build-one-county-then-COPY loop as seedDemo, fed with
// every county of a province or of the country. Counties outside the demo get a synthetic size sized so that
// `nation` lands on the totals; memory stays bounded by `countiesPerBatch` counties.

import { buildCounty, type CountyRows, idCounters } from '../demo/county.ts'
import { defaultSeed, isDatabaseEmpty } from '../demo/index.ts'
import { type DemoCounty, demoCounties } from '../demo/places.ts'
import { Random } from '../demo/random.ts'
import { type CountySize, countySizes } from '../demo/sizes.ts'
import { demoTables, finishSeed, writeCounties } from '../demo/write.ts'
import type { DbHandle } from '../index.ts'
import { withoutIndexes } from './bulk.ts'

export const scales = ['county', 'province', 'nation'] as const
export type Scale = (typeof scales)[number]

/**
 * One synthetic county's 2023 activity. Nation = ≈2,850 counties × five years (growth averages 0.966 of 2023):
 * 15M opinions → ≈1,090/county/year, 10M receptions → ≈725, 150k projects → ≈11, 2.8M deputies → ≈980;
 * ≈13 townships/county give 2 stations each (the 联络站 and the online one) + ≈50 rooms ≈ 77 places.
 */
export function syntheticSize(prefix: string): CountySize {
  return {
    rooms: 50,
    extraStations: [],
    points: {},
    homes: 1,
    deputies: 980,
    receptions: 725,
    visitorsPerActivity: 2,
    opinions: 1090,
    onlineShare: 0.35,
    projects: 11,
    projectFunds: 330_000,
    fundBudget: 3_000_000,
    prefix,
  }
}

/** The counties of a scale: `county` = 金沙县; `province` = the ≈90 counties of 贵州; `nation` = every county. */
export async function scaleCounties(handle: DbHandle, scale: Scale): Promise<DemoCounty[]> {
  if (scale === 'county') return [demoCounties[0]!]
  const rows = await handle.rows<{ code: string; name: string }>(
    `select c.code, c.name from regions c
     where c.level = 'county' and ($1 = '' or c.code like $1 || '%')
       and exists (select 1 from regions t where t.parent_code = c.code and t.level = 'township')
     order by c.code`,
    [scale === 'province' ? '52' : ''],
  )
  const demo = new Map(demoCounties.map((c) => [c.code, c]))
  return rows.map(
    (r) => demo.get(r.code) ?? { code: r.code, name: r.name, namedTownships: [], population: 400_000 },
  )
}

export interface ScaleProgress {
  counties: number
  totalCounties: number
  rows: number
}

export interface ScaleOptions {
  seed?: number
  /** Counties built in memory before one COPY per table (bounds memory: ≈25k rows per county). */
  countiesPerBatch?: number
  /** Only the first n counties (tests). */
  limit?: number
  onProgress?: (progress: ScaleProgress) => void
}

/** Generate a scale into an empty database (regions already loaded). Rollups are the caller's (refreshRollups). */
export async function generateScale(handle: DbHandle, scale: Scale, options: ScaleOptions = {}) {
  const started = performance.now()
  if (!(await isDatabaseEmpty(handle))) throw new Error('generateScale: the database already holds stations')
  const seed = options.seed ?? defaultSeed
  const perBatch = options.countiesPerBatch ?? 8
  let counties = await scaleCounties(handle, scale)
  if (options.limit) counties = counties.slice(0, options.limit)
  for (const county of counties) countySizes[county.code] ??= syntheticSize(`C${county.code}`)
  const ids = idCounters()
  const rows: Record<string, number> = {}
  let total = 0
  const written: { county: DemoCounty; townships: CountyRows['townships'] }[] = []
  const batch: CountyRows[] = []
  const flush = async () => {
    for (const [table, n] of Object.entries(await writeCounties(handle, batch))) {
      rows[table] = (rows[table] ?? 0) + n
      total += n
    }
    batch.length = 0
    options.onProgress?.({ counties: written.length, totalCounties: counties.length, rows: total })
  }
  const generate = async () => {
    for (const [i, county] of counties.entries()) {
      const built = await buildCounty(handle, county, new Random(seed + i * 7919), ids)
      // Villages are only needed while building; keep the townships light for finishSeed.
      written.push({ county, townships: built.townships.map((t) => ({ ...t, villages: [] })) })
      batch.push(built)
      if (batch.length === perBatch) await flush()
    }
    await flush()
  }
  try {
    // Above a county the tables' indexes and constraints are built once, after the rows are in.
    if (scale === 'county') await generate()
    else await withoutIndexes(handle, demoTables, generate)
    await finishSeed(handle, written)
  } catch (error) {
    await handle.exec(`truncate ${demoTables.join(', ')} restart identity cascade`)
    throw error
  }
  rows.county_settings = written.length
  return { counties: counties.length, rows, totalRows: total, seconds: (performance.now() - started) / 1000 }
}
