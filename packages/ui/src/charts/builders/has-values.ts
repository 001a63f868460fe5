// Whether an areas chart has anything to draw: a period without records still lists every township, each with
// zeros or no rate, and a chart of those is an empty axis that says nothing. The panel then says 暂无数据.
import type { Row } from './common.ts'

export const hasValues = (rows: Row[], keys: string[]) =>
  rows.some((r) => keys.some((k) => typeof r[k] === 'number' && r[k] !== 0))
