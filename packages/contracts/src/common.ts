import { z } from 'zod'

const isoDay = z.iso.date()

/** The whole country as a region: every figure endpoint takes it where it takes a division code. */
export const nationCode = 'CN'

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

/** What a region's areas are called: provinces of the nation, cities of a province, counties of a city,
 * townships of a county (and of a township, itself). */
export function areaLabel(region: string): { zh: string; en: string } {
  const length = region === nationCode ? 0 : region.length
  if (length === 0) return { zh: '省（区、市）', en: 'Province' }
  if (length === 2) return { zh: '市（州）', en: 'City' }
  if (length === 4) return { zh: '县（市、区）', en: 'County' }
  return { zh: '乡镇（街道）', en: 'Township' }
}

/** The people's congress body of a region, as a watermark names the organisation: the standing committee
 * (人大常委会) of a county, city or province, a township's presidium (人大主席团), a sub-district's working
 * committee (人大工委, 街道 have no congress of their own). */
export function organisationName(region: string, name: string): { zh: string; en: string } {
  if (region === nationCode)
    return { zh: '全国人大常委会', en: "Standing Committee of the National People's Congress" }
  if (region.length < 9)
    return { zh: `${name}人大常委会`, en: `Standing Committee of the ${name} People's Congress` }
  if (name.endsWith('街道'))
    return { zh: `${name}人大工委`, en: `${name} People's Congress Working Committee` }
  return { zh: `${name}人大主席团`, en: `Presidium of the ${name} People's Congress` }
}

/** What the reference row of an area table is called: the region's own rate, or its total per area. */
export function averageLabel(region: string): { zh: string; en: string } {
  const length = region === nationCode ? 0 : region.length
  if (length === 0) return { zh: '全国平均', en: 'National average' }
  if (length === 2) return { zh: '省均', en: 'Province average' }
  if (length === 4) return { zh: '市均', en: 'City average' }
  if (length === 6) return { zh: '县均', en: 'County average' }
  return { zh: '乡镇均', en: 'Township average' }
}

export const compareModes = ['yoy', 'mom'] as const
export type CompareMode = (typeof compareModes)[number]

/** region + inclusive period, shared by every figure endpoint. */
export const scopeQuery = z
  .object({
    region: z.string().regex(
      /^(CN|\d{2}(\d{2}(\d{2}(\d{3})?)?)?)$/,
      // Figures stop at townships: projects, deputies and report-backs are not kept per village.
      'region must be CN (the nation) or a division code of 2, 4, 6 or 9 digits (province to township; for a village, choose its station)',
    ),
    from: isoDay,
    to: isoDay,
    compare: z.enum(compareModes).optional(),
  })
  .refine((q) => q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] })
export type ScopeQuery = z.infer<typeof scopeQuery>

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
