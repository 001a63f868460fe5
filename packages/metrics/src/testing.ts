// Test helpers (imported by tests only).
import { type Dimension, dimensions, nationCode } from '@liaison/contracts'
import type { DbOrTx } from '@liaison/db'
import { expect } from 'vitest'
import { catalog } from './catalog.ts'
import { queryMetrics } from './query.ts'

const byOptions: (Dimension | undefined)[] = [undefined, ...dimensions]

/** Every figure, every breakdown, with and without the rollups: equal. (Above a county, breakdowns by township
 * and station always read the facts, and list every township of the region: not compared there.) */
export async function expectRollupsEqualFacts(db: DbOrTx, region: string, from: string, to: string) {
  const aboveCounty = region === nationCode || region.length < 6
  for (const by of byOptions) {
    if (aboveCounty && (by === 'township' || by === 'station')) continue
    const ids = catalog.filter((m) => !by || m.dimensions.includes(by)).map((m) => m.id)
    const spec = { ids, region, from, to, by, compare: 'yoy' as const }
    const rolled = await queryMetrics(db, spec)
    const raw = await queryMetrics(db, { ...spec, useRollups: false })
    expect(rolled.data, `${region} ${from}..${to} by ${by}`).toEqual(raw.data)
  }
}
