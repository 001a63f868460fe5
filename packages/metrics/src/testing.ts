// Test helpers (imported by tests only).
import type { Dimension } from '@liaison/contracts'
import type { DbOrTx } from '@liaison/db'
import { expect } from 'vitest'
import { catalogById } from './catalog.ts'
import { queryMetrics } from './query.ts'

const flowIds = [
  'receptions',
  'visitors',
  'deputy_attendances',
  'opinions_collected',
  'opinions_replied',
  'opinions_resolved',
  'resolution_rate',
  'reply_rate',
  'timely_rate',
  'median_days_to_resolve',
  'backlog',
  'overdue',
  'opinions_evaluated',
  'satisfaction_rate',
  'projects',
  'funds_allocated',
  'funds_spent',
  'fund_execution_rate',
]
const byOptions: (Dimension | undefined)[] = [
  undefined,
  'month',
  'quarter',
  'township',
  'station',
  'category',
  'status',
]

/** Every flow figure, every breakdown, with and without the rollups: equal. */
export async function expectRollupsEqualFacts(db: DbOrTx, region: string, from: string, to: string) {
  for (const by of byOptions) {
    const ids = flowIds.filter((id) => !by || catalogById.get(id)!.dimensions.includes(by))
    const spec = { ids, region, from, to, by, compare: 'yoy' as const }
    const rolled = await queryMetrics(db, spec)
    const raw = await queryMetrics(db, { ...spec, useRollups: false })
    expect(rolled.data, `${region} ${from}..${to} by ${by}`).toEqual(raw.data)
  }
}
