import { z } from 'zod'

import { firstPeriodDay, lastPeriodDay } from './days.ts'

export * from './areas.ts'
export * from './days.ts'

/** A calendar day a period may start or end on (days.ts). */
export const periodDay = z.iso.date().refine((day) => day >= firstPeriodDay && day <= lastPeriodDay, {
  message: `期间须在${firstPeriodDay.slice(0, 4)}年至${lastPeriodDay.slice(0, 4)}年之间 / The period must lie between ${firstPeriodDay.slice(0, 4)} and ${lastPeriodDay.slice(0, 4)}`,
})

/** The dimensions a figure can be broken down by. `area` is the division one level down from the region:
 * provinces of the nation, cities of a province, counties of a city, townships of a county. */
export const dimensions = [
  'area',
  'township',
  'station',
  'month',
  'quarter',
  'year',
  'category',
  'channel',
  'route',
  'kind',
  'level',
  'status',
] as const
export type Dimension = (typeof dimensions)[number]

export const compareModes = ['yoy', 'mom'] as const
export type CompareMode = (typeof compareModes)[number]

/** A region figures are read for: the nation, a province, city, county or township. */
export const regionCode = z.string().regex(
  /^(CN|\d{2}(\d{2}(\d{2}(\d{3})?)?)?)$/,
  // Figures stop at townships: projects, deputies and report-backs are not kept per village.
  'region must be CN (the nation) or a division code of 2, 4, 6 or 9 digits (province to township; for a village, choose its station)',
)

/** region + inclusive period, shared by every figure endpoint. */
export const scopeQuery = z
  .object({
    region: regionCode,
    from: periodDay,
    to: periodDay,
    compare: z.enum(compareModes).optional(),
  })
  .refine((q) => q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] })
export type ScopeQuery = z.infer<typeof scopeQuery>

/**
 * Township and station detail (breakdowns, rankings, station lists and scores) answers for a county or a township.
 * Above, a region holds thousands of them (the nation 41,000 townships and 234,000 stations: answers of 6 to 40 MB
 * taking seconds), and its next level down is `by=area`.
 */
export const detailDimensions: readonly Dimension[] = ['township', 'station']
export const isDetailScope = (region: string) => region.length >= 6
/** Whether a breakdown may answer for its region: any but township or station detail above a county. */
export const breakdownAllowed = (q: { by?: Dimension | undefined; region: string }) =>
  !q.by || !detailDimensions.includes(q.by) || isDetailScope(q.region)
export const detailScopeIssue = {
  message:
    '乡镇、站点明细请按县（区）或乡镇查询，以上地区请看下一级（by=area） / Township and station detail answers for a county or a township; above, ask by=area',
  path: ['region'],
}

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().nullable() }),
})
export type ErrorBody = z.infer<typeof errorBody>

export const regionRef = z.object({ code: z.string(), name: z.string(), level: z.string() })
export type RegionRef = z.infer<typeof regionRef>

export const periodMeta = z.object({
  region: regionRef,
  from: z.string(),
  to: z.string(),
  compare: z.enum(compareModes).nullable(),
  previous: z.object({ from: z.string(), to: z.string() }).nullable(),
})
export type PeriodMeta = z.infer<typeof periodMeta>
