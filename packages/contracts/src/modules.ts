import { z } from 'zod'
import { periodMeta, regionRef } from './common.ts'

export const moduleNames = ['overview', 'stations', 'opinions', 'funding', 'reportback'] as const
export type ModuleName = (typeof moduleNames)[number]

export const modulesResponse = z.object({
  modules: z.array(
    z.object({
      name: z.enum(moduleNames),
      title: z.object({ zh: z.string(), en: z.string() }),
      entry: z.string(),
    }),
  ),
})
export type ModulesResponse = z.infer<typeof modulesResponse>

const figure = z.number().nullable()

export const kpi = z.object({
  id: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
  /** The figure's definition (the catalogue's formula), the card's hint. */
  formula: z.object({ zh: z.string(), en: z.string() }),
  unit: z.string(),
  value: figure,
  previous: figure,
  /** Counts: relative change; rates: change in percentage points as a fraction (0.032 = 3.2 个百分点). */
  change: figure,
  higherIsBetter: z.boolean().nullable(),
  target: figure,
})
export type Kpi = z.infer<typeof kpi>

export const overviewFigures = [
  'receptions',
  'visitors',
  'opinions_collected',
  'opinions_resolved',
  'resolution_rate',
  'satisfaction_rate',
  'funds_allocated',
  'reportback_rate',
] as const

/**
 * Data completeness of a county or a township (null above a county, where stations are not listed): every station
 * in operation by the period's end with its latest register entry (a reception or an opinion) up to that day,
 * whether it filed anything in the period's last month, and whether its registers are stale (nothing for
 * `staleDays` days before the period's end). `onTimeRate` = stations that filed in that month ÷ stations listed.
 */
export const completeness = z
  .object({
    month: z.string(),
    staleDays: z.number(),
    onTimeRate: figure,
    stations: z.array(
      z.object({
        id: z.number(),
        name: z.string(),
        township: z.string(),
        township_name: z.string(),
        last_filed: z.string().nullable(),
        filed_in_month: z.boolean(),
        stale: z.boolean(),
      }),
    ),
  })
  .nullable()
export type Completeness = z.infer<typeof completeness>

/**
 * A module's period and region, and `areasOf`: the region whose areas its comparison lists — the region itself,
 * or for a township the county it is compared within (a township's only area would be itself).
 */
export const moduleMeta = periodMeta.extend({ areasOf: regionRef })

export const overviewResponse = z.object({
  meta: moduleMeta,
  kpis: z.array(kpi),
  trend: z.array(
    z.object({
      month: z.string(),
      receptions: figure,
      visitors: figure,
      opinions_collected: figure,
      opinions_resolved: figure,
      resolution_rate: figure,
    }),
  ),
  /** The trend's first day: the period's, or for a period shorter than a year the first of the twelve months
   * ending with it (trendStart). */
  trendFrom: z.string(),
  /** The figures of the areas of `meta.areasOf` (`area`, `area_name`; see areaLabel) and of that region itself. */
  areas: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  total: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  narrative: z.object({ zh: z.string(), en: z.string() }),
  /** Under the trend: why its last months' 办结率 is low (their opinions still open), when it is (trendNote). */
  trendNote: z.object({ zh: z.string(), en: z.string() }).nullable(),
  /** Above a county: the counties that have imported nothing, named (notImportedNote); null when none. */
  notImported: z.object({ zh: z.string(), en: z.string() }).nullable(),
  completeness,
})
export type OverviewResponse = z.infer<typeof overviewResponse>

/**
 * The named breakdowns of each module's composite answer (GET /modules/<name>/data), the keys its charts read.
 * `areas` holds the areas of `meta.areasOf` (townships of a county, counties of a city, …: rows carry `area` and
 * `area_name`), and `areasTotal` one row: that region's own figures, the reference its area charts draw (县均…);
 * `funnel` one row: the opinions collected in the period and, of them, those replied, resolved and
 * evaluated by its end; `kinds` the stations by kind, with the plan's 联络站 and 联络室 (null for a township, which
 * has no plan); `items` one row: compliance with each item of 七有 and with all seven; `years` the three calendar years ending with the period's (the plan and the term); `list` the
 * stations; `monthly` the monthly receptions of the three stations with most receptions (the comparison's first
 * pick), where the user may open their details. Station-level breakdowns (`stations`, `list`, `monthly`) are
 * answered for a county or a township only, and are empty above (a province holds thousands of stations).
 */
export const moduleBreakdowns = {
  stations: ['areas', 'kinds', 'items', 'stations', 'list', 'years', 'monthly'],
  opinions: ['funnel', 'categories', 'channels', 'routes', 'areas', 'areasTotal', 'months'],
  funding: ['areas', 'categories', 'statuses', 'months'],
  reportback: ['areas', 'areasTotal', 'levels', 'years'],
} as const
export type CompositeModule = keyof typeof moduleBreakdowns

const row = z.record(z.string(), z.union([z.string(), z.number(), z.null()]))
export type BreakdownRow = z.infer<typeof row>

/** The composite answer of the stations, opinions, funding and report-back modules: KPIs and named breakdowns. */
/** One row of the station list (the stations module's `list` breakdown and the station routes). */
export const stationRow = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  status: z.string(),
  township_code: z.string(),
  township_name: z.string(),
  built_on: z.string().nullable(),
  standardised_on: z.string().nullable(),
  seven_items: z.number().int(),
  deputies: z.number().int(),
})
export type StationRow = z.infer<typeof stationRow>

export const moduleDataResponse = z.object({
  /** `detailsWithin`: where the user may open a station's details, null = anywhere (a township head lists the
   * county's stations but opens only their township's). */
  meta: moduleMeta.extend({
    detailsWithin: z.string().nullable(),
    /** Above a county, while some of its counties have imported nothing: whose figures these are
     * (partialCoverageNote); null otherwise. */
    partialCoverage: z.object({ zh: z.string(), en: z.string() }).nullable(),
  }),
  kpis: z.array(kpi),
  breakdowns: z.record(z.string(), z.array(row)),
})
export type ModuleDataResponse = z.infer<typeof moduleDataResponse>

/** One module's composite answer with its breakdowns named. */
export type ModuleData<N extends CompositeModule> = Omit<ModuleDataResponse, 'breakdowns'> & {
  breakdowns: Record<(typeof moduleBreakdowns)[N][number], BreakdownRow[]>
}
