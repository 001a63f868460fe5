import { z } from 'zod'
import { breakdownAllowed, detailScopeIssue, dimensions, periodMeta, scopeQuery } from './common.ts'

export const units = ['count', 'people', 'rate', 'yuan', 'days'] as const
export type Unit = (typeof units)[number]

export interface MetricDefinition {
  id: string
  label: { zh: string; en: string }
  unit: Unit
  /** The definition in words, as domain.md states it. */
  formula: { zh: string; en: string }
  higherIsBetter: boolean | null
  dimensions: readonly (typeof dimensions)[number][]
}

export const metricsQuery = scopeQuery
  .and(
    z.object({
      ids: z
        .string()
        .min(1, 'ids is required')
        .transform((s) =>
          s
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
        ),
      by: z.enum(dimensions).optional(),
    }),
  )
  .refine(breakdownAllowed, detailScopeIssue)
export type MetricsQuery = z.infer<typeof metricsQuery>

/** One row: the dimension value (and its label), then each figure; with compare, `<id>__previous` and `<id>__change`. */
export type MetricRow = Record<string, string | number | null>

export const metricsResponse = z.object({
  data: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  meta: periodMeta.extend({ by: z.enum(dimensions).nullable(), ids: z.array(z.string()) }),
})
export type MetricsResponse = z.infer<typeof metricsResponse>
