import type { Row } from '../charts/builders/common.ts'
import type { Unit } from '../format/index.ts'

export interface RankingColumn {
  key: string
  label: string
  unit?: Unit
  higherIsBetter?: boolean | null
}

export type SortOrder = 'asc' | 'desc'

/** Sort rows by one key: numbers numerically, text by zh-CN collation (pinyin), nulls always last. */
export function sortRows<R extends Row>(rows: readonly R[], key: string, order: SortOrder): R[] {
  const collator = new Intl.Collator('zh-CN')
  const sign = order === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const x = a[key]
    const y = b[key]
    if (x == null || x === '') return y == null || y === '' ? 0 : 1
    if (y == null || y === '') return -1
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign
    return collator.compare(String(x), String(y)) * sign
  })
}

/** Whether a cell is better or worse than the reference (the county average), given the figure's direction. */
export function toneAgainst(value: unknown, reference: unknown, higherIsBetter: boolean | null | undefined) {
  if (typeof value !== 'number' || typeof reference !== 'number' || higherIsBetter == null) return 'neutral'
  if (value === reference) return 'neutral'
  return value > reference === higherIsBetter ? 'good' : 'bad'
}
